// The audit trail as staff read it: filters by person (contact id, address, and after erasure the reference), staff
// member, action and date; newest first with a cursor; descriptions; export as CSV and JSON (itself audited); and a
// tampered entry reported by the listing.
import type { AuditAction } from "@/lib/audit/audit-actions";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeAuditAction } from "@/lib/audit/describe-audit-action";
import { exportAuditEvents } from "@/lib/audit/export-audit-events";
import { auditFilterSchema, listAuditEvents } from "@/lib/audit/list-audit-events";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { eraseContact } from "@/lib/contacts/erase-contact";
import { auditActionTexts } from "@/lib/i18n/audit-action-texts";
import { recordStaffRequest } from "@/lib/privacy-requests/record-staff-request";
import { seedDemo } from "@/prisma/seed-demo";
import { createTestDb, type TestDb } from "../support/db";

const KEY = "k".repeat(40);
const OFFICER = { type: "STAFF" as const, id: "demo_staff_privacy" };
const texts = auditActionTexts("en");
let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
  await seedDemo({ db: t.db });
  const day = (d: string) => new Date(`${d}T12:00:00Z`);
  await t.db.$transaction(async (tx) => {
    await recordAuditEvent(
      tx,
      { actor: OFFICER, action: "contact.viewed", subject: { type: "Contact", id: "demo_contact_01" } },
      day("2030-01-01"),
    );
    await recordAuditEvent(
      tx,
      {
        actor: { type: "STAFF", id: "demo_staff_support" },
        action: "contact.viewed",
        subject: { type: "Contact", id: "demo_contact_02" },
      },
      day("2030-01-02"),
    );
    await recordAuditEvent(
      tx,
      {
        actor: { type: "CONTACT", id: "demo_contact_01" },
        // An action an earlier version wrote and this one no longer does: the trail must still show it.
        action: "subscription.changed" as AuditAction,
        subject: { type: "Contact", id: "demo_contact_01" },
        fields: ["newsletter"],
      },
      day("2030-01-03"),
    );
  });
});
afterAll(async () => t?.close());

const filter = (f: Record<string, string>) => auditFilterSchema.parse(f);

describe("filters and paging", () => {
  it("filters by person (id or address), staff member, action and date, newest first", async () => {
    const byId = await listAuditEvents({ db: t.db, filter: filter({ person: "demo_contact_01", from: "2030-01-01" }) });
    expect(byId.ok && byId.entries.map((e) => e.action)).toEqual(["subscription.changed", "contact.viewed"]);
    const byEmail = await listAuditEvents({
      db: t.db,
      filter: filter({ person: "LENA.svensson@nordlys.example", action: "contact.viewed" }),
    });
    expect(byEmail.ok && byEmail.entries.map((e) => [e.actorId, e.actorLabel])).toEqual([
      ["demo_staff_privacy", "per.dahl@elastx.example"],
    ]);
    const bySupport = await listAuditEvents({ db: t.db, filter: filter({ staffId: "demo_staff_support" }) });
    expect(bySupport.ok && bySupport.entries.map((e) => e.subjectId)).toEqual(["demo_contact_02"]);
    const byDay = await listAuditEvents({ db: t.db, filter: filter({ from: "2030-01-02", to: "2030-01-02" }) });
    expect(byDay.ok && byDay.entries.map((e) => e.subjectId)).toEqual(["demo_contact_02"]);
    expect(await listAuditEvents({ db: t.db, filter: filter({ person: "nobody@nowhere.example" }) })).toMatchObject({
      ok: false,
      code: "not_found",
      reason: "person_not_found",
    });
    expect(auditFilterSchema.safeParse({ from: "1 jan" }).success).toBe(false);
  });

  it("pages newest first with a seq cursor", async () => {
    const first = await listAuditEvents({ db: t.db, filter: {}, limit: 2, verify: false });
    if (!first.ok) throw new Error("no page");
    expect(first.entries).toHaveLength(2);
    expect(BigInt(first.entries[0]!.seq)).toBeGreaterThan(BigInt(first.entries[1]!.seq));
    const second = await listAuditEvents({ db: t.db, filter: {}, limit: 2, before: first.nextBefore!, verify: false });
    if (!second.ok) throw new Error("no page");
    expect(BigInt(second.entries[0]!.seq)).toBeLessThan(BigInt(first.entries[1]!.seq));
  });

  it("describes known actions, families and unknown ones", () => {
    expect(describeAuditAction("contact.viewed", texts)).toEqual({
      text: "Contact's full record viewed",
      known: "exact",
    });
    expect(describeAuditAction("subscription.changed", texts).known).toBe("family");
    expect(describeAuditAction("weird.thing", texts)).toEqual({
      text: "weird.thing (unknown action)",
      known: "unknown",
    });
    const sv = auditActionTexts("sv");
    expect(describeAuditAction("staff.signed_in", sv).text).toBe("Personal loggade in");
  });

  it("finds an erased person by address or reference, and their requests", async () => {
    const req = await recordStaffRequest({
      db: t.db,
      input: {
        type: "ERASURE",
        channel: "PHONE",
        receivedOn: new Date().toISOString().slice(0, 10),
        email: "lena.svensson@nordlys.example",
      },
      actor: OFFICER,
      suppressionKey: KEY,
    });
    if (!req.ok) throw new Error("not recorded");
    const erased = await eraseContact({
      db: t.db,
      contactId: "demo_contact_01",
      actor: OFFICER,
      channel: "PHONE",
      suppressionKey: KEY,
    });
    if (!erased.ok) throw new Error("not erased");
    for (const person of ["lena.svensson@nordlys.example", erased.subjectRef]) {
      const r = await listAuditEvents({ db: t.db, filter: filter({ person }), suppressionKey: KEY, limit: 500 });
      if (!r.ok) throw new Error(`not found: ${person}`);
      expect(r.person).toMatchObject({
        kind: "erased",
        subjectRef: erased.subjectRef,
        contactIds: ["demo_contact_01"],
      });
      const actions = r.entries.map((e) => e.action);
      expect(actions).toContain("contact.erased");
      expect(actions).toContain("subscription.changed");
      expect(r.entries.filter((e) => e.subjectId === req.id).map((e) => e.action)).toEqual([
        "privacy_request.recorded",
      ]);
    }
  });
});

