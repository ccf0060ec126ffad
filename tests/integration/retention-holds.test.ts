// Legal holds and the Retention page's figures on a real database: a hold is placed by address or on an organisation
// with per-field refusals, audited, kept by the job, and released; the overview counts the forecast by window,
// category and organisation; only retention.manage may do any of it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadRetentionOverview } from "@/lib/retention/load-retention-overview";
import { placeLegalHold } from "@/lib/retention/place-legal-hold";
import { releaseLegalHold } from "@/lib/retention/release-legal-hold";
import { runRetention } from "@/lib/retention/run-retention";
import { viewContact } from "@/lib/contacts/view-contact";
import { createTestDb, type TestDb } from "../support/db";
import { makeContact, makeOrganisation, makeStaffUser, TEST_SUPPRESSION_KEY } from "../factories";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.close());

const now = new Date("2026-12-03T10:00:00Z");
const yearsAgo = (y: number, extraDays = 0) => {
  const d = new Date(now);
  d.setUTCFullYear(d.getUTCFullYear() - y);
  return new Date(d.getTime() + extraDays * 86_400_000);
};

describe("legal holds", () => {
  it("refuses per field: no target, unknown address, past or too distant end, short reason", async () => {
    const privacy = await makeStaffUser(t.db, "PRIVACY_OFFICER");
    const place = (input: Record<string, string>) => placeLegalHold({ db: t.db, staff: privacy, input, now });
    expect(await place({ target: "contact", reason: "Dispute", endsOn: "2027-01-01" })).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { email: "email_required" },
    });
    expect(await place({ target: "organisation", reason: "Dispute", endsOn: "2027-01-01" })).toMatchObject({
      fieldErrors: { organisationId: "organisation_required" },
    });
    expect(
      await place({ target: "contact", email: "nobody@nowhere.example", reason: "Dispute", endsOn: "2027-01-01" }),
    ).toMatchObject({ fieldErrors: { email: "contact_not_found" } });
    const c = await makeContact(t.db);
    expect(await place({ target: "contact", email: c.email, reason: "x", endsOn: "2027-01-01" })).toMatchObject({
      fieldErrors: { reason: "reason_required" },
    });
    expect(await place({ target: "contact", email: c.email, reason: "Dispute", endsOn: "2026-12-02" })).toMatchObject({
      fieldErrors: { endsOn: "ends_on_past" },
    });
    expect(await place({ target: "contact", email: c.email, reason: "Dispute", endsOn: "2032-01-01" })).toMatchObject({
      fieldErrors: { endsOn: "ends_on_too_far" },
    });
    expect(await place({ target: "contact", email: c.email, reason: "Dispute", endsOn: "31/12/2026" })).toMatchObject({
      fieldErrors: { endsOn: "ends_on_invalid" },
    });
    expect(await t.db.legalHold.count({ where: { contactId: c.id } })).toBe(0);
  });

  it("only the privacy officer and admins may place or release one", async () => {
    const c = await makeContact(t.db);
    for (const role of ["ACCOUNT_MANAGER", "MARKETING", "SUPPORT"] as const) {
      const staff = await makeStaffUser(t.db, role);
      const input = { target: "contact", email: c.email, reason: "Dispute", endsOn: "2027-01-01" };
      expect(await placeLegalHold({ db: t.db, staff, input, now })).toEqual({ ok: false, code: "forbidden" });
      expect(await loadRetentionOverview({ db: t.db, staff, now })).toEqual({ ok: false, code: "forbidden" });
    }
    const admin = await makeStaffUser(t.db, "ADMIN");
    const placed = await placeLegalHold({
      db: t.db,
      staff: admin,
      input: { target: "contact", email: c.email, reason: "Audit 2026", endsOn: "2027-01-01" },
      now,
    });
    expect(placed.ok).toBe(true);
    const marketing = await makeStaffUser(t.db, "MARKETING");
    if (!placed.ok) return;
    expect(await releaseLegalHold({ db: t.db, staff: marketing, id: placed.id, now })).toEqual({
      ok: false,
      code: "forbidden",
    });
  });

  it("an organisation's hold keeps its former contacts from the job until released; both audited", async () => {
    const privacy = await makeStaffUser(t.db, "PRIVACY_OFFICER");
    const org = await makeOrganisation(t.db, { relationship: "FORMER_CUSTOMER", relationshipEnd: yearsAgo(11) });
    const other = await makeOrganisation(t.db, { relationship: "FORMER_CUSTOMER", relationshipEnd: yearsAgo(10, 20) });
    const held = await makeContact(t.db, { organisationId: org.id, category: "CUSTOMER_CONTACT" });
    const soon = await makeContact(t.db, { organisationId: other.id, category: "CUSTOMER_CONTACT" });
    const placed = await placeLegalHold({
      db: t.db,
      staff: privacy,
      input: { target: "organisation", organisationId: org.id, reason: "Invoice dispute D-7", endsOn: "2027-03-31" },
      now,
    });
    expect(placed.ok).toBe(true);
    if (!placed.ok) return;

    const r1 = await runRetention({ db: t.db, suppressionKey: TEST_SUPPRESSION_KEY, trigger: "test", now });
    expect(r1).toMatchObject({ deleted: 0, held: 1 });
    expect(await t.db.contact.count({ where: { id: held.id } })).toBe(1);

    // The contact's staff page says why the contact is still here; the reason only to who manages retention.
    const seen = await viewContact({ db: t.db, staff: privacy, contactId: held.id, now });
    expect(seen.ok && seen.view.legalHolds).toEqual([
      { endsOn: new Date("2027-03-31T00:00:00Z"), organisation: org.name, reason: "Invoice dispute D-7" },
    ]);
    const manager = await makeStaffUser(t.db, "ACCOUNT_MANAGER");
    const seenByManager = await viewContact({ db: t.db, staff: manager, contactId: held.id, now });
    expect(seenByManager.ok && seenByManager.view.legalHolds).toEqual([
      { endsOn: new Date("2027-03-31T00:00:00Z"), organisation: org.name, reason: null },
    ]);
    const unheld = await viewContact({ db: t.db, staff: privacy, contactId: soon.id, now });
    expect(unheld.ok && unheld.view.legalHolds).toEqual([]);

    const overview = await loadRetentionOverview({ db: t.db, staff: privacy, now });
    expect(overview.ok).toBe(true);
    if (!overview.ok) return;
    const o = overview.value;
    expect(o.asOf).not.toBeNull();
    const customers = o.byCategory.find((c) => c.category === "CUSTOMER_CONTACT");
    // The held one is overdue and still here; the other falls due in 20 days.
    expect(customers).toMatchObject({ overdue: 1, d30: 1, d90: 1, d365: 1 });
    expect(o.byOrganisation.find((x) => x.id === org.id)).toMatchObject({ overdue: 1, d30: 0 });
    expect(o.byOrganisation.find((x) => x.id === other.id)).toMatchObject({ overdue: 0, d30: 1 });
    const listed = o.dueFirst.filter((d) => d.id === held.id || d.id === soon.id);
    expect(listed.map((d) => [d.id, d.held, d.reason])).toEqual([
      [held.id, true, "relationship_ended"],
      [soon.id, false, "relationship_ended"],
    ]);
    expect(o.holds.find((h) => h.id === placed.id)).toMatchObject({
      active: true,
      organisation: { id: org.id },
      reason: "Invoice dispute D-7",
    });
    expect(o.runs[0]).toMatchObject({ deleted: 0, held: 1 });

    expect(await releaseLegalHold({ db: t.db, staff: privacy, id: placed.id, now })).toEqual({
      ok: true,
      changed: true,
    });
    expect(await releaseLegalHold({ db: t.db, staff: privacy, id: placed.id, now })).toEqual({
      ok: true,
      changed: false,
    });
    expect(await releaseLegalHold({ db: t.db, staff: privacy, id: "nope", now })).toMatchObject({
      code: "not_found",
    });
    const r2 = await runRetention({ db: t.db, suppressionKey: TEST_SUPPRESSION_KEY, trigger: "test", now });
    expect(r2).toMatchObject({ deleted: 1, held: 0 });
    expect(await t.db.contact.count({ where: { id: held.id } })).toBe(0);

    const audit = await t.db.auditEvent.findMany({
      where: { subjectType: "LegalHold", subjectId: placed.id },
      orderBy: { seq: "asc" },
    });
    expect(audit.map((a) => [a.action, a.actorId, a.fields])).toEqual([
      ["legalHold.placed", privacy.id, ["organisationId", "reason", "endsOn"]],
      ["legalHold.released", privacy.id, ["releasedAt"]],
    ]);
  });

  it("a hold that has ended no longer keeps anyone", async () => {
    const org = await makeOrganisation(t.db, { relationship: "FORMER_CUSTOMER", relationshipEnd: yearsAgo(12) });
    const c = await makeContact(t.db, { organisationId: org.id, category: "CUSTOMER_CONTACT" });
    await t.db.legalHold.create({ data: { contactId: c.id, reason: "Old audit", endsOn: new Date("2026-12-02") } });
    await runRetention({ db: t.db, suppressionKey: TEST_SUPPRESSION_KEY, trigger: "test", now });
    expect(await t.db.contact.count({ where: { id: c.id } })).toBe(0);
  });
});
