// "Pause marketing mail for 1, 3 or 6 months" (lib/subscriptions/pause-marketing.ts, end-marketing-pause.ts): each a
// transaction with its audit entry; not an opt-out (subscriptions stay, no suppression, no objection recorded); honoured
// wherever marketing is selected (the live count from ContactFacts, the sample, the expansion, the send-time check with
// the reason PAUSED on the mailing's breakdown) until its date, compared with the caller's now, and never by required
// notices or service topics; shown on the person's record, in the export and the CRM API's contact read.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { loadApiContact } from "@/lib/api/get-contact-handler";
import { getContactRecord } from "@/lib/contacts/get-contact-record";
import { countAudienceByTopic } from "@/lib/dashboard/count-audience-by-topic";
import { toCsv } from "@/lib/export/export-contact-data";
import { createTransport } from "@/lib/mail/create-transport";
import { getMailingProgress } from "@/lib/mailings/get-mailing-progress";
import { expandMailing } from "@/lib/mailings/pipeline/expand-mailing";
import { sendMailingBatch, type BatchContext } from "@/lib/mailings/pipeline/send-mailing-batch";
import { ensureNoticeTopic } from "@/lib/notices/ensure-notice-topic";
import { loadPreferenceView } from "@/lib/recipients/load-preference-view";
import { countSegment } from "@/lib/segments/count-segment";
import { EXCLUSION_REASONS, exclusionReasonSql } from "@/lib/segments/exclusion-sql";
import { sampleSegment } from "@/lib/segments/sample-segment";
import { segmentFilterSchema } from "@/lib/segments/segment-filter";
import { segmentConditionSql } from "@/lib/segments/segment-sql";
import { endMarketingPause } from "@/lib/subscriptions/end-marketing-pause";
import { pauseEndsAt } from "@/lib/subscriptions/pause-length";
import { pauseMarketing } from "@/lib/subscriptions/pause-marketing";
import { createWebhookEndpoint } from "@/lib/outbound-webhooks/create-webhook-endpoint";
import { unsubscribeFromAll } from "@/lib/subscriptions/unsubscribe-from-all";
import { makeContact, makeStaffUser, makeTopic, TEST_SUPPRESSION_KEY, unique } from "../factories";
import { createTestDb, type TestDb } from "../support/db";
import { startFakeResend, type FakeResend } from "../support/fake-resend";

const KEYS = [{ id: "t1", secret: "s".repeat(40) }];
const PUBLIC_URL = "https://prefs.example.com";
const FROM = "Tillit <noreply@mail.example.com>";
// A frozen clock: the pause starts at NOW; DURING is inside a 3-month pause, AFTER just past its end.
const NOW = new Date("2031-03-10T09:00:00Z");
const DURING = new Date("2031-05-01T12:00:00Z");
const AFTER = new Date("2031-06-10T09:00:01Z");

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
});

function ctx(now: Date): BatchContext {
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
    now: () => now,
  };
}

/** This test's own people: customer contacts subscribed by default to a fresh newsletter, found by a source tag. */
async function audience(n: number) {
  const tag = `pause-${unique()}`;
  const newsletter = await makeTopic(t.db, { defaultCategories: ["CUSTOMER_CONTACT"] });
  const service = await makeTopic(t.db, { isMarketing: false, defaultCategories: ["CUSTOMER_CONTACT"] });
  const people: { id: string; email: string }[] = [];
  for (let i = 0; i < n; i++)
    people.push(
      await makeContact(t.db, {
        now: NOW,
        source: { type: "MET_AT_EVENT", detail: `Mässa ${tag}`, date: null, staffId: null, organisationId: null },
      }),
    );
  const filter = segmentFilterSchema.parse({ sourceDetail: tag });
  return { tag, newsletter, service, people, filter };
}

async function mailing(topicId: string, filter: object, startedAt: Date) {
  const segment = await t.db.segment.create({ data: { name: `Segment ${unique()}`, filter } });
  return t.db.mailing.create({
    data: {
      name: `Mailing ${unique()}`,
      topicId,
      segmentId: segment.id,
      subjectSv: "Hej {{name}}",
      subjectEn: "Hello {{name}}",
      bodySv: "# Nyheter\n\nDet här hände i mars.",
      bodyEn: "# News\n\nThis is what happened in March.",
      status: "SENDING",
      startedAt,
    },
  });
}

async function expand(mailingId: string, now: Date): Promise<number[]> {
  const batches: number[] = [];
  await expandMailing({ db: t.db, mailingId, enqueue: async (_, b) => void batches.push(...b), now: () => now });
  return [...new Set(batches)];
}

