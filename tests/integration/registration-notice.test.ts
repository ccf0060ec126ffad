// The yearly registration notice (lib/notices): the monthly run creates one system mailing on the required notice
// topic for the people registered a year or more ago and not mailed (or noticed) since, the pipeline sends it with
// each person's category, purposes and deletion date, a second run in the month adds nothing, and the privacy
// officer's setting turns it off.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTransport } from "@/lib/mail/create-transport";
import { expandMailing } from "@/lib/mailings/pipeline/expand-mailing";
import { sendMailingBatch, type BatchContext } from "@/lib/mailings/pipeline/send-mailing-batch";
import { NOTICE_TOPIC_KEY } from "@/lib/notices/ensure-notice-topic";
import { sendRegistrationNotices } from "@/lib/notices/send-registration-notices";
import { setRegistrationNotice } from "@/lib/notices/set-registration-notice";
import { saveTopic } from "@/lib/topics/save-topic";
import { getPolicy } from "@/lib/policy/current-policy";
import { computeDeletionDate } from "@/lib/retention/compute-deletion-date";
import { hashAddress } from "@/lib/suppression/hash-address";
import { createTestDb, type TestDb } from "../support/db";
import { makeContact, makeStaffUser, makeTopic, TEST_SUPPRESSION_KEY } from "../factories";
import { startFakeResend, type FakeResend } from "../support/fake-resend";

const KEYS = [{ id: "t1", secret: "s".repeat(40) }];
const PUBLIC_URL = "https://prefs.example.com";
const FROM = "Tillit <noreply@mail.example.com>";
// A frozen clock: 10 March 2031, and the register around it.
const NOW = new Date("2031-03-10T09:00:00Z");
const LONG_AGO = new Date("2029-01-15T10:00:00Z");

let t: TestDb;
let fake: FakeResend;

function ctx(): BatchContext {
  return {
    db: t.db,
    transport: createTransport({
      config: { transport: "resend", from: FROM, apiKey: "re_test_key", baseUrl: fake.url },
      db: t.db,
      retry: { sleep: async () => {}, random: () => 1 },
    }),
    publicUrl: PUBLIC_URL,
    linkKeys: KEYS,
    suppressionKey: TEST_SUPPRESSION_KEY,
    mailFrom: FROM,
    pace: async () => {},
    cache: new Map(),
  };
}

async function mailedAt(contactId: string, startedAt: Date) {
  const topic = await makeTopic(t.db, { defaultCategories: [] });
  const segment = await t.db.segment.create({ data: { name: "earlier", filter: {} } });
  const mailing = await t.db.mailing.create({
    data: { name: "Earlier news", topicId: topic.id, segmentId: segment.id, status: "SENT", startedAt },
  });
  await t.db.delivery.create({
    data: { mailingId: mailing.id, contactId, batch: 0, status: "SENT", sentAt: startedAt },
  });
}

async function expandAll(mailingId: string, now: Date) {
  const batches: number[] = [];
  await expandMailing({ db: t.db, mailingId, enqueue: async (_, b) => void batches.push(...b), now: () => now });
  for (const b of batches) await sendMailingBatch(ctx(), mailingId, b);
  return t.db.delivery.findMany({ where: { mailingId }, select: { contactId: true, status: true } });
}

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
});

