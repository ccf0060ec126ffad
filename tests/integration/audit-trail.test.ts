// The audit trail as staff read it: filters by person (contact id, address, and after erasure the reference), staff
// member, action and date; newest first with a cursor; descriptions; export as CSV and JSON (itself audited); and a
// tampered entry reported by the listing.
import { verifyAuditChainFully } from "@/lib/audit/check-audit-chain";
import type { AuditField } from "@/lib/audit/audit-fields";
import type { AuditAction } from "@/lib/audit/audit-actions";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeAuditAction } from "@/lib/audit/describe-audit-action";
import { exportAuditEvents } from "@/lib/audit/export-audit-events";
import { auditFilterSchema, listAuditEvents } from "@/lib/audit/list-audit-events";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { eraseContact } from "@/lib/contacts/erase-contact";
import { auditActionTexts } from "@/lib/i18n/audit-action-texts";
import { recordStaffRequest } from "@/lib/privacy-requests/record-staff-request";
import { createTestDb, type TestDb } from "../support/db";
import { makeContact, makeStaffUser, unique } from "../factories";

const KEY = "k".repeat(40);
const texts = auditActionTexts("en");
let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.close());

let trails = 0;
/**
 * A trail of the test's own, three days in a year no other call uses: the privacy officer views Lena's record,
 * support views Mikael's, and Lena changes a subscription (an action an earlier version wrote).
 */
async function makeTrail() {
  const year = 2030 + trails++;
  const day = (d: string) => new Date(`${year}-${d}T12:00:00Z`);
  const officer = await makeStaffUser(t.db, "PRIVACY_OFFICER");
  const support = await makeStaffUser(t.db, "SUPPORT");
  const OFFICER = { type: "STAFF" as const, id: officer.id };
  const tag = unique();
  const { id: LENA, email: LENA_EMAIL } = await makeContact(t.db, {
    email: `lena.svensson.${tag}@nordlys.example`,
    suppressionKey: KEY,
  });
  const { id: MIKAEL } = await makeContact(t.db, { suppressionKey: KEY });
  await t.db.$transaction(async (tx) => {
    await recordAuditEvent(
      tx,
      { actor: OFFICER, action: "contact.viewed", subject: { type: "Contact", id: LENA } },
      day("01-01"),
    );
    await recordAuditEvent(
      tx,
      {
        actor: { type: "STAFF", id: support.id },
        action: "contact.viewed",
        subject: { type: "Contact", id: MIKAEL },
      },
      day("01-02"),
    );
    await recordAuditEvent(
      tx,
      {
        actor: { type: "CONTACT", id: LENA },
        // An action an earlier version wrote and this one no longer does: the trail must still show it.
        action: "subscription.changed" as AuditAction,
        subject: { type: "Contact", id: LENA },
        fields: ["newsletter"] as unknown as AuditField[], // a field name no longer recorded, as old entries hold
      },
      day("01-03"),
    );
  });
  return { year, tag, OFFICER, officer, support, LENA, LENA_EMAIL, MIKAEL };
}

const filter = (f: Record<string, string>) => auditFilterSchema.parse(f);