describe("pausing and ending a pause", () => {
  it("sets the end date with its audit entry, keeps subscriptions, and writes no suppression or objection", async () => {
    const { people, newsletter } = await audience(1);
    const person = people[0]!;
    const r = await pauseMarketing({ db: t.db, contactId: person.id, months: 3, now: NOW });
    expect(r).toEqual({ ok: true, pausedUntil: new Date("2031-06-10T09:00:00Z") });
    const contact = await t.db.contact.findUniqueOrThrow({ where: { id: person.id } });
    expect(contact).toMatchObject({ marketingPausedUntil: new Date("2031-06-10T09:00:00Z"), marketingOptOutAt: null });
    const audit = await t.db.auditEvent.findFirstOrThrow({
      where: { subjectId: person.id, action: "contact.marketing_paused" },
    });
    expect(audit).toMatchObject({ actorType: "CONTACT", actorId: person.id, fields: ["marketingPausedUntil"] });
    expect(audit.at).toEqual(NOW);
    expect(audit.personalValues).toEqual({ months: 3, until: "2031-06-10T09:00:00.000Z" });
    // Not an opt-out: the subscription stays, nothing on the suppression list, no objection recorded.
    expect(
      await t.db.subscription.findUniqueOrThrow({
        where: { contactId_topicId: { contactId: person.id, topicId: newsletter.id } },
      }),
    ).toMatchObject({ state: "SUBSCRIBED" });
    expect(await t.db.suppression.count({ where: { addressHash: contact.addressHash! } })).toBe(0);
    expect(await t.db.privacyRequest.count({ where: { contactId: person.id } })).toBe(0);
    // The facts row the live count scans follows at once (trigger).
    expect(await t.db.contactFacts.findUniqueOrThrow({ where: { contactId: person.id } })).toMatchObject({
      pausedUntil: new Date("2031-06-10T09:00:00Z"),
      optedOut: false,
    });

    // The preference page's view shows the pause while it is on, and not after its date.
    expect((await loadPreferenceView({ db: t.db, contactId: person.id, now: DURING }))?.marketingPausedUntil).toEqual(
      new Date("2031-06-10T09:00:00Z"),
    );
    expect((await loadPreferenceView({ db: t.db, contactId: person.id, now: AFTER }))?.marketingPausedUntil).toBe(null);

    // Ended early: cleared with its own audit entry naming the end date it had.
    expect(await endMarketingPause({ db: t.db, contactId: person.id, now: DURING })).toEqual({
      ok: true,
      changed: true,
    });
    expect((await t.db.contact.findUniqueOrThrow({ where: { id: person.id } })).marketingPausedUntil).toBe(null);
    const ended = await t.db.auditEvent.findFirstOrThrow({
      where: { subjectId: person.id, action: "contact.marketing_pause_ended" },
    });
    expect(ended).toMatchObject({ actorType: "CONTACT", fields: ["marketingPausedUntil"] });
    expect(ended.personalValues).toEqual({ until: "2031-06-10T09:00:00.000Z", endedAt: DURING.toISOString() });
    expect((await t.db.contactFacts.findUniqueOrThrow({ where: { contactId: person.id } })).pausedUntil).toBe(null);

    // Ending again (a second press, another tab) changes and records nothing.
    expect(await endMarketingPause({ db: t.db, contactId: person.id, now: DURING })).toEqual({
      ok: true,
      changed: false,
    });
    expect(
      await t.db.auditEvent.count({ where: { subjectId: person.id, action: "contact.marketing_pause_ended" } }),
    ).toBe(1);
  });

  it("replaces the end date when paused again, and has nothing to end once the date has passed", async () => {
    const { people } = await audience(1);
    const id = people[0]!.id;
    await pauseMarketing({ db: t.db, contactId: id, months: 1, now: NOW });
    const again = await pauseMarketing({ db: t.db, contactId: id, months: 6, now: DURING });
    expect(again).toEqual({ ok: true, pausedUntil: pauseEndsAt(DURING, 6) });
    const later = new Date("2031-12-01T12:00:01Z");
    expect(await endMarketingPause({ db: t.db, contactId: id, now: later })).toEqual({ ok: true, changed: false });
    expect(await t.db.auditEvent.count({ where: { subjectId: id, action: "contact.marketing_paused" } })).toBe(2);
  });

  it("refuses a pause for someone opted out of all marketing, and an unknown contact", async () => {
    const { people } = await audience(1);
    const id = people[0]!.id;
    await unsubscribeFromAll({
      db: t.db,
      contactId: id,
      source: "SELF",
      suppressionKey: TEST_SUPPRESSION_KEY,
      now: NOW,
    });
    expect(await pauseMarketing({ db: t.db, contactId: id, months: 1, now: NOW })).toEqual({
      ok: false,
      code: "conflict",
      reason: "opted_out",
    });
    expect(await pauseMarketing({ db: t.db, contactId: "nobody", months: 1, now: NOW })).toEqual({
      ok: false,
      code: "not_found",
      reason: "unknown_contact",
    });
    expect(await endMarketingPause({ db: t.db, contactId: "nobody", now: NOW })).toEqual({
      ok: false,
      code: "not_found",
      reason: "unknown_contact",
    });
    expect(await t.db.auditEvent.count({ where: { subjectId: id, action: "contact.marketing_paused" } })).toBe(0);
  });
});

