// The incident register (GDPR Art. 33/34): recording with a yearly reference, the 72-hour clock to the authority, the
// incident's append-only log with an audit entry per change, affected contacts by segment filter and by pasted list,
// notification and documented non-notification, closing, and erasure leaving no link to the person.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eraseContact } from "@/lib/contacts/erase-contact";
import { addAffectedContacts } from "@/lib/incidents/add-affected-contacts";
import { authorityClockStatus, authorityDeadline } from "@/lib/incidents/authority-clock";
import { closeIncident } from "@/lib/incidents/close-incident";
import { getIncident } from "@/lib/incidents/get-incident";
import { listIncidents } from "@/lib/incidents/list-incidents";
import { recordAuthorityNotification } from "@/lib/incidents/record-authority-notification";
import { recordIncident } from "@/lib/incidents/record-incident";
import { recordNotNotified } from "@/lib/incidents/record-not-notified";
import { updateIncident } from "@/lib/incidents/update-incident";
import { countSegment } from "@/lib/segments/count-segment";
import { sampleSegment } from "@/lib/segments/sample-segment";
import { segmentFilterSchema } from "@/lib/segments/segment-filter";
import { toStockholmLocalTime } from "@/lib/time/stockholm-day";
import { createTestDb, type TestDb } from "../support/db";
import { makeContact, makeOrganisation, makeStaffUser, TEST_SUPPRESSION_KEY, unique } from "../factories";

const NOW = new Date("2026-03-10T09:00:00Z");
const HOUR = 3_600_000;
let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.close());

const form = (over: Record<string, unknown> = {}) => ({
  title: `Laptop stolen ${unique()}`,
  discoveredAt: toStockholmLocalTime(new Date(NOW.getTime() - 2 * HOUR)),
  occurredAt: "",
  description: "A sales laptop with an export of the contact list was stolen from a car.",
  dataCategories: ["identity", "contact_details"],
  peopleCategories: ["CUSTOMER_CONTACT"],
  consequences: "Unwanted contact; phishing aimed at the people on the list.",
  measures: "Disk encryption confirmed; the account's sessions revoked.",
  risk: "RISK",
  ...over,
});

async function officerWithIncident(over: Record<string, unknown> = {}, now = NOW) {
  const officer = await makeStaffUser(t.db, "PRIVACY_OFFICER");
  const r = await recordIncident({ db: t.db, input: form(over), staffId: officer.id, now });
  if (!r.ok) throw new Error(JSON.stringify(r));
  return { officer, incident: r };
}

const auditOf = (id: string) =>
  t.db.auditEvent.findMany({ where: { subjectType: "Incident", subjectId: id }, orderBy: { seq: "asc" } });

describe("recording", () => {
  it("numbers incidents per year, keeps the description and logs the recording with its audit entry", async () => {
    const { officer, incident } = await officerWithIncident({ risk: "HIGH_RISK" });
    expect(incident.reference).toMatch(/^INC-2026-\d{3}$/);
    const second = await recordIncident({ db: t.db, input: form(), staffId: officer.id, now: NOW });
    if (!second.ok) throw new Error("not recorded");
    expect(Number(second.reference.slice(-3))).toBe(Number(incident.reference.slice(-3)) + 1);

    const got = await getIncident({ db: t.db, id: incident.id, now: NOW });
    expect(got).toMatchObject({
      discoveredAt: new Date(NOW.getTime() - 2 * HOUR),
      dataCategories: ["identity", "contact_details"],
      peopleCategories: ["CUSTOMER_CONTACT"],
      risk: "HIGH_RISK",
      peopleStatus: "PLANNED", // high risk: Art. 34 applies
      authorityStatus: "PENDING",
      createdById: officer.id,
    });
    expect(got!.updates).toHaveLength(1);
    expect((await auditOf(incident.id)).map((a) => a.action)).toEqual(["incident.recorded"]);
  });

  it("refuses a missing title, no data categories, an unknown risk and an occurrence after discovery, per field", async () => {
    const officer = await makeStaffUser(t.db, "PRIVACY_OFFICER");
    const r = await recordIncident({
      db: t.db,
      input: form({
        title: " ",
        dataCategories: [],
        risk: "HUGE",
        occurredAt: toStockholmLocalTime(new Date(NOW.getTime() - HOUR)),
      }),
      staffId: officer.id,
      now: NOW,
    });
    expect(r).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { title: "title_required", dataCategories: "data_categories_required", risk: "risk_invalid" },
    });
    const later = await recordIncident({
      db: t.db,
      input: form({ occurredAt: toStockholmLocalTime(new Date(NOW.getTime() - HOUR)) }),
      staffId: officer.id,
      now: NOW,
    });
    expect(later).toMatchObject({ ok: false, fieldErrors: { occurredAt: "occurred_after_discovery" } });
    const future = await recordIncident({
      db: t.db,
      input: form({ discoveredAt: toStockholmLocalTime(new Date(NOW.getTime() + 2 * HOUR)) }),
      staffId: officer.id,
      now: NOW,
    });
    expect(future).toMatchObject({ ok: false, fieldErrors: { discoveredAt: "in_future" } });
  });
});

