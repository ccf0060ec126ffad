// The dashboard's quick check of the newest audit entries (verify-audit-chain-tail.ts): intact on a real trail, and
// broken when an entry was slipped in whose link or hash does not match. Its own database, as the forged entry
// breaks the trail for everything after it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChainTail } from "@/lib/audit/verify-audit-chain-tail";
import { makeContact } from "../factories";
import { createTestDb, type TestDb } from "../support/db";

let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

describe("audit chain tail", () => {
  it("reports the newest entries intact, anchored on the entry before them, and then a forged one", async () => {
    for (let i = 0; i < 4; i++) await makeContact(t.db);
    const all = await verifyAuditChainTail({ db: t.db });
    expect(all).toMatchObject({ ok: true });
    const some = await verifyAuditChainTail({ db: t.db, entries: 2 });
    expect(some).toMatchObject({ ok: true, checked: 2 });

    const last = await t.db.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" }, select: { hash: true } });
    const forged = await t.db.auditEvent.create({
      data: {
        actorType: "SYSTEM",
        actorId: "forger",
        action: "contact.viewed",
        subjectType: "Contact",
        subjectId: "x",
        fields: [],
        prevHash: last.hash,
        hash: "f".repeat(64),
      },
      select: { seq: true },
    });
    expect(await verifyAuditChainTail({ db: t.db, entries: 2 })).toMatchObject({
      ok: false,
      brokenAt: forged.seq,
      reason: "hash_mismatch",
    });
  });
});