describe("selection honours a pause until its date", () => {
  it("the live count and the sample leave a paused contact out, and take them in again after the date", async () => {
    const { people, newsletter, service, filter } = await audience(3);
    const paused = people[0]!;
    await pauseMarketing({ db: t.db, contactId: paused.id, months: 3, now: NOW });

    const during = await countSegment({ db: t.db, filter, topicId: newsletter.id, today: DURING });
    if (!during.ok || !during.count.topic) throw new Error("no breakdown");
    expect(during.count).toMatchObject({ total: 3, eligible: 2 });
    expect(during.count.excluded).toEqual({ ...zeroes(), PAUSED: 1 });

    const after = await countSegment({ db: t.db, filter, topicId: newsletter.id, today: AFTER });
    if (!after.ok || !after.count.topic) throw new Error("no breakdown");
    expect(after.count).toMatchObject({ total: 3, eligible: 3 });
    expect(after.count.excluded).toEqual(zeroes());

    // A service topic is not marketing: the pause does not touch it.
    const serviceCount = await countSegment({ db: t.db, filter, topicId: service.id, today: DURING });
    expect(serviceCount).toMatchObject({ ok: true, count: { eligible: 3, excluded: zeroes() } });

    // The count (ContactFacts) and the expansion's rules (normalised tables) agree, at both moments.
    for (const now of [DURING, AFTER]) {
      const rows = await t.db.$queryRaw<{ reason: string | null; n: number }[]>(Prisma.sql`
        SELECT ${exclusionReasonSql({ ...newsletter, purpose: "MARKETING_MAILINGS", isMarketing: true, isRequired: false }, now)}
          AS reason, count(*)::int AS n FROM "Contact" c WHERE ${segmentConditionSql(filter, now)} GROUP BY 1`);
      const byReason = Object.fromEntries(rows.map((x) => [x.reason ?? "eligible", x.n]));
      const r = await countSegment({ db: t.db, filter, topicId: newsletter.id, today: now });
      if (!r.ok || !r.count.topic) throw new Error("no breakdown");
      expect({ eligible: r.count.eligible, ...r.count.excluded }).toEqual({
        eligible: byReason.eligible ?? 0,
        ...Object.fromEntries(EXCLUSION_REASONS.map((x) => [x, byReason[x] ?? 0])),
      });
    }

    const sample = async (today: Date) => {
      const r = await sampleSegment({ db: t.db, filter, topicId: newsletter.id, limit: 50, today });
      if (!r.ok) throw new Error("no sample");
      return r.rows.length;
    };
    expect(await sample(DURING)).toBe(2);
    expect(await sample(AFTER)).toBe(3);
  });

  it("marketing's audience per topic counts a paused subscriber as stopped until the date", async () => {
    const { people, newsletter } = await audience(2);
    await pauseMarketing({ db: t.db, contactId: people[0]!.id, months: 3, now: NOW });
    const row = async (now: Date) =>
      (await countAudienceByTopic({ db: t.db, now })).find((a) => a.topicId === newsletter.id);
    expect(await row(DURING)).toMatchObject({ eligible: 1, stopped: 1 });
    expect(await row(AFTER)).toMatchObject({ eligible: 2, stopped: 0 });
  });

  it("the expansion leaves a paused contact out, and the send-time check stops one paused meanwhile as PAUSED", async () => {
    const { people, newsletter, filter } = await audience(3);
    const [early, late, stays] = people as [
      { id: string; email: string },
      { id: string; email: string },
      { id: string; email: string },
    ];
    await pauseMarketing({ db: t.db, contactId: early.id, months: 3, now: NOW });

    const m = await mailing(newsletter.id, { sourceDetail: filter.sourceDetail }, DURING);
    const batches = await expand(m.id, DURING);
    const expanded = await t.db.delivery.findMany({ where: { mailingId: m.id }, select: { contactId: true } });
    expect(expanded.map((d) => d.contactId).sort()).toEqual([late.id, stays.id].sort());

    // Paused between the expansion and the batch going out: left out at send time, with its reason.
    await pauseMarketing({ db: t.db, contactId: late.id, months: 1, now: DURING });
    for (const b of batches) await sendMailingBatch(ctx(DURING), m.id, b);
    const rows = await t.db.delivery.findMany({
      where: { mailingId: m.id },
      select: { contactId: true, status: true, skipReason: true },
    });
    expect(rows.find((r) => r.contactId === late.id)).toMatchObject({ status: "SUPPRESSED", skipReason: "PAUSED" });
    expect(rows.find((r) => r.contactId === stays.id)).toMatchObject({ status: "SENT", skipReason: null });
    const mine = new Set(people.map((p) => p.email));
    const sentTo = fake.accepted.map((x) => (x.payload.to as string[])[0]!).filter((to) => mine.has(to));
    expect(sentTo).toEqual([stays.email]);

    // The mailing page's breakdown names the reason.
    const marketing = await makeStaffUser(t.db, "MARKETING");
    const progress = await getMailingProgress({ db: t.db, staff: marketing, mailingId: m.id });
    if (!progress.ok) throw new Error("no progress");
    expect(progress.progress.counts.suppressedBy).toEqual({ PAUSED: 1 });
  });

  it("a required notice still reaches a paused contact, as it reaches one who opted out", async () => {
    const { people, filter } = await audience(2);
    const [paused, optedOut] = people as [{ id: string; email: string }, { id: string; email: string }];
    await pauseMarketing({ db: t.db, contactId: paused.id, months: 6, now: NOW });
    await unsubscribeFromAll({
      db: t.db,
      contactId: optedOut.id,
      source: "SELF",
      suppressionKey: TEST_SUPPRESSION_KEY,
      now: NOW,
    });
    const notice = await t.db.$transaction((tx) => ensureNoticeTopic(tx, NOW));
    const m = await mailing(notice.id, { sourceDetail: filter.sourceDetail }, DURING);
    for (const b of await expand(m.id, DURING)) await sendMailingBatch(ctx(DURING), m.id, b);
    const rows = await t.db.delivery.findMany({
      where: { mailingId: m.id },
      select: { contactId: true, status: true },
    });
    expect(rows.map((r) => [r.contactId, r.status]).sort()).toEqual(
      [
        [paused.id, "SENT"],
        [optedOut.id, "SENT"],
      ].sort(),
    );
  });
});

