import type { AuditField } from "@/lib/audit/audit-fields";
import type { AuditAction } from "@/lib/audit/audit-actions";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAuditEvent, recordAuditEvents } from "@/lib/audit/record-audit-event";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { createTestDb, type TestDb } from "../support/db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await t.db.$transaction(async (tx) => {
    await recordAuditEvents(tx, [
      {
        actor: { type: "SYSTEM" },
        action: "contact.created",
        subject: { type: "Contact", id: "c1" },
        fields: ["name", "email"],
      },
      {
        actor: { type: "STAFF", id: "s1" },
        action: "contact.updated",
        subject: { type: "Contact", id: "c1" },
        fields: ["phone"],
        personalValues: { phone: { from: null, to: "+46701234567" } },
      },
    ]);
  });
  await t.db.$transaction((tx) =>
    recordAuditEvent(tx, {
      actor: { type: "CONTACT", id: "c1" },
      // An action an earlier version wrote and this one no longer does: the trail must still chain and show it.
      action: "subscription.changed" as AuditAction,
      subject: { type: "Contact", id: "c1" },
      fields: ["newsletter"] as unknown as AuditField[], // a field name no longer recorded, as old entries hold
    }),
  );
});
afterAll(async () => t?.close());

describe("audit trail", () => {
  it("chains every entry to the one before", async () => {
    const rows = await t.db.auditEvent.findMany({ orderBy: { seq: "asc" } });
    expect(rows).toHaveLength(3);
    expect(rows[1]!.prevHash).toBe(rows[0]!.hash);
    expect(rows[2]!.prevHash).toBe(rows[1]!.hash);
    expect(await verifyAuditChain({ db: t.db })).toEqual({
      ok: true,
      entries: 3,
      last: { seq: rows[2]!.seq, hash: rows[2]!.hash },
    });
  });

  it("refuses UPDATE and DELETE, but lets erasure clear personal values", async () => {
    await expect(
      t.raw.query(`UPDATE "AuditEvent" SET action = 'x' WHERE seq = (SELECT min(seq) FROM "AuditEvent")`),
    ).rejects.toThrow(/append-only/);
    await expect(t.raw.query(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
    await t.raw.query(`UPDATE "AuditEvent" SET "personalValues" = NULL WHERE "personalValues" IS NOT NULL`);
    expect(await t.db.auditEvent.count({ where: { personalValues: { not: { equals: null } } } })).toBe(0);
    expect((await verifyAuditChain({ db: t.db })).ok).toBe(true);
  });

  it("detects an entry tampered with in the database", async () => {
    // Someone with database rights disables the guard and rewrites history.
    await t.raw.query(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`);
    const [middle] = await t.raw.query<{ seq: string }>(
      `SELECT seq::text FROM "AuditEvent" ORDER BY seq OFFSET 1 LIMIT 1`,
    );
    await t.raw.query(`UPDATE "AuditEvent" SET "actorId" = 'someone-else' WHERE seq = $1`, [middle!.seq]);
    await t.raw.query(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only"`);
    expect(await verifyAuditChain({ db: t.db, pageSize: 2 })).toEqual({
      ok: false,
      entries: 2,
      brokenAt: BigInt(middle!.seq),
      reason: "hash_mismatch",
    });
  });
});
