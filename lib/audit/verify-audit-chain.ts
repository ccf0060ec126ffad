// Recomputes the whole chain in order; reports the first entry whose link or hash does not match.
import type { DbOrTx } from "@/lib/db/client";
import { GENESIS_HASH, hashEntry } from "./hash-chain";

export type ChainVerdict =
  | { ok: true; entries: number }
  | { ok: false; entries: number; brokenAt: bigint; reason: "hash_mismatch" | "link_mismatch" };

export async function verifyAuditChain(opts: { db: DbOrTx; pageSize?: number }): Promise<ChainVerdict> {
  const pageSize = opts.pageSize ?? 5000;
  let prevHash = GENESIS_HASH;
  let after = -1n;
  let entries = 0;
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
    }
    if (page.length < pageSize) return { ok: true, entries };
    after = page[page.length - 1]!.seq;
  }
}
