// The audit chain's checkpoints: a page view hashes only the entries written since the newest checkpoint and moves
// the checkpoint on; an edit after it, or of the checkpoint's own entry, is reported at once; an edit further back is
// invisible to the quick check and caught by the full check from the genesis hash, which then removes the
// checkpoints after the break so every later quick check reports it too.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkAuditChain, verifyAuditChainFully } from "@/lib/audit/check-audit-chain";
import { recordAuditEvents } from "@/lib/audit/record-audit-event";
import { createTestDb, type TestDb } from "../support/db";

let t: TestDb;
const write = (n: number, from = 0) =>
  t.db.$transaction((tx) =>
    recordAuditEvents(
      tx,
      Array.from({ length: n }, (_, i) => ({
        actor: { type: "SYSTEM" as const },
        action: "contact.created" as const,
        subject: { type: "Contact", id: `c${from + i}` },
        fields: ["name" as const],
      })),
    ),
  );

async function tamper(seq: bigint) {
  await t.raw.query(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`);
  await t.raw.query(`UPDATE "AuditEvent" SET "actorId" = 'someone-else' WHERE seq = $1`, [seq.toString()]);
  await t.raw.query(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only"`);
}

beforeAll(async () => {
  t = await createTestDb();
  await write(5);
});
afterAll(async () => t?.close());

describe("audit chain checkpoints", () => {
  it("checks everything the first time, then only what is new, moving the checkpoint on", async () => {
    const first = await checkAuditChain({ db: t.db, now: new Date("2026-12-01T10:00:00Z") });
    expect(first).toMatchObject({ ok: true, entries: 5, checkedNow: 5, since: null, lastFull: null });
    await write(3, 5);
    const second = await checkAuditChain({ db: t.db });
    expect(second).toMatchObject({ ok: true, entries: 8, checkedNow: 3, since: new Date("2026-12-01T10:00:00Z") });
    const third = await checkAuditChain({ db: t.db });
    expect(third).toMatchObject({ ok: true, entries: 8, checkedNow: 0 });
    const points = await t.db.auditCheckpoint.findMany({ orderBy: { seq: "asc" } });
    expect(points.map((p) => p.entries)).toEqual([5, 8]);
  });

  it("checks at most a step of entries per view, catching up over several", async () => {
    const fresh = await createTestDb();
    const other = t;
    t = fresh;
    try {
      await write(5);
      expect(await checkAuditChain({ db: t.db, limit: 2 })).toMatchObject({ ok: true, entries: 2, pending: true });
      expect(await checkAuditChain({ db: t.db, limit: 2 })).toMatchObject({ ok: true, entries: 4, pending: true });
      expect(await checkAuditChain({ db: t.db, limit: 2 })).toMatchObject({ ok: true, entries: 5, pending: false });
    } finally {
      await fresh.close();
      t = other;
    }
  });

  it("the full check marks its end as fully verified", async () => {
    const verdict = await verifyAuditChainFully({ db: t.db, now: new Date("2026-12-02T03:00:00Z") });
    expect(verdict).toMatchObject({ ok: true, entries: 8 });
    const check = await checkAuditChain({ db: t.db });
    expect(check).toMatchObject({ ok: true, lastFull: { at: new Date("2026-12-02T03:00:00Z"), entries: 8 } });
  });

  it("reports an edit after the checkpoint, and one of the checkpoint's own entry", async () => {
    await write(2, 8);
    const seqs = (await t.db.auditEvent.findMany({ orderBy: { seq: "asc" }, select: { seq: true } })).map((e) => e.seq);
    await tamper(seqs[9]!);
    expect(await checkAuditChain({ db: t.db })).toMatchObject({
      ok: false,
      brokenAt: seqs[9],
      reason: "hash_mismatch",
    });
    // The checkpoint sits at the 8th entry; editing it is caught by comparing the hash kept for it.
    await tamper(seqs[7]!);
    expect(await checkAuditChain({ db: t.db })).toMatchObject({
      ok: false,
      brokenAt: seqs[7],
      reason: "hash_mismatch",
    });
  });

  it("an edit before the checkpoint is left to the full check, which writes no checkpoint over it", async () => {
    const fresh = await createTestDb();
    const other = t;
    t = fresh;
    try {
      await write(6);
      expect((await checkAuditChain({ db: t.db })).ok).toBe(true);
      const seqs = (await t.db.auditEvent.findMany({ orderBy: { seq: "asc" }, select: { seq: true } })).map(
        (e) => e.seq,
      );
      await tamper(seqs[1]!);
      expect(await checkAuditChain({ db: t.db })).toMatchObject({ ok: true, checkedNow: 0 });
      expect(await verifyAuditChainFully({ db: t.db })).toMatchObject({ ok: false, brokenAt: seqs[1] });
      expect(await t.db.auditCheckpoint.count()).toBe(0);
      // With the checkpoint after the break gone, the quick check starts from the genesis and reports it too.
      expect(await checkAuditChain({ db: t.db })).toMatchObject({ ok: false, brokenAt: seqs[1] });
    } finally {
      await fresh.close();
      t = other;
    }
  });
});