describe("the 72-hour clock", () => {
  const discoveredAt = new Date("2026-03-01T10:00:00Z");
  const pending = {
    discoveredAt,
    authorityStatus: "PENDING" as const,
    authorityNotifiedAt: null,
    authorityReference: null,
    notNotifiedReason: null,
  };

  it("runs 72 hours from discovery: due with 1 hour left at 71 h, overdue by 1 hour at 73 h", () => {
    expect(authorityDeadline(discoveredAt)).toEqual(new Date("2026-03-04T10:00:00Z"));
    expect(authorityClockStatus(pending, new Date(discoveredAt.getTime() + 71 * HOUR))).toEqual({
      state: "due",
      hoursLeft: 1,
      deadline: new Date("2026-03-04T10:00:00Z"),
    });
    expect(authorityClockStatus(pending, new Date(discoveredAt.getTime() + 73 * HOUR))).toEqual({
      state: "overdue",
      hoursOver: 1,
      deadline: new Date("2026-03-04T10:00:00Z"),
    });
  });

  it("stops once the authority is notified (date and reference) or the reason for not notifying is recorded", async () => {
    const { officer, incident } = await officerWithIncident();
    const notifiedAt = new Date(NOW.getTime() - HOUR);
    expect(
      await recordAuthorityNotification({
        db: t.db,
        id: incident.id,
        input: { notifiedAt: toStockholmLocalTime(notifiedAt), reference: "IMY-2026-1234" },
        staffId: officer.id,
        now: NOW,
      }),
    ).toEqual({ ok: true });
    const later = new Date(NOW.getTime() + 100 * HOUR);
    expect((await getIncident({ db: t.db, id: incident.id, now: later }))!.clock).toEqual({
      state: "notified",
      at: notifiedAt,
      reference: "IMY-2026-1234",
    });
    expect(
      await recordNotNotified({
        db: t.db,
        id: incident.id,
        input: { reason: "Changed our mind about it" },
        staffId: officer.id,
        now: NOW,
      }),
    ).toEqual({ ok: false, code: "conflict", reason: "already_notified" });

    const other = await officerWithIncident({ risk: "NO_RISK" });
    expect(
      await recordNotNotified({ db: t.db, id: other.incident.id, input: { reason: " " }, staffId: officer.id }),
    ).toEqual({ ok: false, code: "invalid", fieldErrors: { reason: "reason_required" } });
    const reason = "The list was encrypted and the key was not with it; no risk to the people.";
    expect(
      await recordNotNotified({ db: t.db, id: other.incident.id, input: { reason }, staffId: officer.id, now: NOW }),
    ).toEqual({ ok: true });
    expect((await getIncident({ db: t.db, id: other.incident.id, now: later }))!.clock).toEqual({
      state: "not_notified",
      reason,
    });
    expect((await auditOf(other.incident.id)).map((a) => [a.action, a.fields])).toEqual([
      ["incident.recorded", expect.any(Array)],
      ["incident.authority_not_notified", ["authorityStatus", "notNotifiedReason"]],
    ]);
  });

  it("lists open incidents first with their clock, closed last; the dashboard view only the open ones", async () => {
    const { officer, incident: open } = await officerWithIncident();
    const { incident: closed } = await officerWithIncident();
    await recordNotNotified({
      db: t.db,
      id: closed.id,
      input: { reason: "No risk: nothing left the building." },
      staffId: officer.id,
      now: NOW,
    });
    expect(await closeIncident({ db: t.db, id: open.id, input: {}, staffId: officer.id })).toEqual({
      ok: false,
      code: "conflict",
      reason: "authority_pending",
    });
    expect(await closeIncident({ db: t.db, id: closed.id, input: {}, staffId: officer.id, now: NOW })).toEqual({
      ok: true,
    });
    const list = await listIncidents({ db: t.db, now: NOW });
    const ids = list.map((i) => i.id);
    expect(ids.indexOf(open.id)).toBeLessThan(ids.indexOf(closed.id));
    expect(list.every((i, n) => n === 0 || !(i.closedAt === null && list[n - 1]!.closedAt !== null))).toBe(true);
    expect(list.find((i) => i.id === open.id)!.clock).toMatchObject({ state: "due", hoursLeft: 70 });
    const dashboard = await listIncidents({ db: t.db, now: NOW, openOnly: true });
    expect(dashboard.map((i) => i.id)).toContain(open.id);
    expect(dashboard.map((i) => i.id)).not.toContain(closed.id);
    expect(
      await updateIncident({
        db: t.db,
        id: closed.id,
        input: { ...form(), peopleStatus: "NOT_REQUIRED" },
        staffId: officer.id,
      }),
    ).toEqual({ ok: false, code: "conflict", reason: "closed" });
  });
});

