// The policy versions this deployment has run with (PolicyVersion), newest first, each with how many contacts in the
// register were collected under it, and how many were collected before versions were recorded. One grouped count over
// the contacts' policyVersionHash index.
import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import type { PolicyVersionSummary } from "@/lib/contacts/get-contact-record";

export type RecordedPolicyVersion = PolicyVersionSummary & {
  firstSeenAt: Date;
  /** Contacts in the register collected under this version. */
  contacts: number;
};

export async function listPolicyVersions(opts: {
  db: DbOrTx;
}): Promise<{ versions: RecordedPolicyVersion[]; collectedBeforeVersions: number }> {
  const [rows, counts] = await Promise.all([
    opts.db.policyVersion.findMany({
      orderBy: [{ firstSeenAt: "desc" }, { effective: "desc" }],
      select: { hash: true, effective: true, note: true, firstSeenAt: true },
    }),
    opts.db.contact.groupBy({ by: ["policyVersionHash"], _count: { _all: true } }),
  ]);
  const count = new Map(counts.map((c) => [c.policyVersionHash, c._count._all]));
  return {
    versions: rows.map((v) => ({
      hash: v.hash,
      effective: v.effective.toISOString().slice(0, 10),
      note: v.note as PolicyVersionSummary["note"],
      firstSeenAt: v.firstSeenAt,
      contacts: count.get(v.hash) ?? 0,
    })),
    collectedBeforeVersions: count.get(null) ?? 0,
  };
}