describe("export", () => {
  it("exports the filtered list as CSV and JSON and audits the export", async () => {
    const csv = await exportAuditEvents({
      db: t.db,
      filter: filter({ staffId: "demo_staff_support" }),
      format: "csv",
      actor: OFFICER,
      texts,
    });
    if (!csv.ok) throw new Error("no export");
    const lines = csv.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe(
      "seq,at,actorType,actorId,actorEmail,action,description,subjectType,subjectId,fields,prevHash,hash",
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(
      "oskar.holm@elastx.example,contact.viewed,Contact's full record viewed,Contact,demo_contact_02",
    );
    const json = await exportAuditEvents({
      db: t.db,
      filter: filter({ action: "contact.viewed" }),
      format: "json",
      actor: OFFICER,
      texts,
    });
    if (!json.ok) throw new Error("no export");
    const parsed = JSON.parse(json.body) as { chain: { ok: boolean }; entries: { action: string }[] };
    expect(parsed.chain.ok).toBe(true);
    expect(parsed.entries.length).toBe(json.count);
    expect(parsed.entries.every((e) => e.action === "contact.viewed")).toBe(true);
    const audits = await t.db.auditEvent.findMany({ where: { action: "audit.exported" }, orderBy: { seq: "asc" } });
    expect(audits.map((a) => [a.subjectId, a.fields])).toEqual([
      ["csv", ["staffId"]],
      ["json", ["action"]],
    ]);
  });
});

describe("tamper detection", () => {
  it("the listing reports the first tampered entry", async () => {
    const ok = await listAuditEvents({ db: t.db, filter: {} });
    expect(ok.chain).toMatchObject({ ok: true });
    await t.raw.query(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`);
    const [row] = await t.raw.query<{ seq: string }>(
      `SELECT seq::text FROM "AuditEvent" WHERE action = 'contact.viewed' ORDER BY seq LIMIT 1`,
    );
    await t.raw.query(`UPDATE "AuditEvent" SET "actorId" = 'demo_staff_admin' WHERE seq = $1`, [row!.seq]);
    await t.raw.query(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only"`);
    const r = await listAuditEvents({ db: t.db, filter: filter({ action: "contact.viewed" }) });
    expect(r.chain).toMatchObject({ ok: false, brokenAt: BigInt(row!.seq), reason: "hash_mismatch" });
  });
});
