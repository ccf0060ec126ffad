// The privacy officer's preview of a draft policy file (/staff/policy/preview): the draft is validated exactly as at
// start-up (every problem named by its field), and a valid draft is compared line by line with the file in force.
// Nothing is stored or changed: the file in the repository stays the source of truth, and the draft lives only in the
// request. Privacy officers and admins only (policy.read), decided before the draft is read.
import "server-only";
import { can, type StaffPrincipal } from "@/lib/auth/permissions";
import { diffPolicySources, type PolicyDiff } from "./diff-policy-versions";
import { parsePolicyFile, type Policy } from "./file/load-policy-file";

/** A policy file is a few hundred lines; a draft far beyond this is not one. */
export const MAX_DRAFT_BYTES = 256 * 1024;

export type PolicyDraftPreview =
  | { ok: true; draft: Policy; diff: Omit<PolicyDiff, "from" | "to">; unchanged: boolean }
  | { ok: false; code: "forbidden" }
  | { ok: false; code: "invalid"; problems: string[] }
  | { ok: false; code: "empty" | "too_large" };

export function previewPolicyDraft(opts: {
  staff: StaffPrincipal;
  source: string;
  current: Pick<Policy, "source" | "hash">;
}): PolicyDraftPreview {
  if (!can(opts.staff, "policy.read")) return { ok: false, code: "forbidden" };
  if (opts.source.trim() === "") return { ok: false, code: "empty" };
  if (Buffer.byteLength(opts.source, "utf8") > MAX_DRAFT_BYTES) return { ok: false, code: "too_large" };
  const parsed = parsePolicyFile(opts.source);
  if (!parsed.ok) return { ok: false, code: "invalid", problems: parsed.problems };
  return {
    ok: true,
    draft: parsed.policy,
    diff: diffPolicySources(opts.current.source, opts.source),
    unchanged: parsed.policy.hash === opts.current.hash,
  };
}
