// Recomputes the chain in order, from the genesis or from a verified checkpoint on; reports the first entry whose
// link or hash does not match. `last` is the newest entry checked (where the next checkpoint can go).
import type { DbOrTx } from "@/lib/db/client";
import { GENESIS_HASH, hashEntry } from "./hash-chain";

export type ChainVerdict =
  | { ok: true; entries: number; last: { seq: bigint; hash: string } | null }
  | { ok: false; entries: number; brokenAt: bigint; reason: "hash_mismatch" | "link_mismatch" };

export async function verifyAuditChain(opts: {
  db: DbOrTx;
  pageSize?: number;
  /** Start after this entry, already verified with the `entries` before it (a checkpoint). */
  from?: { seq: bigint; hash: string; entries: number };
}): Promise<ChainVerdict> {
  const pageSize = opts.pageSize ?? 5000;
  let prevHash = opts.from?.hash ?? GENESIS_HASH;
  let after = opts.from?.seq ?? -1n;
  let entries = opts.from?.entries ?? 0;
  let last = opts.from ? { seq: opts.from.seq, hash: opts.from.hash } : null;
  for (;;) {
    const page = await opts.db.auditEvent.findMany({
      where: { seq: { gt: after } },
      orderBy: { seq: "asc" },
      take: pageSize,
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
    for (const e of page) {
      entries++;
      if (e.prevHash !== prevHash) return { ok: false, entries, brokenAt: e.seq, reason: "link_mismatch" };
      if (hashEntry(prevHash, e) !== e.hash) return { ok: false, entries, brokenAt: e.seq, reason: "hash_mismatch" };
      prevHash = e.hash;
      last = { seq: e.seq, hash: e.hash };
    }
    if (page.length < pageSize) return { ok: true, entries, last };
    after = page[page.length - 1]!.seq;
  }
}