describe("the yearly registration notice", () => {
  it("mails exactly the people not mailed for a year, with their deletion date, once a month", async () => {
    const quiet = await makeContact(t.db, { now: LONG_AGO });
    const optedOut = await makeContact(t.db, { now: LONG_AGO, language: "en", marketingOptOutAt: LONG_AGO });
    const mailedRecently = await makeContact(t.db, { now: LONG_AGO });
    await mailedAt(mailedRecently.id, new Date("2030-12-10T09:00:00Z"));
    const mailedLongAgo = await makeContact(t.db, { now: LONG_AGO });
    await mailedAt(mailedLongAgo.id, new Date("2029-06-10T09:00:00Z"));
    const newcomer = await makeContact(t.db, { now: new Date("2031-01-10T09:00:00Z") });
    const bounced = await makeContact(t.db, { now: LONG_AGO });
    await t.db.suppression.create({
      data: { addressHash: hashAddress(bounced.email, TEST_SUPPRESSION_KEY), reason: "HARD_BOUNCE", scope: "ALL" },
    });
    await t.db.suppression.create({
      data: {
        addressHash: hashAddress(optedOut.email, TEST_SUPPRESSION_KEY),
        reason: "UNSUBSCRIBED_ALL",
        scope: "MARKETING",
      },
    });

    const run = await sendRegistrationNotices({ db: t.db, now: NOW });
    if (run.status !== "started") throw new Error(`expected a mailing, got ${run.status}`);
    const mailing = await t.db.mailing.findUniqueOrThrow({ where: { id: run.mailingId }, include: { topic: true } });
    expect(mailing).toMatchObject({ status: "SENDING", createdById: null, template: "registration-notice" });
    expect(mailing.name).toContain("2031-03");
    expect(mailing.topic).toMatchObject({ key: NOTICE_TOPIC_KEY, isMarketing: false, isRequired: true });
    const audit = await t.db.auditEvent.findMany({
      where: { subjectId: mailing.id },
      select: { action: true, actorType: true },
    });
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: "mailing.created", actorType: "SYSTEM" },
        { action: "mailing.started", actorType: "SYSTEM" },
      ]),
    );

    const deliveries = await expandAll(mailing.id, NOW);
    expect(deliveries.map((d) => d.contactId).sort()).toEqual([quiet.id, optedOut.id, mailedLongAgo.id].sort());
    expect(deliveries.every((d) => d.status === "SENT")).toBe(true);
    for (const absent of [mailedRecently, newcomer, bounced])
      expect(deliveries.some((d) => d.contactId === absent.id)).toBe(false);

    // The text carries the person's deletion date (the one their own page shows) and no unsubscribe.
    const contact = await t.db.contact.findUniqueOrThrow({
      where: { id: quiet.id },
      include: { roles: { include: { organisation: true } } },
    });
    const retention = computeDeletionDate(contact, getPolicy().categories);
    if (retention.kind !== "date") throw new Error("expected a date");
    const date = new Intl.DateTimeFormat("sv-SE", { dateStyle: "long", timeZone: "UTC" }).format(retention.deleteBy);
    const mail = fake.accepted.find((m) => (m.payload.to as string[])[0] === quiet.email)!;
    expect(mail.payload.text as string).toContain(date);
    expect(mail.payload.subject).toBe("Du finns i vårt kontaktregister");
    expect(JSON.stringify(mail.payload.headers ?? {})).not.toContain("List-Unsubscribe");
    const english = fake.accepted.find((m) => (m.payload.to as string[])[0] === optedOut.email)!;
    expect(english.payload.text as string).toContain("We keep them until");

    // A second run the same month (the worker's catch-up) adds nothing.
    expect(await sendRegistrationNotices({ db: t.db, now: new Date("2031-03-20T09:00:00Z") })).toEqual({
      status: "exists",
      mailingId: mailing.id,
    });
    expect(await t.db.mailing.count({ where: { template: "registration-notice" } })).toBe(1);

    // Next month: the people noticed in March are not noticed again; nobody else became due.
    const april = await sendRegistrationNotices({ db: t.db, now: new Date("2031-04-01T08:00:00Z") });
    if (april.status !== "started") throw new Error("expected April's mailing");
    expect(await expandAll(april.mailingId, new Date("2031-04-01T08:00:00Z"))).toEqual([]);
  });

  it("sends nothing while the privacy officer has it turned off, and again once turned on", async () => {
    const officer = await makeStaffUser(t.db, "PRIVACY_OFFICER");
    expect(await setRegistrationNotice({ db: t.db, staff: officer, input: { on: "off" }, now: NOW })).toEqual({
      ok: true,
      on: false,
      changed: true,
    });
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { action: "setting.changed" } });
    expect(audit).toMatchObject({ actorType: "STAFF", actorId: officer.id, fields: ["registrationNoticeOn"] });
    const before = await t.db.mailing.count();
    expect(await sendRegistrationNotices({ db: t.db, now: new Date("2031-05-01T08:00:00Z") })).toEqual({
      status: "off",
    });
    expect(await t.db.mailing.count()).toBe(before);

    expect(await setRegistrationNotice({ db: t.db, staff: officer, input: { on: "on" }, now: NOW })).toMatchObject({
      ok: true,
      on: true,
    });
    expect((await sendRegistrationNotices({ db: t.db, now: new Date("2031-05-01T08:00:00Z") })).status).toBe("started");
  });

  it("refuses bad input per field and other roles", async () => {
    const officer = await makeStaffUser(t.db, "PRIVACY_OFFICER");
    expect(await setRegistrationNotice({ db: t.db, staff: officer, input: { on: "maybe" } })).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { on: "choice_required" },
    });
    const marketing = await makeStaffUser(t.db, "MARKETING");
    expect(await setRegistrationNotice({ db: t.db, staff: marketing, input: { on: "off" } })).toEqual({
      ok: false,
      code: "forbidden",
    });
  });

  it("keeps the notice topic a required service notice: staff may reword it, not make it marketing or archive it", async () => {
    await sendRegistrationNotices({ db: t.db, now: new Date("2031-06-01T08:00:00Z") });
    const topic = await t.db.topic.findUniqueOrThrow({ where: { key: NOTICE_TOPIC_KEY } });
    const admin = await makeStaffUser(t.db, "ADMIN");
    const input = {
      key: topic.key,
      nameSv: topic.nameSv,
      nameEn: "Notices we are obliged to send",
      descriptionSv: topic.descriptionSv,
      descriptionEn: topic.descriptionEn,
      purpose: topic.purpose,
      defaultCategories: [],
      sortOrder: String(topic.sortOrder),
    };
    expect(await saveTopic({ db: t.db, staff: admin, id: topic.id, input: { ...input, isMarketing: "on" } })).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { isMarketing: "required_topic_fixed" },
    });
    expect(await saveTopic({ db: t.db, staff: admin, id: topic.id, input })).toMatchObject({
      ok: true,
      changed: ["nameEn"],
    });
  });
});
