// Issue 17: a mailing always finishes or says why. The real pipeline, pg-boss workers and the Resend SDK against the
// local fake API (contract-checked), with the provider down for longer than one job's retries, rate limiting with a
// Retry-After longer than a job may wait, an answer that comes after the client gave up, and a batch whose outcome
// stays unknown past Resend's 24-hour idempotency window (held for staff, never sent blindly).
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startBoss, type BossTarget } from "@/lib/jobs/boss";
import { QUEUES, SEND_RETRY_LIMIT } from "@/lib/jobs/queues";
import { startWorkers, type Workers } from "@/lib/jobs/start-workers";
import { createTransport } from "@/lib/mail/create-transport";
import { decideHeldBatch } from "@/lib/mailings/decide-held-batch";
import { getMailingProgress } from "@/lib/mailings/get-mailing-progress";
import { listHeldDeliveries } from "@/lib/mailings/list-held-deliveries";
import { dispatchDueMailings } from "@/lib/mailings/pipeline/dispatch-due-mailings";
import { expandMailing } from "@/lib/mailings/pipeline/expand-mailing";
import { reserveSendSlot, SendSlotTooFar } from "@/lib/mailings/pipeline/reserve-send-slot";
import {
  PROVIDER_IDEMPOTENCY_WINDOW_MS,
  RetryLater,
  sendMailingBatch,
  type BatchContext,
} from "@/lib/mailings/pipeline/send-mailing-batch";
import { startMailing } from "@/lib/mailings/start-mailing";
import { createTestDb, type TestDb } from "../support/db";
import { makeContact, makeOrganisation, makeStaffUser, makeTopic } from "../factories";
import { startFakeResend, type FakeResend } from "../support/fake-resend";

const KEYS = [{ id: "t1", secret: "s".repeat(40) }];
const SUPPRESSION_KEY = "k".repeat(40);
const PUBLIC_URL = "https://prefs.example.com";
const FROM = "Tillit <noreply@mail.example.com>";
const RECIPIENTS = 5;

let t: TestDb;
let fake: FakeResend;

const mailConfig = (timeoutMs = 10_000) => ({
  transport: "resend" as const,
  from: FROM,
  apiKey: "re_test_key",
  baseUrl: fake.url,
  timeoutMs,
});
const config = () => ({
  publicUrl: PUBLIC_URL,
  linkKeys: KEYS,
  suppressionKey: SUPPRESSION_KEY,
  mail: mailConfig(),
  jobs: {
    inProcess: true,
    concurrency: 4,
    leaseSeconds: 30,
    sendRatePerSecond: 0,
    naiveRender: false,
    retentionHour: 4,
  },
});

function ctx(opts: { timeoutMs?: number; maxAttempts?: number; now?: Date; pace?: () => Promise<void> } = {}) {
  return {
    db: t.db,
    transport: createTransport({
      config: mailConfig(opts.timeoutMs),
      db: t.db,
      retry: { maxAttempts: opts.maxAttempts ?? 4, sleep: async () => {}, random: () => 1 },
    }),
    publicUrl: PUBLIC_URL,
    linkKeys: KEYS,
    suppressionKey: SUPPRESSION_KEY,
    mailFrom: FROM,
    pace: opts.pace ?? (async () => {}),
    cache: new Map(),
    ...(opts.now && { now: () => opts.now! }),
  } satisfies BatchContext;
}

/** A started mailing to RECIPIENTS subscribed customer contacts of its own topic, expanded into one batch. */
async function startedMailing(name: string) {
  const staff = await makeStaffUser(t.db, "MARKETING");
  const topic = await makeTopic(t.db, { defaultCategories: ["CUSTOMER_CONTACT"] });
  const org = await makeOrganisation(t.db);
  const emails: string[] = [];
  for (let i = 0; i < RECIPIENTS; i++)
    emails.push((await makeContact(t.db, { organisationId: org.id, suppressionKey: SUPPRESSION_KEY })).email!);
  const segment = await t.db.segment.create({
    data: { name: `${name} segment`, filter: { organisationIds: [org.id] } },
  });
  const mailing = await t.db.mailing.create({
    data: {
      name,
      topicId: topic.id,
      segmentId: segment.id,
      subjectSv: "Hej",
      subjectEn: "Hello",
      bodySv: "Hej",
      bodyEn: "Hi",
    },
  });
  await startMailing({ db: t.db, staff, mailingId: mailing.id });
  return { mailing, staff, emails: emails.sort() };
}

