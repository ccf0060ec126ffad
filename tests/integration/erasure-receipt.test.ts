// The erasure receipt is queued in the erasure's transaction and sent by the worker after commit, through the real
// Resend SDK against a local fake of its API: a provider answering 500 (or a transport that throws) never undoes an
// erasure, the receipt waits in the queue and is sent once the provider recovers, and then nothing holds the address.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { eraseContact } from "@/lib/contacts/erase-contact";
import { startBoss, type BossTarget } from "@/lib/jobs/boss";
import { startWorkers, type Workers } from "@/lib/jobs/start-workers";
import { createTransport } from "@/lib/mail/create-transport";
import { sendQueuedMail } from "@/lib/mail/send-queued-mail";
import { hashAddress } from "@/lib/suppression/hash-address";
import { createTestDb, type TestDb } from "../support/db";
import { makeContact } from "../factories";
import { startFakeResend, type FakeResend } from "../support/fake-resend";

const KEYS = [{ id: "t1", secret: "s".repeat(40) }];
const SUPPRESSION_KEY = "k".repeat(40);
const FROM = "Tillit <noreply@mail.example.com>";
let t: TestDb;
let fake: FakeResend;

const mail = () => ({ transport: "resend" as const, from: FROM, apiKey: "re_test_key", baseUrl: fake.url });
/** The real Resend transport, one attempt per send (the queue does the retrying). */
const resend = () => createTransport({ config: mail(), db: t.db, retry: { maxAttempts: 1 } });

const waitFor = async (check: () => Promise<boolean>, ms = 30_000) => {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 100));
  }
};

/** A Swedish-speaking contact of the test's own. */
const someone = async () =>
  t.db.contact.findUniqueOrThrow({
    where: { id: (await makeContact(t.db, { language: "sv", suppressionKey: SUPPRESSION_KEY })).id },
  });

const erase = (contactId: string) =>
  eraseContact({
    db: t.db,
    contactId,
    actor: { type: "CONTACT", id: contactId },
    channel: "SELF_SERVICE",
    suppressionKey: SUPPRESSION_KEY,
  });

// The app's own configuration points at the fake too, so whatever eraseContact might send on its own would reach it.
const ENV = ["MAIL_TRANSPORT", "RESEND_API_KEY", "RESEND_BASE_URL"] as const;
const savedEnv = Object.fromEntries(ENV.map((k) => [k, process.env[k]]));

beforeAll(async () => {
  t = await createTestDb();
  fake = await startFakeResend();
  Object.assign(process.env, { MAIL_TRANSPORT: "resend", RESEND_API_KEY: "re_test_key", RESEND_BASE_URL: fake.url });
});
afterAll(async () => {
  for (const k of ENV) {
    if (savedEnv[k] === undefined) delete process.env[k];
    else process.env[k] = savedEnv[k];
  }
  await fake?.close();
  await t?.close();
});
afterEach(() => {
  expect(fake.violations).toEqual([]);
  fake.reset();
});

describe("the erasure receipt", () => {
  let workers: Workers | undefined;
  afterEach(async () => {
    await workers?.stop();
    workers = undefined;
  });

  it("commits the erasure while the provider fails, and the worker sends the receipt once it recovers", async () => {
    const contact = await someone();
    fake.failNext(1000, { status: 500 });
    const r = await erase(contact.id);
    expect(r).toMatchObject({ ok: true, receiptQueued: true });
    // The erasure itself never called the provider; it is done and the person told so, whatever the provider does.
    expect(fake.requests).toEqual([]);
    expect(await t.db.contact.findUnique({ where: { id: contact.id } })).toBeNull();
    expect(await t.db.suppression.count({ where: { addressHash: hashAddress(contact.email, SUPPRESSION_KEY) } })).toBe(
      1,
    );
    expect(
      await t.db.privacyRequest.findFirst({ where: { subjectRef: r.ok ? r.subjectRef : "", type: "ERASURE" } }),
    ).toMatchObject({ status: "COMPLETED" });

    const boss = await startBoss(t.target as BossTarget, { superviseIntervalSeconds: 1 });
    workers = await startWorkers({
      db: t.db,
      boss,
      config: {
        publicUrl: "https://prefs.example.com",
        linkKeys: KEYS,
        suppressionKey: SUPPRESSION_KEY,
        mail: mail(),
        jobs: {
          inProcess: true,
          concurrency: 4,
          leaseSeconds: 30,
          sendRatePerSecond: 0,
          naiveRender: false,
          retentionHour: 4,
        },
      },
      transport: resend(),
      dispatchIntervalMs: 100,
      log: () => {},
    });

    // The worker tried, the provider answered 500: the receipt waits with the reason, not the provider's words.
    await waitFor(async () => (await t.db.queuedMail.findFirst())?.lastError === "unavailable");
    const waiting = await t.db.queuedMail.findFirstOrThrow();
    expect(waiting).toMatchObject({ to: [contact.email], attempts: 1 });
    expect(waiting.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 5_000);
    expect(fake.accepted).toEqual([]);
    expect(fake.requests.length).toBeGreaterThan(0);

    // The provider recovers; the back-off has passed (moved here rather than waited for).
    fake.reset();
    await t.db.queuedMail.update({ where: { id: waiting.id }, data: { nextAttemptAt: new Date() } });
    await waitFor(async () => (await t.db.queuedMail.count()) === 0);
    expect(fake.accepted).toHaveLength(1);
    expect(fake.accepted[0]!.payload).toMatchObject({ to: [contact.email], subject: "Dina uppgifter är raderade" });
    expect(fake.requests[0]!.headers["idempotency-key"]).toBe(`queued-mail/${waiting.id}`);
    // Sent, so the address is gone from the database too.
    expect(await t.db.outboxMessage.count({ where: { to: { has: contact.email } } })).toBe(0);
  });

  it("stays queued when the transport throws, and is sent and deleted on the next try", async () => {
    const contact = await someone();
    expect(await erase(contact.id)).toMatchObject({ ok: true, receiptQueued: true });
    const throwing = {
      kind: "resend" as const,
      send: async () => {
        throw new Error(`socket hang up talking about ${contact.email}`);
      },
      sendBatch: async () => {
        throw new Error("socket hang up");
      },
    };
    const now = new Date();
    expect(await sendQueuedMail({ db: t.db, transport: throwing, now })).toEqual({ sent: 0, retrying: 1, dropped: 0 });
    const row = await t.db.queuedMail.findFirstOrThrow();
    expect(row).toMatchObject({ attempts: 1, lastError: "unavailable" });
    // Not due again before its back-off; due after it.
    expect(await sendQueuedMail({ db: t.db, transport: resend(), now })).toEqual({ sent: 0, retrying: 0, dropped: 0 });
    const later = new Date(row.nextAttemptAt.getTime() + 1);
    expect(await sendQueuedMail({ db: t.db, transport: resend(), now: later })).toEqual({
      sent: 1,
      retrying: 0,
      dropped: 0,
    });
    expect(await t.db.queuedMail.count()).toBe(0);
    expect(fake.accepted.map((m) => m.payload.to)).toEqual([[contact.email]]);
  });

  it("is claimed by one worker at a time: a held row is not sent twice", async () => {
    const contact = await someone();
    expect(await erase(contact.id)).toMatchObject({ ok: true });
    const [a, b] = await Promise.all([
      sendQueuedMail({ db: t.db, transport: resend() }),
      sendQueuedMail({ db: t.db, transport: resend() }),
    ]);
    expect(a.sent + b.sent).toBe(1);
    expect(fake.accepted).toHaveLength(1);
    expect(await t.db.queuedMail.count()).toBe(0);
  });
});
