// The audit trail's tamper check at register size: verified checkpoints (AuditCheckpoint) let a page view check only
// the entries written since the newest one, in milliseconds instead of re-hashing 5,000,000 entries (a minute). The
// checkpoint's own entry is compared with the hash kept for it, so an edit there is caught too; an edit further back
// is caught by the next full check (`verifyAuditChainFully`, on demand from the audit page), which starts again from
// the genesis hash. Both write a checkpoint where they ended; a checkpoint is only ever written after a success, and
// a full check that finds a break removes the checkpoints after it, so every page view reports the break from then on.
import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import { hashEntry } from "./hash-chain";
import { verifyAuditChain } from "./verify-audit-chain";

export type AuditChainCheck =
  | {
      ok: true;
      entries: number;
      /** Entries hashed by this check (those after the checkpoint it started from). */
      checkedNow: number;
      /** When the checkpoint this check started from was verified; null when it started from the genesis. */
      since: Date | null;
      /** The newest full check from the genesis, if any. */
      lastFull: { at: Date; entries: number } | null;
      /** Newer entries are left for the next view or the worker's check (more than one step's worth were new). */
      pending: boolean;
    }
  | {
      ok: false;
      entries: number;
      brokenAt: bigint;
      reason: "hash_mismatch" | "link_mismatch";
      lastFull: { at: Date; entries: number } | null;
    };

/**
 * At most this many entries a view checks (about 0.3 s). In daily use far fewer are new since the last view; a trail
 * never checked before (a register loaded in bulk, before the worker's first full check) is caught up a step per view.
 */
export const CHECK_STEP = 5000;

/** Checks the entries after the newest checkpoint (or from the first when there is none), at most `limit` of them. */
export async function checkAuditChain(opts: { db: DbOrTx; now?: Date; limit?: number }): Promise<AuditChainCheck> {
  const [latest, lastFull] = await Promise.all([
    opts.db.auditCheckpoint.findFirst({ orderBy: { seq: "desc" } }),
    lastFullCheck(opts.db),
  ]);
  if (latest) {
    // The entry must still be the one verified: the same stored hash, and fields that still hash to it.
    const entry = await opts.db.auditEvent.findUnique({ where: { seq: latest.seq } });
    if (!entry || entry.hash !== latest.hash || hashEntry(entry.prevHash, entry) !== latest.hash)
      return { ok: false, entries: latest.entries, brokenAt: latest.seq, reason: "hash_mismatch", lastFull };
  }
  const from = latest ? { seq: latest.seq, hash: latest.hash, entries: latest.entries } : undefined;
  const verdict = await verifyAuditChain({ db: opts.db, from, limit: opts.limit ?? CHECK_STEP });
  if (!verdict.ok) return { ...verdict, lastFull };
  await saveCheckpoint(opts.db, verdict, false, opts.now);
  return {
    ok: true,
    entries: verdict.entries,
    checkedNow: verdict.entries - (latest?.entries ?? 0),
    since: latest?.verifiedAt ?? null,
    lastFull,
    pending: verdict.more === true,
  };
}

/** Verifies every entry from the genesis hash (a minute on 5,000,000 entries) and records a full checkpoint. */
export async function verifyAuditChainFully(opts: { db: DbOrTx; now?: Date }) {
  const verdict = await verifyAuditChain({ db: opts.db });
  if (verdict.ok) await saveCheckpoint(opts.db, verdict, true, opts.now);
  // Checkpoints at or after a break vouch for a chain that is not intact: without them the next page view starts
  // before the break and reports it there, until someone restores the trail.
  else await opts.db.auditCheckpoint.deleteMany({ where: { seq: { gte: verdict.brokenAt } } });
  return verdict;
}

async function saveCheckpoint(
  db: DbOrTx,
  verdict: { entries: number; last: { seq: bigint; hash: string } | null },
  full: boolean,
  now = new Date(),
): Promise<void> {
  if (!verdict.last) return;
  const { seq, hash } = verdict.last;
  // Two page views may finish the same check at once: the first writes it, the second finds it there. A full check
  // marks the point as fully verified.
  await db.auditCheckpoint.upsert({
    where: { seq },
    create: { seq, hash, entries: verdict.entries, full, verifiedAt: now },
    update: full ? { full: true, verifiedAt: now } : {},
  });
}

async function lastFullCheck(db: DbOrTx) {
  const full = await db.auditCheckpoint.findFirst({ where: { full: true }, orderBy: { seq: "desc" } });
  return full ? { at: full.verifiedAt, entries: full.entries } : null;
}