async function expandOnly(mailingId: string): Promise<number[]> {
  const batches: number[] = [];
  await expandMailing({ db: t.db, mailingId, enqueue: async (_, b) => void batches.push(...b) });
  return batches;
}

/** Recipient addresses the fake accepted for this mailing (by its tag), each once per accepted mail. */
const mailedTo = (mailingId: string) =>
  fake.accepted
    .filter((a) => JSON.stringify(a.payload.tags ?? []).includes(mailingId))
    .flatMap((a) => a.payload.to as string[])
    .sort();

const statuses = async (mailingId: string) =>
  Object.fromEntries(
    (await t.db.delivery.groupBy({ by: ["status"], where: { mailingId }, _count: true })).map((g) => [
      g.status,
      g._count,
    ]),
  );

const waitFor = async (check: () => Promise<boolean>, ms = 60_000) => {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 100));
  }
};

beforeAll(async () => {
  t = await createTestDb();
  fake = await startFakeResend();
});
afterAll(async () => {
  await fake?.close();
  await t?.close();
});
afterEach(async () => {
  expect(fake.violations).toEqual([]);
  fake.reset();
  await t.db.sendPace.deleteMany();
});

describe("the provider down, limiting or slow", () => {
  let workers: Workers | undefined;
  afterEach(async () => {
    await workers?.stop();
    workers = undefined;
  });

  it("retries a batch through an outage for as long as the mailing sends, shows the stall, and mails everyone once", async () => {
    const { mailing, staff, emails } = await startedMailing("Outage");
    // Down from the first call: the job fails again and again; pg-boss keeps retrying (no 20-retry budget).
    fake.failFor(60_000, { status: 503 });
    const boss = await startBoss(t.target as BossTarget, { superviseIntervalSeconds: 1 });
    workers = await startWorkers({ db: t.db, boss, config: config(), transport: ctx().transport, log: () => {} });
    expect((await boss.getQueue(QUEUES.sendBatch))?.retryLimit).toBe(SEND_RETRY_LIMIT);

    await waitFor(async () => fake.requests.filter((r) => r.path === "/emails/batch").length >= 8);
    const during = await getMailingProgress({ db: t.db, staff, mailingId: mailing.id });
    if (!during.ok) throw new Error("no progress");
    expect(during.progress.status).toBe("SENDING");
    expect(during.progress.stall).toMatchObject({ code: "unavailable", status: 503 });
    expect(during.progress.counts.queued).toBe(RECIPIENTS);
    expect(mailedTo(mailing.id)).toEqual([]);

    fake.failFor(0, { status: 503 });
    await waitFor(async () => (await t.db.mailing.findUniqueOrThrow({ where: { id: mailing.id } })).status === "SENT");
    expect(mailedTo(mailing.id)).toEqual(emails);
    const after = await getMailingProgress({ db: t.db, staff, mailingId: mailing.id });
    expect(after.ok && after.progress.stall).toBeNull();
    // Every attempt of the outage carried the batch's one key, so none could have been sent twice.
    const keys = new Set(
      fake.requests.filter((r) => r.path === "/emails/batch").map((r) => r.headers["idempotency-key"]),
    );
    expect(keys.size).toBe(1);
  });

  it("passes a long Retry-After to the shared pacer: no worker calls the provider before it, then the batch goes", async () => {
    const { mailing, emails } = await startedMailing("Retry-After");
    const [batch] = await expandOnly(mailing.id);
    fake.failNext(1, { status: 429, retryAfter: "120" });
    const pace = () => reserveSendSlot(t.db, 1000, { maxWaitMs: 5_000 });
    await expect(sendMailingBatch(ctx({ pace }), mailing.id, batch!)).rejects.toBeInstanceOf(RetryLater);
    const row = await t.db.sendPace.findUniqueOrThrow({ where: { id: "resend" } });
    expect(row.nextAt.getTime() - Date.now()).toBeGreaterThan(100_000);
    expect((await t.db.mailing.findUniqueOrThrow({ where: { id: mailing.id } })).stallCode).toBe("rate_limited");
    // A 429 says nothing was sent: the rows do not count towards the idempotency window.
    expect(await t.db.delivery.count({ where: { mailingId: mailing.id, firstTriedAt: { not: null } } })).toBe(0);

    // Any worker's next try gives the job back without a call, as long as the provider asked.
    const calls = fake.requests.length;
    await expect(pace()).rejects.toBeInstanceOf(SendSlotTooFar);
    await expect(sendMailingBatch(ctx({ pace }), mailing.id, batch!)).rejects.toBeInstanceOf(RetryLater);
    expect(fake.requests.length).toBe(calls);
    expect((await t.db.mailing.findUniqueOrThrow({ where: { id: mailing.id } })).stallCode).toBe("paced");

    // The wait is over (moved back here instead of waiting two minutes).
    await t.db.sendPace.update({ where: { id: "resend" }, data: { nextAt: new Date(Date.now() - 1000) } });
    expect(await sendMailingBatch(ctx({ pace }), mailing.id, batch!)).toMatchObject({
      status: "sent",
      sent: RECIPIENTS,
    });
    expect(mailedTo(mailing.id)).toEqual(emails);
    expect((await t.db.mailing.findUniqueOrThrow({ where: { id: mailing.id } })).stallCode).toBeNull();
  });

  it("paces the transport's own retries like any call", async () => {
    const { mailing } = await startedMailing("Paced retries");
    const [batch] = await expandOnly(mailing.id);
    fake.failNext(2, { status: 503 });
    let slots = 0;
    await sendMailingBatch(ctx({ pace: async () => void slots++ }), mailing.id, batch!);
    expect(slots).toBe(3);
  });

  it("sends a batch once when the provider accepted it but answered after the client gave up", async () => {
    const { mailing, emails } = await startedMailing("Late answer");
    const [batch] = await expandOnly(mailing.id);
    fake.answerLateNext(1, 3_000);
    expect(await sendMailingBatch(ctx({ timeoutMs: 500 }), mailing.id, batch!)).toMatchObject({
      status: "sent",
      sent: RECIPIENTS,
    });
    expect(fake.requests.filter((r) => r.path === "/emails/batch")).toHaveLength(2);
    expect(mailedTo(mailing.id)).toEqual(emails);
    expect(await statuses(mailing.id)).toEqual({ SENT: RECIPIENTS });
  });
});

