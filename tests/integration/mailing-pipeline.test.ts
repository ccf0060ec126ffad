// A mailing from start to finish: expansion of a segment (each test's own audience, made with the test factories) into
// deliveries, pg-boss workers on the same database,
// the real Resend SDK against the local fake API (contract-checked), per-recipient checks at send time.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startBoss, type BossTarget } from "@/lib/jobs/boss";
import { startWorkers, type Workers } from "@/lib/jobs/start-workers";
import { createTransport } from "@/lib/mail/create-transport";
import { cancelMailing } from "@/lib/mailings/cancel-mailing";
import { expandMailing } from "@/lib/mailings/pipeline/expand-mailing";
import { sendMailingBatch, type BatchContext } from "@/lib/mailings/pipeline/send-mailing-batch";
import { pauseMailing } from "@/lib/mailings/pause-mailing";
import { startMailing } from "@/lib/mailings/start-mailing";
import { getContactRecord } from "@/lib/contacts/get-contact-record";
import { eraseContact } from "@/lib/contacts/erase-contact";
import { resolveLink } from "@/lib/recipients/resolve-link";
import { oneClickTarget, oneClickUnsubscribe } from "@/lib/subscriptions/one-click-unsubscribe";
import { hashAddress } from "@/lib/suppression/hash-address";
import { verifyLinkToken } from "@/lib/tokens/link-token";
import { createTestDb, type TestDb } from "../support/db";
import { makeContact, makeOrganisation, makeStaffUser, makeTopic } from "../factories";
import { startFakeResend, type FakeResend } from "../support/fake-resend";

const KEYS = [{ id: "t1", secret: "s".repeat(40) }];
const SUPPRESSION_KEY = "k".repeat(40);
const PUBLIC_URL = "https://prefs.example.com";
const FROM = "Tillit <noreply@mail.example.com>";

let t: TestDb;
let fake: FakeResend;

const config = (lease = 30) => ({
  publicUrl: PUBLIC_URL,
  linkKeys: KEYS,
  suppressionKey: SUPPRESSION_KEY,
  mail: { transport: "resend" as const, from: FROM, apiKey: "re_test_key", baseUrl: fake.url },
  jobs: {
    inProcess: true,
    concurrency: 4,
    leaseSeconds: lease,
    sendRatePerSecond: 0,
    naiveRender: false,
    retentionHour: 4,
  },
});
const transport = () =>
  createTransport({ config: config().mail, db: t.db, retry: { sleep: async () => {}, random: () => 1 } });

function ctx(): BatchContext {
  return {
    db: t.db,
    transport: transport(),
    publicUrl: PUBLIC_URL,
    linkKeys: KEYS,
    suppressionKey: SUPPRESSION_KEY,
    mailFrom: FROM,
    pace: async () => {},
    cache: new Map(),
  };
}

/**
 * The test's own newsletter and the people it may reach: customer contacts in both languages with a current role at an
 * organisation (subscribed to it by default), one of them opted out of all marketing; and Sara from marketing.
 */
async function makeAudience() {
  const SARA = await makeStaffUser(t.db, "MARKETING", { name: "Sara Nyström" });
  const NEWSLETTER = (await makeTopic(t.db, { defaultCategories: ["CUSTOMER_CONTACT"] })).id;
  const org = await makeOrganisation(t.db);
  for (const language of ["sv", "sv", "en", "sv", "en", "sv"] as const)
    await makeContact(t.db, { language, organisationId: org.id, suppressionKey: SUPPRESSION_KEY });
  await makeContact(t.db, { organisationId: org.id, marketingOptOutAt: new Date(), suppressionKey: SUPPRESSION_KEY });
  return { SARA, NEWSLETTER, newMailing: (name: string, filter: object = {}) => newMailing(NEWSLETTER, name, filter) };
}

async function newMailing(NEWSLETTER: string, name: string, filter: object = {}) {
  const segment = await t.db.segment.create({ data: { name: `${name} segment`, filter } });
  return t.db.mailing.create({
    data: {
      name,
      topicId: NEWSLETTER,
      segmentId: segment.id,
      subjectSv: "Hej {{name}}",
      subjectEn: "Hello {{name}}",
      bodySv: "# Nyheter\n\nDet här hände i november.",
      bodyEn: "# News\n\nThis is what happened in November.",
    },
  });
}

async function eligibleEmails(NEWSLETTER: string): Promise<string[]> {
  const rows = await t.raw.query<{ email: string }>(
    `SELECT c.email FROM "Contact" c
     WHERE EXISTS (SELECT 1 FROM "Subscription" s WHERE s."contactId" = c.id AND s."topicId" = $1 AND s.state = 'SUBSCRIBED')
       AND c."marketingOptOutAt" IS NULL
       AND EXISTS (SELECT 1 FROM "ContactLegalBasis" b WHERE b."contactId" = c.id AND b.purpose = 'MARKETING_MAILINGS')`,
    [NEWSLETTER],
  );
  return rows.map((r) => r.email).sort();
}