describe("updates", () => {
  it("log which fields changed, who and the note, with one audit entry per update in the same transaction", async () => {
    const { officer, incident } = await officerWithIncident();
    const other = await makeStaffUser(t.db, "ADMIN");
    const before = await getIncident({ db: t.db, id: incident.id });
    const input = {
      title: before!.title,
      discoveredAt: toStockholmLocalTime(before!.discoveredAt),
      occurredAt: "",
      description: before!.description,
      dataCategories: before!.dataCategories,
      peopleCategories: before!.peopleCategories,
      consequences: before!.consequences,
      measures: before!.measures,
      risk: "HIGH_RISK",
      peopleStatus: "NOTIFIED",
      peopleNotifiedAt: "",
      note: "",
    };
    expect(await updateIncident({ db: t.db, id: incident.id, input, staffId: officer.id })).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { peopleNotifiedAt: "people_notified_at_required" },
    });
    const later = new Date(NOW.getTime() + HOUR);
    const r = await updateIncident({
      db: t.db,
      id: incident.id,
      input: { ...input, peopleNotifiedAt: "2026-03-10", note: "The laptop held unencrypted exports after all." },
      staffId: officer.id,
      now: later,
    });
    expect(r).toEqual({ ok: true, changed: ["risk", "peopleStatus", "peopleNotifiedAt"] });
    const unchanged = await updateIncident({
      db: t.db,
      id: incident.id,
      input: { ...input, peopleNotifiedAt: "2026-03-10" },
      staffId: other.id,
      now: later,
    });
    expect(unchanged).toEqual({ ok: true, changed: [] });
    const noteOnly = await updateIncident({
      db: t.db,
      id: incident.id,
      input: { ...input, peopleNotifiedAt: "2026-03-10", note: "Police report filed." },
      staffId: other.id,
      now: new Date(later.getTime() + HOUR),
    });
    expect(noteOnly).toEqual({ ok: true, changed: [] });

    const got = await getIncident({ db: t.db, id: incident.id });
    expect(got!.updates.map((u) => [u.fields, u.note, u.staff?.email])).toEqual([
      [[], "Police report filed.", other.email],
      [["risk", "peopleStatus", "peopleNotifiedAt"], "The laptop held unencrypted exports after all.", officer.email],
      [expect.any(Array), null, officer.email],
    ]);
    const audit = await auditOf(incident.id);
    expect(audit.map((a) => [a.action, a.actorId, a.fields])).toEqual([
      ["incident.recorded", officer.id, expect.any(Array)],
      ["incident.updated", officer.id, ["risk", "peopleStatus", "peopleNotifiedAt"]],
      ["incident.updated", other.id, []],
    ]);
  });

  it("cannot be changed or deleted: the log is append-only", async () => {
    const { incident } = await officerWithIncident();
    await expect(
      t.raw.query(`UPDATE "IncidentUpdate" SET note = 'x' WHERE "incidentId" = '${incident.id}'`),
    ).rejects.toThrow(/append-only/);
    await expect(t.raw.query(`DELETE FROM "IncidentUpdate" WHERE "incidentId" = '${incident.id}'`)).rejects.toThrow(
      /append-only/,
    );
  });
});

