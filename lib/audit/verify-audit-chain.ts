// Recomputes the chain in order, from the genesis or from a verified checkpoint on; reports the first entry whose
// link or hash does not match. `last` is the newest entry checked (where the next checkpoint can go).
import type { DbOrTx } from "@/lib/db/client";
import { GENESIS_HASH, hashEntry } from "./hash-chain";

export type ChainVerdict =
  | {
      ok: true;
      entries: number;
      last: { seq: bigint; hash: string } | null;
      /** Stopped at `limit` with entries after `last` still unchecked. */
      more?: boolean;
    }
  | { ok: false; entries: number; brokenAt: bigint; reason: "hash_mismatch" | "link_mismatch" };

export async function verifyAuditChain(opts: {
  db: DbOrTx;
  pageSize?: number;
  /** Start after this entry, already verified with the `entries` before it (a checkpoint). */
  from?: { seq: bigint; hash: string; entries: number };
  /** Check at most this many entries (a bounded step; the verdict says when more are left). */
  limit?: number;
}): Promise<ChainVerdict> {
  const limit = opts.limit ?? Infinity;
  const pageSize = Math.min(opts.pageSize ?? 5000, limit);
  let checked = 0;
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
    checked += page.length;
    if (page.length < pageSize) return { ok: true, entries, last };
    if (checked >= limit) return { ok: true, entries, last, more: true };
    after = page[page.length - 1]!.seq;
  }
}