describe("filters and paging", () => {
  it("filters by person (id or address), staff member, action and date, newest first", async () => {
    const { year, tag, officer, support, LENA, MIKAEL } = await makeTrail();
    const byId = await listAuditEvents({ db: t.db, filter: filter({ person: LENA, from: `${year}-01-01` }) });
    expect(byId.ok && byId.entries.map((e) => e.action)).toEqual(["subscription.changed", "contact.viewed"]);
    const byEmail = await listAuditEvents({
      db: t.db,
      filter: filter({ person: `LENA.svensson.${tag}@nordlys.example`, action: "contact.viewed" }),
    });
    expect(byEmail.ok && byEmail.entries.map((e) => [e.actorId, e.actorLabel])).toEqual([[officer.id, officer.email]]);
    const bySupport = await listAuditEvents({ db: t.db, filter: filter({ staffId: support.id }) });
    expect(bySupport.ok && bySupport.entries.map((e) => e.subjectId)).toEqual([MIKAEL]);
    const byDay = await listAuditEvents({ db: t.db, filter: filter({ from: `${year}-01-02`, to: `${year}-01-02` }) });
    expect(byDay.ok && byDay.entries.map((e) => e.subjectId)).toEqual([MIKAEL]);
    expect(await listAuditEvents({ db: t.db, filter: filter({ person: "nobody@nowhere.example" }) })).toMatchObject({
      ok: false,
      code: "not_found",
      reason: "person_not_found",
    });
    expect(auditFilterSchema.safeParse({ from: "1 jan" }).success).toBe(false);
  });

  it("pages newest first with a seq cursor", async () => {
    await makeTrail();
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
    const { OFFICER, LENA, LENA_EMAIL } = await makeTrail();
    const req = await recordStaffRequest({
      db: t.db,
      input: {
        type: "ERASURE",
        channel: "PHONE",
        receivedOn: new Date().toISOString().slice(0, 10),
        email: LENA_EMAIL,
      },
      actor: OFFICER,
      suppressionKey: KEY,
    });
    if (!req.ok) throw new Error("not recorded");
    const erased = await eraseContact({
      db: t.db,
      contactId: LENA,
      actor: OFFICER,
      channel: "PHONE",
      suppressionKey: KEY,
    });
    if (!erased.ok) throw new Error("not erased");
    for (const person of [LENA_EMAIL, erased.subjectRef]) {
      const r = await listAuditEvents({ db: t.db, filter: filter({ person }), suppressionKey: KEY, limit: 500 });
      if (!r.ok) throw new Error(`not found: ${person}`);
      expect(r.person).toMatchObject({
        kind: "erased",
        subjectRef: erased.subjectRef,
        contactIds: [LENA],
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
    const { OFFICER, support, MIKAEL } = await makeTrail();
    const csv = await exportAuditEvents({
      db: t.db,
      filter: filter({ staffId: support.id }),
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
    expect(lines[1]).toContain(`${support.email},contact.viewed,Contact's full record viewed,Contact,${MIKAEL}`);
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
    const audits = await t.db.auditEvent.findMany({
      where: { action: "audit.exported", actorId: OFFICER.id },
      orderBy: { seq: "asc" },
    });
    expect(audits.map((a) => [a.subjectId, a.fields])).toEqual([
      ["csv", ["staffId"]],
      ["json", ["action"]],
    ]);
  });
});

describe("tamper detection", () => {
  it("the listing reports the first tampered entry", async () => {
    await makeTrail();
    const admin = await makeStaffUser(t.db, "ADMIN");
    const ok = await listAuditEvents({ db: t.db, filter: {} });
    expect(ok.chain).toMatchObject({ ok: true });
    await t.raw.query(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`);
    const [row] = await t.raw.query<{ seq: string }>(
      `SELECT seq::text FROM "AuditEvent" WHERE action = 'contact.viewed' ORDER BY seq LIMIT 1`,
    );
    await t.raw.query(`UPDATE "AuditEvent" SET "actorId" = $1 WHERE seq = $2`, [admin.id, row!.seq]);
    await t.raw.query(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only"`);
    // The listing checks what was added since its checkpoint; the edit lies before it, so the daily full check
    // finds it, and from then on every listing reports it.
    const quick = await listAuditEvents({ db: t.db, filter: filter({ action: "contact.viewed" }) });
    expect(quick.chain).toMatchObject({ ok: true, checkedNow: 0 });
    expect(await verifyAuditChainFully({ db: t.db })).toMatchObject({ ok: false, brokenAt: BigInt(row!.seq) });
    const r = await listAuditEvents({ db: t.db, filter: filter({ action: "contact.viewed" }) });
    expect(r.chain).toMatchObject({ ok: false, brokenAt: BigInt(row!.seq), reason: "hash_mismatch" });
  });
});