describe("affected contacts", () => {
  it("are added by segment filter, and the segment filter's incidentId counts and samples exactly them", async () => {
    const { officer, incident } = await officerWithIncident();
    const org = await makeOrganisation(t.db);
    const inOrg = [
      await makeContact(t.db, { organisationId: org.id, now: NOW }),
      await makeContact(t.db, { organisationId: org.id, now: NOW }),
    ];
    const outside = await makeContact(t.db);
    const r = await addAffectedContacts({
      db: t.db,
      id: incident.id,
      input: { by: "filter", filter: { organisationIds: [org.id] } },
      staffId: officer.id,
      now: NOW,
    });
    expect(r).toEqual({ ok: true, added: 2, total: 2, notFound: [] });
    const again = await addAffectedContacts({
      db: t.db,
      id: incident.id,
      input: { by: "filter", filter: { organisationIds: [org.id] } },
      staffId: officer.id,
      now: NOW,
    });
    expect(again).toEqual({ ok: true, added: 0, total: 2, notFound: [] });

    const filter = segmentFilterSchema.parse({ incidentId: incident.id });
    const count = await countSegment({ db: t.db, filter, today: NOW });
    expect(count).toMatchObject({ ok: true, count: { total: 2 } });
    const sample = await sampleSegment({ db: t.db, filter, today: NOW });
    expect(sample.ok && sample.rows.length).toBe(2);
    const got = await getIncident({ db: t.db, id: incident.id });
    expect(got!.affectedCount).toBe(2);
    expect(got!.affected.map((c) => c.id).sort()).toEqual(inOrg.map((c) => c.id).sort());
    expect(got!.affected.map((c) => c.id)).not.toContain(outside.id);
    expect((await auditOf(incident.id)).map((a) => a.action)).toEqual(["incident.recorded", "incident.contacts_added"]);
  });

  it("are added by a pasted list, reporting each line that matches nobody", async () => {
    const { officer, incident } = await officerWithIncident();
    const anna = await makeContact(t.db);
    const bo = await makeContact(t.db);
    const missing = `nobody.${unique()}@nowhere.example`;
    const r = await addAffectedContacts({
      db: t.db,
      id: incident.id,
      input: { by: "list", addresses: `${anna.email.toUpperCase()}\n\n  ${bo.email}  \r\n${missing}\nnot an address` },
      staffId: officer.id,
      now: NOW,
    });
    expect(r).toEqual({ ok: true, added: 2, total: 2, notFound: [missing, "not an address"] });
    expect(
      await addAffectedContacts({
        db: t.db,
        id: incident.id,
        input: { by: "list", addresses: " \n " },
        staffId: officer.id,
      }),
    ).toEqual({ ok: false, code: "invalid", fieldErrors: { addresses: "addresses_required" } });
  });

  it("lose the link when the person is erased", async () => {
    const { officer, incident } = await officerWithIncident();
    const anna = await makeContact(t.db);
    const bo = await makeContact(t.db);
    await addAffectedContacts({
      db: t.db,
      id: incident.id,
      input: { by: "list", addresses: `${anna.email}\n${bo.email}` },
      staffId: officer.id,
    });
    const erased = await eraseContact({
      db: t.db,
      contactId: anna.id,
      actor: { type: "STAFF", id: officer.id },
      channel: "EMAIL",
      suppressionKey: TEST_SUPPRESSION_KEY,
    });
    expect(erased.ok).toBe(true);
    expect(await t.db.incidentContact.count({ where: { contactId: anna.id } })).toBe(0);
    const got = await getIncident({ db: t.db, id: incident.id });
    expect(got!.affectedCount).toBe(1);
    expect(got!.affected.map((c) => c.id)).toEqual([bo.id]);
  });
});