describe("an outcome unknown past the provider's idempotency window", () => {
  /** A batch whose request reached the provider, which accepted it, but whose answer never came back. */
  async function unknownOutcome(name: string) {
    const started = await startedMailing(name);
    const [batch] = await expandOnly(started.mailing.id);
    fake.answerLateNext(1, 2_000);
    await expect(
      sendMailingBatch(ctx({ timeoutMs: 300, maxAttempts: 1 }), started.mailing.id, batch!),
    ).rejects.toBeInstanceOf(RetryLater);
    await new Promise((r) => setTimeout(r, 2_000));
    expect(mailedTo(started.mailing.id)).toEqual(started.emails);
    expect(await statuses(started.mailing.id)).toEqual({ SENDING: RECIPIENTS });
    // A day later Resend no longer knows the key (a worker down, the mailing paused and resumed the next day).
    fake.forgetKeys();
    const later = new Date(Date.now() + PROVIDER_IDEMPOTENCY_WINDOW_MS + 60_000);
    return { ...started, batch: batch!, later };
  }

  it("holds the batch instead of sending it again, keeps the mailing open and shows whom it concerns", async () => {
    const { mailing, staff, emails, batch, later } = await unknownOutcome("Held");
    const calls = fake.requests.length;
    expect(await sendMailingBatch(ctx({ now: later }), mailing.id, batch)).toEqual({
      status: "held",
      held: RECIPIENTS,
    });
    expect(fake.requests.length).toBe(calls);
    expect(await statuses(mailing.id)).toEqual({ HELD: RECIPIENTS });

    await dispatchDueMailings({ db: t.db, enqueueExpansion: async () => {}, now: later });
    expect((await t.db.mailing.findUniqueOrThrow({ where: { id: mailing.id } })).status).toBe("SENDING");
    const progress = await getMailingProgress({ db: t.db, staff, mailingId: mailing.id });
    expect(progress.ok && progress.progress.counts.held).toBe(RECIPIENTS);
    const held = await listHeldDeliveries({ db: t.db, staff, mailingId: mailing.id });
    if (!held.ok) throw new Error("not listed");
    expect(held.batches).toHaveLength(1);
    expect(held.batches[0]!.recipients.map((r) => r.email).sort()).toEqual(emails);

    // Skip: recorded as failed with the reason, audited; then the mailing can finish.
    expect(
      await decideHeldBatch({ db: t.db, staff, input: { mailingId: mailing.id, batch, decision: "skip" } }),
    ).toEqual({
      ok: true,
      deliveries: RECIPIENTS,
    });
    expect(await statuses(mailing.id)).toEqual({ FAILED: RECIPIENTS });
    const audit = await t.db.auditEvent.findFirst({
      where: { action: "mailing.held_batch_skipped", subjectId: mailing.id },
    });
    expect(audit?.actorId).toBe(staff.id);
    await dispatchDueMailings({ db: t.db, enqueueExpansion: async () => {}, now: later });
    expect((await t.db.mailing.findUniqueOrThrow({ where: { id: mailing.id } })).status).toBe("SENT");
    expect(mailedTo(mailing.id)).toEqual(emails);
  });

  it("sends a held batch again only when staff choose to, audited", async () => {
    const { mailing, staff, emails, batch, later } = await unknownOutcome("Held, sent again");
    await sendMailingBatch(ctx({ now: later }), mailing.id, batch);
    // Someone without mailings.send cannot decide; a decision on nothing held is refused.
    const support = await makeStaffUser(t.db, "SUPPORT");
    const input = { mailingId: mailing.id, batch, decision: "send_again" };
    expect(await decideHeldBatch({ db: t.db, staff: support, input })).toEqual({ ok: false, code: "forbidden" });
    expect(await decideHeldBatch({ db: t.db, staff, input: { ...input, batch: batch + 1 } })).toEqual({
      ok: false,
      code: "conflict",
      reason: "nothing_held",
    });
    expect(await decideHeldBatch({ db: t.db, staff, input })).toEqual({ ok: true, deliveries: RECIPIENTS });
    const m = await t.db.mailing.findUniqueOrThrow({ where: { id: mailing.id } });
    expect(m.expandedAt).toBeNull();
    expect(
      await t.db.auditEvent.count({ where: { action: "mailing.held_batch_sent_again", subjectId: mailing.id } }),
    ).toBe(1);

    // The dispatcher's expansion re-enqueues it; it goes out again, as staff chose, and the mailing finishes.
    expect(await expandOnly(mailing.id)).toEqual([batch]);
    expect(await sendMailingBatch(ctx({ now: later }), mailing.id, batch)).toMatchObject({ status: "sent" });
    expect(mailedTo(mailing.id)).toEqual([...emails, ...emails].sort());
    expect(await statuses(mailing.id)).toEqual({ SENT: RECIPIENTS });
  });
});