const waitFor = async (check: () => Promise<boolean>, ms = 30_000) => {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 100));
  }
};

const hrefs = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, "&"));

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

describe("a mailing through pg-boss workers and the Resend API", () => {
  let workers: Workers | undefined;
  afterEach(async () => {
    await workers?.stop();
    workers = undefined;
  });

  it("recompute the segment facts of contacts whose role dates have passed at start (the nightly job's catch-up)", async () => {
    const org = await makeOrganisation(t.db);
    const contact = await makeContact(t.db, { organisationId: org.id, suppressionKey: SUPPRESSION_KEY });
    const someone = await t.db.contactFacts.findUniqueOrThrow({ where: { contactId: contact.id } });
    expect(someone.roleKeys).not.toEqual([]);
    await t.db.contactFacts.update({
      where: { contactId: someone.contactId },
      data: { rolesUntil: new Date("2001-01-01"), currentRoleKeys: [] },
    });
    const boss = await startBoss(t.target as BossTarget, { superviseIntervalSeconds: 1 });
    workers = await startWorkers({ db: t.db, boss, config: config(), transport: transport(), log: () => {} });
    await waitFor(async () => {
      const f = await t.db.contactFacts.findUniqueOrThrow({ where: { contactId: someone.contactId } });
      return f.rolesUntil?.getTime() !== new Date("2001-01-01").getTime();
    });
    expect(await t.db.contactFacts.findUniqueOrThrow({ where: { contactId: someone.contactId } })).toEqual(someone);
  });

  it("mails every eligible person once, with both headers, a personal footer link and a topic one-click URL", async () => {
    // One person opted out of all marketing, one hard-bounced earlier: neither may be mailed.
    const { SARA, NEWSLETTER, newMailing } = await makeAudience();
    const eligible = await eligibleEmails(NEWSLETTER);
    const [bounced, ...rest] = eligible;
    await t.db.suppression.create({
      data: { addressHash: hashAddress(bounced!, SUPPRESSION_KEY), reason: "HARD_BOUNCE", scope: "ALL" },
    });
    const expected = rest;

    const mailing = await newMailing("November news");
    expect(await startMailing({ db: t.db, staff: SARA, mailingId: mailing.id })).toEqual({
      ok: true,
      status: "SENDING",
    });
    const boss = await startBoss(t.target as BossTarget, { superviseIntervalSeconds: 1 });
    workers = await startWorkers({
      db: t.db,
      boss,
      config: config(),
      transport: transport(),
      dispatchIntervalMs: 200,
      log: () => {},
    });
    await waitFor(async () => (await t.db.mailing.findUniqueOrThrow({ where: { id: mailing.id } })).status === "SENT");

    const to = fake.accepted.map((m) => (m.payload.to as string[])[0]!).sort();
    expect(to).toEqual(expected);
    const deliveries = await t.db.delivery.findMany({ where: { mailingId: mailing.id } });
    expect(deliveries.filter((d) => d.status === "SENT")).toHaveLength(expected.length);
    // The bounced address was left out when the segment was expanded: no delivery at all.
    const bouncedContact = await t.db.contact.findUniqueOrThrow({ where: { email: bounced! } });
    expect(deliveries.some((d) => d.contactId === bouncedContact.id)).toBe(false);
    expect(new Set(deliveries.map((d) => d.providerMessageId)).size).toBe(deliveries.length);

    for (const { payload } of fake.accepted) {
      const headers = payload.headers as Record<string, string>;
      expect(headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
      const oneClick = /^<(.+)>$/.exec(headers["List-Unsubscribe"]!)![1]!;
      expect(payload.tags).toEqual([{ name: "mailing", value: mailing.id }]);
      expect(payload.text).toMatch(/\S/);
      const links = hrefs(payload.html as string);
      // The footer's visible unsubscribe link is the same one-click URL; the preference link is the person's own.
      expect(links).toContain(oneClick);
      const prefs = links.find((l) => l.startsWith(`${PUBLIC_URL}/p/`))!;
      const resolved = await resolveLink({
        db: t.db,
        token: prefs.split("/p/")[1]!,
        scopes: ["preferences"],
        keys: KEYS,
      });
      expect(resolved.ok).toBe(true);
      const contact = await t.db.contact.findUniqueOrThrow({ where: { id: resolved.ok ? resolved.contactId : "" } });
      expect(contact.email).toBe((payload.to as string[])[0]);
      const claims = verifyLinkToken(oneClick.split("/u/")[1]!, { keys: KEYS, scopes: ["unsubscribe"] });
      expect(claims.ok && claims.claims.extra).toBe(NEWSLETTER);
      expect(claims.ok && claims.claims.contactId).toBe(contact.id);
    }

    // The person's own data view lists the mailing (GDPR Art. 15: the send log is data about them).
    const someone = await t.db.contact.findUniqueOrThrow({ where: { email: expected[0]! } });
    const record = await getContactRecord({ db: t.db, contactId: someone.id });
    expect(record?.mailings.map((m) => m.subject)).toContain(
      (someone.language === "en" ? "Hello " : "Hej ") + someone.name,
    );

    // The one-click URL unsubscribes from this topic only.
    const first = fake.accepted[0]!.payload;
    const oneClick = /^<(.+)>$/.exec((first.headers as Record<string, string>)["List-Unsubscribe"]!)![1]!;
    const claims = verifyLinkToken(oneClick.split("/u/")[1]!, { keys: KEYS, scopes: ["unsubscribe"] });
    if (!claims.ok) throw new Error("bad token");
    const before = await t.db.subscription.findMany({ where: { contactId: claims.claims.contactId } });
    const r = await oneClickUnsubscribe({
      db: t.db,
      contactId: claims.claims.contactId,
      target: oneClickTarget(claims.claims.extra),
      suppressionKey: SUPPRESSION_KEY,
    });
    expect(r.ok).toBe(true);
    const after = await t.db.subscription.findMany({ where: { contactId: claims.claims.contactId } });
    for (const s of after) {
      const was = before.find((b) => b.topicId === s.topicId)!;
      expect(s.state).toBe(s.topicId === NEWSLETTER ? "UNSUBSCRIBED" : was.state);
    }
  });

  it("leaves out a recipient erased after expansion, and one who opted out a moment before the batch", async () => {
    const { SARA, newMailing } = await makeAudience();
    const mailing = await newMailing("Erasure race");
    await startMailing({ db: t.db, staff: SARA, mailingId: mailing.id });
    const batches: number[] = [];
    await expandMailing({ db: t.db, mailingId: mailing.id, enqueue: async (_, b) => void batches.push(...b) });
    const queued = await t.db.delivery.findMany({ where: { mailingId: mailing.id }, include: { contact: true } });
    expect(queued.length).toBeGreaterThan(2);
    const [erased, optedOut] = [queued[0]!.contact!, queued[1]!.contact!];

    await eraseContact({
      db: t.db,
      contactId: erased.id,
      actor: { type: "CONTACT", id: erased.id },
      channel: "SELF_SERVICE",
      suppressionKey: SUPPRESSION_KEY,
    });
    await t.db.contact.update({ where: { id: optedOut.id }, data: { marketingOptOutAt: new Date() } });

    for (const b of new Set(batches)) await sendMailingBatch(ctx(), mailing.id, b);
    const to = fake.accepted.map((m) => (m.payload.to as string[])[0]);
    expect(to).not.toContain(erased.email);
    expect(to).not.toContain(optedOut.email);
    expect(to).toHaveLength(queued.length - 2);
    const rows = await t.db.delivery.findMany({ where: { mailingId: mailing.id, status: "SUPPRESSED" } });
    expect(rows.map((r) => r.skipReason).sort()).toEqual(["ERASED", "OPTED_OUT"]);
    expect(rows.find((r) => r.skipReason === "ERASED")?.contactId).toBeNull();
  });

  it("sends a retried batch under the same idempotency key, so the provider does not send it twice", async () => {
    const { SARA, newMailing } = await makeAudience();
    const mailing = await newMailing("Retry");
    await startMailing({ db: t.db, staff: SARA, mailingId: mailing.id });
    const batches: number[] = [];
    await expandMailing({ db: t.db, mailingId: mailing.id, enqueue: async (_, b) => void batches.push(...b) });
    await sendMailingBatch(ctx(), mailing.id, batches[0]!);
    const sent = fake.accepted.length;
    // A worker that died after the provider accepted the batch but before recording it leaves the rows SENDING.
    await t.db.delivery.updateMany({ where: { mailingId: mailing.id }, data: { status: "SENDING" } });
    await sendMailingBatch(ctx(), mailing.id, batches[0]!);
    expect(fake.accepted.length).toBe(sent);
    const keys = fake.requests.map((r) => r.headers["idempotency-key"]);
    expect(new Set(keys).size).toBe(1);
    expect(await t.db.delivery.count({ where: { mailingId: mailing.id, status: "SENT" } })).toBe(sent);
  });

  it("sends nothing while paused and nothing after a cancel", async () => {
    const { SARA, newMailing } = await makeAudience();
    const mailing = await newMailing("Paused");
    await startMailing({ db: t.db, staff: SARA, mailingId: mailing.id });
    const batches: number[] = [];
    await expandMailing({ db: t.db, mailingId: mailing.id, enqueue: async (_, b) => void batches.push(...b) });
    expect(await pauseMailing({ db: t.db, staff: SARA, mailingId: mailing.id })).toEqual({ ok: true });
    expect(await sendMailingBatch(ctx(), mailing.id, batches[0]!)).toEqual({
      status: "skipped",
      reason: "not_sending",
    });
    expect(await cancelMailing({ db: t.db, staff: SARA, mailingId: mailing.id })).toEqual({ ok: true });
    expect(fake.accepted).toHaveLength(0);
    expect(await t.db.delivery.count({ where: { mailingId: mailing.id, status: { not: "CANCELLED" } } })).toBe(0);
    expect(await pauseMailing({ db: t.db, staff: SARA, mailingId: mailing.id })).toEqual({
      ok: false,
      code: "conflict",
      reason: "wrong_state",
    });
  });

  it("refuses roles without mailings.send", async () => {
    const { newMailing } = await makeAudience();
    const mailing = await newMailing("Forbidden");
    const support = await makeStaffUser(t.db, "SUPPORT");
    expect(await startMailing({ db: t.db, staff: support, mailingId: mailing.id })).toEqual({
      ok: false,
      code: "forbidden",
    });
  });
});

describe("the send-time check trusts no stored hash", () => {
  it("leaves out an address suppressed after expansion even when Contact.addressHash is missing", async () => {
    const { SARA, newMailing } = await makeAudience();
    const mailing = await newMailing("Stale hash");
    await startMailing({ db: t.db, staff: SARA, mailingId: mailing.id });
    const batches: number[] = [];
    await expandMailing({ db: t.db, mailingId: mailing.id, enqueue: async (_, b) => void batches.push(...b) });
    const target = (
      await t.db.delivery.findFirstOrThrow({ where: { mailingId: mailing.id }, include: { contact: true } })
    ).contact!;
    await t.db.contact.update({ where: { id: target.id }, data: { addressHash: null } });
    await t.db.suppression.create({
      data: { addressHash: hashAddress(target.email, SUPPRESSION_KEY), reason: "MANUAL", scope: "ALL" },
    });
    for (const b of new Set(batches)) await sendMailingBatch(ctx(), mailing.id, b);
    expect(fake.accepted.map((m) => (m.payload.to as string[])[0])).not.toContain(target.email);
    const row = await t.db.delivery.findFirstOrThrow({ where: { mailingId: mailing.id, contactId: target.id } });
    expect(row).toMatchObject({ status: "SUPPRESSED", skipReason: "SUPPRESSED_MANUAL" });
  });
});

describe("why a recipient gets the mail", () => {
  it("names the organisation of the earliest current role, ignores ended roles, and none without one", async () => {
    const { SARA, newMailing } = await makeAudience();
    const mailing = await newMailing("Reasons");
    await startMailing({ db: t.db, staff: SARA, mailingId: mailing.id });
    const batches: number[] = [];
    await expandMailing({ db: t.db, mailingId: mailing.id, enqueue: async (_, b) => void batches.push(...b) });
    const queued = await t.db.delivery.findMany({ where: { mailingId: mailing.id }, include: { contact: true } });
    const [withRoles, endedOnly] = queued.map((d) => d.contact!);
    await t.db.contactRole.deleteMany({ where: { contactId: { in: [withRoles!.id, endedOnly!.id] } } });
    const org = (name: string) => t.db.organisation.create({ data: { name, relationship: "CUSTOMER" } });
    const [ended, earliest, later] = [await org("Slutat AB"), await org("Först AB"), await org("Senare AB")];
    const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
    const role = (contactId: string, organisationId: string, startsOn: string, endsOn?: string) =>
      t.db.contactRole.create({
        data: {
          contactId,
          organisationId,
          type: "OTHER",
          startsOn: day(startsOn),
          endsOn: endsOn ? day(endsOn) : null,
        },
      });
    await role(withRoles!.id, ended.id, "2015-01-01", "2020-01-01");
    await role(withRoles!.id, later.id, "2022-01-01");
    await role(withRoles!.id, earliest.id, "2019-01-01", "2999-01-01");
    await role(endedOnly!.id, ended.id, "2015-01-01", "2020-01-01");

    for (const b of new Set(batches)) await sendMailingBatch(ctx(), mailing.id, b);
    const textFor = (email: string) =>
      fake.accepted.find((m) => (m.payload.to as string[])[0] === email)!.payload.text as string;
    const at = (language: string, name: string) => (language === "en" ? `as a contact at ${name}` : `hos ${name}`);
    expect(textFor(withRoles!.email)).toContain(at(withRoles!.language, "Först AB"));
    expect(textFor(endedOnly!.email)).not.toMatch(/hos |as a contact at /);
  });
});
