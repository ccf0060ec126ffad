// The policy's recorded versions for the privacy officer's view (/staff/policy): privacy officers and admins only
// (policy.read), decided before anything is read. The running version is recorded first if this process has not yet,
// so the list always holds it; with `compare`, the line diff between two of the versions.
import "server-only";
import { can, type StaffPrincipal } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { diffPolicyVersions, type PolicyDiffResult } from "@/lib/policy/diff-policy-versions";
import { listPolicyVersions, type RecordedPolicyVersion } from "@/lib/policy/list-policy-versions";
import { ensureCurrentPolicyVersion } from "@/lib/policy/record-policy-version";
import { FORBIDDEN, type Refusal } from "./refusal";

export type PolicyVersionsForStaff = {
  ok: true;
  current: string;
  versions: RecordedPolicyVersion[];
  collectedBeforeVersions: number;
  /** Null when no comparison was asked for. */
  diff: PolicyDiffResult | null;
};

export async function loadPolicyVersionsForStaff(opts: {
  db: Db;
  staff: StaffPrincipal;
  compare?: { from: string; to: string } | null;
}): Promise<PolicyVersionsForStaff | Refusal> {
  if (!can(opts.staff, "policy.read")) return FORBIDDEN;
  const current = await ensureCurrentPolicyVersion(opts.db);
  const [list, diff] = await Promise.all([
    listPolicyVersions({ db: opts.db }),
    opts.compare ? diffPolicyVersions({ db: opts.db, ...opts.compare }) : null,
  ]);
  return { ok: true, current, ...list, diff };
}
