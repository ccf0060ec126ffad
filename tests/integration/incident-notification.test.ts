// Art. 34 from the incident page: the notification of the affected people is a mailing to exactly the incident's
// contacts on the required notice topic (an opt-out from marketing does not stop it; erased and hard-bounced people
// cannot be reached), drafted with a text from the incident, reviewed and sent by the privacy officer, and both steps
// are in the incident's log and the audit trail. Marketing cannot open or send it.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { eraseContact } from "@/lib/contacts/erase-contact";
import { draftPeopleNotification } from "@/lib/incidents/draft-people-notification";
import { createTransport } from "@/lib/mail/create-transport";
import { expandMailing } from "@/lib/mailings/pipeline/expand-mailing";
import { sendMailingBatch } from "@/lib/mailings/pipeline/send-mailing-batch";
import { startMailing } from "@/lib/mailings/start-mailing";
import { dispatchDueMailings } from "@/lib/mailings/pipeline/dispatch-due-mailings";
import { getPolicy } from "@/lib/policy/current-policy";
import { hashAddress } from "@/lib/suppression/hash-address";
import { createTestDb, type TestDb } from "../support/db";
import { makeContact, makeStaffUser, TEST_SUPPRESSION_KEY, unique } from "../factories";
import { startFakeResend, type FakeResend } from "../support/fake-resend";

const FROM = "Tillit <noreply@mail.example.com>";
let t: TestDb;
let fake: FakeResend;

beforeAll(async () => {
  t = await createTestDb();
  fake = await startFakeResend();
});
afterAll(async () => {
  await fake?.close();
  await t?.close();
});
afterEach(() => {
  expect(fake.violations).toEqual([]);
  fake.reset();
});

async function incident(staffId: string, risk: "HIGH_RISK" | "RISK" = "HIGH_RISK") {
  const n = unique();
  return t.db.incident.create({
    data: {
      reference: `INC-2026-${n}`,
      title: `Stolen laptop ${n}`,
      discoveredAt: new Date(Date.now() - 3_600_000),
      description: "A laptop with an export of the register was stolen.",
      dataCategories: ["identity", "contact"],
      peopleCategories: ["CUSTOMER_CONTACT"],
      consequences: "Phishing mail in our name is possible.",
      measures: "The laptop's disk was encrypted; its sessions are revoked.",
      risk,
      createdById: staffId,
    },
  });
}

const draft = (id: string, staffId: string) =>
  draftPeopleNotification({ db: t.db, id, staffId, policy: getPolicy(), lang: "en" });