describe("the person's record, export and the CRM API", () => {
  it("show the pause's end date", async () => {
    const { people } = await audience(1);
    const id = people[0]!.id;
    await pauseMarketing({ db: t.db, contactId: id, months: 3, now: NOW });
    const record = await getContactRecord({ db: t.db, contactId: id });
    expect(record?.contact.marketingPausedUntil).toEqual(new Date("2031-06-10T09:00:00Z"));
    expect(toCsv(record!, "en")).toContain("contact,1,marketingPausedUntil,2031-06-10T09:00:00.000Z");
    expect(JSON.parse(JSON.stringify(record)).contact.marketingPausedUntil).toBe("2031-06-10T09:00:00.000Z");
    // Their changes list the pause, and the export words it in their language.
    expect(record?.changes.map((c) => c.action)).toContain("contact.marketing_paused");
    expect(await loadApiContact(t.db, id)).toMatchObject({ marketingPausedUntil: "2031-06-10T09:00:00.000Z" });
  });
});

describe("downstream systems (Art. 19: restriction)", () => {
  it("are told of a pause with its end date and of its end, in order", async () => {
    const endpoint = await createWebhookEndpoint({
      db: t.db,
      actor: { type: "STAFF", id: "test-admin" },
      allowHttp: true,
      input: {
        name: `CRM ${unique()}`,
        url: "http://127.0.0.1:9/hook",
        eventTypes: ["contact.marketing_paused", "contact.marketing_pause_ended"],
      },
    });
    expect(endpoint.ok).toBe(true);
    const person = await makeContact(t.db);
    await pauseMarketing({ db: t.db, contactId: person.id, months: 1, now: NOW });
    await endMarketingPause({ db: t.db, contactId: person.id, now: new Date(NOW.getTime() + 60_000) });
    const events = await t.db.outboundEvent.findMany({ where: { contactId: person.id }, orderBy: { seq: "asc" } });
    expect(events.map((e) => e.type)).toEqual(["contact.marketing_paused", "contact.marketing_pause_ended"]);
    expect((events[0]!.payload as { data: { until: string } }).data.until).toBe(pauseEndsAt(NOW, 1).toISOString());
    await t.db.webhookEndpoint.deleteMany({ where: { kind: "WEBHOOK" } });
  });
});

function zeroes() {
  return Object.fromEntries(EXCLUSION_REASONS.map((r) => [r, 0]));
}
