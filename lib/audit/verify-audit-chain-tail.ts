// A quick check of the newest audit entries for the dashboard: each of the last `entries` entries links to the one
// before it and its hash matches its fields. Bounded (the primary key's index, newest first), unlike the full
// verification on the audit page (verify-audit-chain.ts), which reads the whole trail.
import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import { GENESIS_HASH, hashEntry } from "./hash-chain";

export type ChainTailVerdict =
  | { ok: true; checked: number; latestAt: Date | null }
  | { ok: false; checked: number; brokenAt: bigint; reason: "hash_mismatch" | "link_mismatch" };

export async function verifyAuditChainTail(opts: { db: DbOrTx; entries?: number }): Promise<ChainTailVerdict> {
  const n = opts.entries ?? 1000;
  const newestFirst = await opts.db.auditEvent.findMany({
    orderBy: { seq: "desc" },
    // One more than checked: the entry before the oldest checked one is what its link must point to.
    take: n + 1,
    select: {
      seq: true,
      at: true,
      actorType: true,
      actorId: true,
      action: true,
      subjectType: true,
      subjectId: true,
      fields: true,
      prevHash: true,
      hash: true,
    },
  });
  const entries = newestFirst.reverse();
  // When the whole trail fits, the oldest entry links to the genesis hash; otherwise the extra entry anchors it.
  const anchored = entries.length > n;
  let prevHash = anchored ? entries[0]!.hash : GENESIS_HASH;
  const checked = anchored ? entries.slice(1) : entries;
  for (const e of checked) {
    if (e.prevHash !== prevHash)
      return { ok: false, checked: checked.length, brokenAt: e.seq, reason: "link_mismatch" };
    if (hashEntry(e.prevHash, e) !== e.hash) {
      return { ok: false, checked: checked.length, brokenAt: e.seq, reason: "hash_mismatch" };
    }
    prevHash = e.hash;
  }
  return { ok: true, checked: checked.length, latestAt: checked.at(-1)?.at ?? null };
}