describe("notifying an incident's affected people (Art. 34)", () => {
  it("mails exactly the affected contacts, opted-out ones included, erased and bounced ones not, and logs both steps", async () => {
    const officer = await makeStaffUser(t.db, "PRIVACY_OFFICER");
    const inc = await incident(officer.id);
    const plain = await makeContact(t.db);
    const optedOut = await makeContact(t.db, { language: "en", marketingOptOutAt: new Date() });
    const bounced = await makeContact(t.db);
    const erased = await makeContact(t.db);
    const bystander = await makeContact(t.db);
    await t.db.suppression.createMany({
      data: [
        {
          addressHash: hashAddress(optedOut.email, TEST_SUPPRESSION_KEY),
          reason: "UNSUBSCRIBED_ALL",
          scope: "MARKETING",
        },
        { addressHash: hashAddress(bounced.email, TEST_SUPPRESSION_KEY), reason: "HARD_BOUNCE", scope: "ALL" },
      ],
    });
    await t.db.incidentContact.createMany({
      data: [plain, optedOut, bounced, erased].map((c) => ({ incidentId: inc.id, contactId: c.id })),
    });
    await eraseContact({
      db: t.db,
      contactId: erased.id,
      actor: { type: "STAFF", id: officer.id },
      channel: "EMAIL",
      suppressionKey: TEST_SUPPRESSION_KEY,
    });

    const r = await draft(inc.id, officer.id);
    if (!r.ok) throw new Error(JSON.stringify(r));
    const mailing = await t.db.mailing.findUniqueOrThrow({ where: { id: r.mailingId }, include: { topic: true } });
    expect(mailing).toMatchObject({ status: "DRAFT", createdById: officer.id });
    expect(mailing.topic).toMatchObject({ isMarketing: false, isRequired: true });
    expect(mailing.bodyEn).toContain(inc.reference);
    expect(mailing.bodyEn).toContain("Phishing mail in our name is possible.");
    expect(mailing.bodyEn).toContain("The laptop's disk was encrypted");
    expect(mailing.bodySv).toContain(getPolicy().controller.privacyContact);
    const drafted = await t.db.incident.findUniqueOrThrow({ where: { id: inc.id } });
    expect(drafted).toMatchObject({ notificationMailingId: mailing.id, peopleStatus: "PLANNED" });
    expect(await draft(inc.id, officer.id)).toEqual({ ok: false, code: "conflict", reason: "already_drafted" });

    // Marketing shares every other mailing, not this one.
    const marketing = await makeStaffUser(t.db, "MARKETING");
    expect(await startMailing({ db: t.db, staff: marketing, mailingId: mailing.id })).toEqual({
      ok: false,
      code: "forbidden",
    });

    expect(await startMailing({ db: t.db, staff: officer, mailingId: mailing.id })).toEqual({
      ok: true,
      status: "SENDING",
    });
    const sent = await t.db.incident.findUniqueOrThrow({ where: { id: inc.id } });
    expect(sent.peopleStatus).toBe("NOTIFIED");
    expect(sent.peopleNotifiedAt).not.toBeNull();
    const log = await t.db.incidentUpdate.findMany({ where: { incidentId: inc.id }, orderBy: { at: "asc" } });
    expect(log.map((u) => u.fields)).toEqual([
      ["notificationMailingId", "peopleStatus"],
      ["peopleStatus", "peopleNotifiedAt"],
    ]);
    const audit = await t.db.auditEvent.findMany({
      where: { subjectType: "Incident", subjectId: inc.id },
      select: { action: true, actorId: true },
    });
    expect(audit).toEqual([
      { action: "incident.people_notification_drafted", actorId: officer.id },
      { action: "incident.people_notification_sent", actorId: officer.id },
    ]);

    const batches: number[] = [];
    await expandMailing({ db: t.db, mailingId: mailing.id, enqueue: async (_, b) => void batches.push(...b) });
    const transport = createTransport({
      config: { transport: "resend", from: FROM, apiKey: "re_test_key", baseUrl: fake.url },
      db: t.db,
      retry: { sleep: async () => {}, random: () => 1 },
    });
    for (const b of batches)
      await sendMailingBatch(
        {
          db: t.db,
          transport,
          publicUrl: "https://prefs.example.com",
          linkKeys: [{ id: "t1", secret: "s".repeat(40) }],
          suppressionKey: TEST_SUPPRESSION_KEY,
          mailFrom: FROM,
          pace: async () => {},
          cache: new Map(),
        },
        mailing.id,
        b,
      );
    const to = fake.accepted.map((m) => (m.payload.to as string[])[0]).sort();
    expect(to).toEqual([plain.email, optedOut.email].sort());
    expect(to).not.toContain(bystander.email);
    const english = fake.accepted.find((m) => (m.payload.to as string[])[0] === optedOut.email)!;
    expect(english.payload.subject).toBe("A personal data breach that concerns your details");
    expect(english.payload.text as string).toContain("A laptop with an export of the register was stolen.");
  });

  it("a notification scheduled for later is recorded on the incident when it goes out, as the system's", async () => {
    const officer = await makeStaffUser(t.db, "PRIVACY_OFFICER");
    const inc = await incident(officer.id);
    const person = await makeContact(t.db);
    await t.db.incidentContact.create({ data: { incidentId: inc.id, contactId: person.id } });
    const r = await draft(inc.id, officer.id);
    if (!r.ok) throw new Error(JSON.stringify(r));
    const now = new Date();
    const at = new Date(now.getTime() + 2 * 3_600_000);
    expect(await startMailing({ db: t.db, staff: officer, mailingId: r.mailingId, sendAt: at, now })).toEqual({
      ok: true,
      status: "SCHEDULED",
    });
    expect((await t.db.incident.findUniqueOrThrow({ where: { id: inc.id } })).peopleStatus).toBe("PLANNED");
    // Before its time nothing happens; at its time the dispatcher starts it and the incident says so.
    await dispatchDueMailings({ db: t.db, enqueueExpansion: async () => {}, now });
    expect((await t.db.incident.findUniqueOrThrow({ where: { id: inc.id } })).peopleStatus).toBe("PLANNED");
    const later = new Date(at.getTime() + 1000);
    await dispatchDueMailings({ db: t.db, enqueueExpansion: async () => {}, now: later });
    const sent = await t.db.incident.findUniqueOrThrow({ where: { id: inc.id } });
    expect(sent).toMatchObject({ peopleStatus: "NOTIFIED", peopleNotifiedAt: later });
    const last = await t.db.incidentUpdate.findFirstOrThrow({ where: { incidentId: inc.id }, orderBy: { at: "desc" } });
    expect(last).toMatchObject({ staffId: null, fields: ["peopleStatus", "peopleNotifiedAt"] });
    const audit = await t.db.auditEvent.findFirstOrThrow({
      where: { subjectType: "Incident", subjectId: inc.id, action: "incident.people_notification_sent" },
    });
    expect(audit).toMatchObject({ actorType: "SYSTEM", actorId: null });
  });

  it("refuses an incident without high risk, without affected people, or unknown", async () => {
    const officer = await makeStaffUser(t.db, "PRIVACY_OFFICER");
    const mailingsBefore = await t.db.mailing.count();
    const low = await incident(officer.id, "RISK");
    expect(await draft(low.id, officer.id)).toEqual({ ok: false, code: "conflict", reason: "not_high_risk" });
    const empty = await incident(officer.id);
    expect(await draft(empty.id, officer.id)).toEqual({ ok: false, code: "conflict", reason: "no_affected" });
    expect(await draft("no-such-incident", officer.id)).toEqual({ ok: false, code: "not_found" });
    expect(await t.db.mailing.count()).toBe(mailingsBefore);
  });
});
