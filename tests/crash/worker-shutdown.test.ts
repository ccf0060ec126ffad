// `npm run worker` stopped with SIGTERM in the middle of a mailing, as an orchestrator stops it: it exits with 0 within
// WORKER_SHUTDOWN_SECONDS, leaves no job claimed, and another worker started afterwards sends the rest, so that every
// recipient gets exactly one mail (counted by recipient at the fake Resend API). Twice: with a provider that answers
// at once (the batches in flight finish), and with one slower than the grace (the batches in flight are put back and
// sent again by the next worker under the same idempotency key, which the provider answers from its store). And
// through `npm run worker`, whose npm must hand the signal to the worker rather than leave it running.
// PostgreSQL only (worker processes share the database through it).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMailing } from "@/lib/mailings/start-mailing";
import { seedDemo } from "@/prisma/seed-demo";
import { createTestDb, type TestDb } from "../support/db";
import { startFakeResend, type FakeResend } from "../support/fake-resend";
import { buildWorkerBundle, startWorkerProcess, waitFor, type WorkerProcess } from "../support/worker-process-signals";

const SECRET = "c".repeat(40);
const SARA = {
  id: "demo_staff_marketing",
  email: "sara.nystrom@elastx.example",
  name: "Sara",
  role: "MARKETING" as const,
};

let t: TestDb;
let url: string;
const fakes: FakeResend[] = [];
const workers: WorkerProcess[] = [];

/** `n` prospects subscribed to the newsletter with a recorded basis, their source detail naming the group. */
async function addRecipients(group: string, n: number) {
  await t.raw.query(
    `INSERT INTO "Contact" (id, name, email, language, category, "sourceType", "sourceDetail", "updatedAt")
     SELECT '${group}_' || lpad(i::text, 6, '0'), 'Person ' || i, 'person' || i || '@${group}.example',
            CASE WHEN i % 3 = 0 THEN 'en' ELSE 'sv' END::"Language", 'PROSPECT', 'IMPORTED', '${group}', now()
     FROM generate_series(1, ${n}) AS i`,
  );
  await t.raw.query(
    `INSERT INTO "Subscription" ("contactId", "topicId", state, source)
     SELECT id, 'demo_topic_newsletter', 'SUBSCRIBED', 'IMPORT' FROM "Contact" WHERE id LIKE '${group}\\_%'`,
  );
  await t.raw.query(
    `INSERT INTO "ContactLegalBasis" ("contactId", purpose, basis)
     SELECT id, 'MARKETING_MAILINGS', 'LEGITIMATE_INTEREST' FROM "Contact" WHERE id LIKE '${group}\\_%'`,
  );
}

async function startGroupMailing(group: string): Promise<string> {
  const segment = await t.db.segment.create({ data: { name: `Shutdown ${group}`, filter: { sourceDetail: group } } });
  const mailing = await t.db.mailing.create({
    data: {
      name: `Shutdown ${group}`,
      topicId: "demo_topic_newsletter",
      segmentId: segment.id,
      subjectSv: "Hej {{name}}",
      subjectEn: "Hello {{name}}",
      bodySv: "Nyheter.",
      bodyEn: "News.",
    },
  });
  expect(await startMailing({ db: t.db, staff: SARA, mailingId: mailing.id })).toMatchObject({ ok: true });
  return mailing.id;
}

function worker(fake: FakeResend, env: Record<string, string>): WorkerProcess {
  const w = startWorkerProcess(url, {
    MAIL_TRANSPORT: "resend",
    RESEND_API_KEY: "re_shutdown_test",
    RESEND_BASE_URL: fake.url,
    RESEND_RATE_LIMIT: "0",
    WORKER_CONCURRENCY: "4",
    ...env,
  });
  workers.push(w);
  return w;
}

/** SIGTERM, then how the worker ended and how long it took. */
async function terminate(w: WorkerProcess) {
  const sentAt = Date.now();
  w.child.kill("SIGTERM");
  const { code, signal } = await w.exited;
  return { code, signal, ms: Date.now() - sentAt };
}

/** Mails of this mailing per recipient address of the group (the worker may also send other mailings' mail). */
function mailsPerRecipient(fake: FakeResend, mailingId: string, group: string): Map<string, number> {
  const per = new Map<string, number>();
  for (const m of fake.accepted) {
    const tags = (m.payload.tags as { name: string; value: string }[] | undefined) ?? [];
    if (!tags.some((tag) => tag.name === "mailing" && tag.value === mailingId)) continue;
    const to = (m.payload.to as string[])[0]!;
    if (to.endsWith(`@${group}.example`)) per.set(to, (per.get(to) ?? 0) + 1);
  }
  return per;
}

const claimedBatches = async () =>
  Number(
    (
      await t.raw.query<{ n: string }>(
        `SELECT count(*) AS n FROM pgboss.job WHERE name = 'mailing-send-batch' AND state = 'active'`,
      )
    )[0]!.n,
  );

/** Batches of the mailing failed by a stopping worker's pg-boss, back in the queue for another worker. */
const batchesPutBack = async (mailingId: string) =>
  Number(
    (
      await t.raw.query<{ n: string }>(
        `SELECT count(*) AS n FROM pgboss.job WHERE name = 'mailing-send-batch' AND state = 'retry'
           AND data->>'mailingId' = $1`,
        [mailingId],
      )
    )[0]!.n,
  );

const mailingStatus = async (id: string) => (await t.db.mailing.findUniqueOrThrow({ where: { id } })).status;

beforeAll(async () => {
  buildWorkerBundle();
  t = await createTestDb();
  url = (t.target as { url: string }).url;
  await seedDemo({ db: t.db, suppressionKey: SECRET });
}, 120_000);

afterAll(async () => {
  for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill("SIGKILL");
  for (const f of fakes) await f.close();
  await t?.close();
});

describe("worker shutdown", () => {
  it("on SIGTERM finishes its batches, exits 0 within the bound, and the next worker sends the rest once", async () => {
    const RECIPIENTS = 3_000;
    await addRecipients("shutdown_a", RECIPIENTS);
    const fake = await startFakeResend({ answerDelayMs: 40 });
    fakes.push(fake);
    const mailingId = await startGroupMailing("shutdown_a");

    const first = worker(fake, { WORKER_SHUTDOWN_SECONDS: "10" });
    await waitFor("first mails", () => mailsPerRecipient(fake, mailingId, "shutdown_a").size >= 600);
    const stopped = await terminate(first);
    expect(stopped, first.output()).toMatchObject({ code: 0, signal: null });
    expect(stopped.ms).toBeLessThan(10_000);
    expect(first.output()).toContain("SIGTERM: taking no new jobs");
    expect(first.output()).toContain('"msg":"stopped"');
    // Nothing left claimed by the stopped worker: no batch waits for its lease to run out. And the batches it had
    // taken finished: none was put back for a retry.
    expect(await claimedBatches()).toBe(0);
    expect(await batchesPutBack(mailingId)).toBe(0);
    const sentByFirst = mailsPerRecipient(fake, mailingId, "shutdown_a").size;
    expect(sentByFirst).toBeLessThan(RECIPIENTS);
    expect(await mailingStatus(mailingId)).toBe("SENDING");

    const second = worker(fake, {});
    await waitFor("the mailing to finish", async () => (await mailingStatus(mailingId)) === "SENT", 180_000);
    // An idle worker stops at once.
    const idle = await terminate(second);
    expect(idle, second.output()).toMatchObject({ code: 0, signal: null });
    const per = mailsPerRecipient(fake, mailingId, "shutdown_a");
    expect(per.size).toBe(RECIPIENTS);
    expect([...per].filter(([, n]) => n !== 1)).toEqual([]);
    expect(fake.violations).toEqual([]);
    console.log(
      `[shutdown] stopped in ${stopped.ms} ms after ${sentByFirst} of ${RECIPIENTS} mails; idle in ${idle.ms} ms`,
    );
  }, 240_000);

  it("puts back batches that cannot finish within the grace; the next worker sends them without a second mail", async () => {
    const RECIPIENTS = 800;
    await addRecipients("shutdown_b", RECIPIENTS);
    // Every answer takes 6 s: longer than the 3 s of grace a 6 s bound leaves the handlers. The provider has
    // accepted each batch by the time the worker gives up waiting for the answer. (A lease longer than the answer,
    // so that pg-boss does not fail the batches for outrunning it before the grace is over.)
    const fake = await startFakeResend({ answerDelayMs: 6_000 });
    const lease = { MAILING_LEASE_SECONDS: "30" };
    fakes.push(fake);
    const mailingId = await startGroupMailing("shutdown_b");

    const first = worker(fake, { ...lease, WORKER_SHUTDOWN_SECONDS: "6" });
    await waitFor("batches in flight", () => fake.requests.filter((r) => r.path === "/emails/batch").length >= 4);
    const stopped = await terminate(first);
    expect(stopped, first.output()).toMatchObject({ code: 0, signal: null });
    expect(stopped.ms).toBeGreaterThanOrEqual(3_000);
    expect(stopped.ms).toBeLessThan(6_000);
    expect(await claimedBatches()).toBe(0);
    expect(await batchesPutBack(mailingId)).toBeGreaterThanOrEqual(4);
    const acceptedBefore = mailsPerRecipient(fake, mailingId, "shutdown_b").size;
    expect(acceptedBefore).toBeGreaterThanOrEqual(400);

    const second = worker(fake, lease);
    await waitFor("the mailing to finish", async () => (await mailingStatus(mailingId)) === "SENT", 180_000);
    await terminate(second);
    const per = mailsPerRecipient(fake, mailingId, "shutdown_b");
    expect(per.size).toBe(RECIPIENTS);
    expect([...per].filter(([, n]) => n !== 1)).toEqual([]);
    expect(fake.violations).toEqual([]);
    // The batches put back went to the provider a second time and were answered from its idempotency store.
    const batchCalls = fake.requests.filter((r) => r.path === "/emails/batch").length;
    expect(batchCalls).toBeGreaterThan(RECIPIENTS / 100);
    console.log(`[shutdown] put back and stopped in ${stopped.ms} ms; ${batchCalls} batch calls for 8 batches`);
  }, 240_000);

  it("stops the same way when SIGTERM goes to `npm run worker`, leaving no worker behind", async () => {
    const w = startWorkerProcess(url, { MAIL_TRANSPORT: "outbox", WORKER_SHUTDOWN_SECONDS: "10" }, "npm");
    workers.push(w);
    await waitFor("the worker to start", () => w.output().includes('"msg":"worker started"'));
    const workerPid = Number(/"pid":(\d+)/.exec(w.output())![1]);
    expect(workerPid).not.toBe(w.child.pid);
    const running = () => {
      try {
        process.kill(workerPid, 0);
        return true;
      } catch {
        return false;
      }
    };
    try {
      const stopped = await terminate(w);
      expect(stopped, w.output()).toMatchObject({ code: 0, signal: null });
      expect(w.output()).toContain("SIGTERM: taking no new jobs");
      // npm forwards the signal to its script's process, which is the worker itself (the script execs it): nothing
      // is left running once npm has exited.
      expect(running()).toBe(false);
    } finally {
      if (running()) process.kill(workerPid, "SIGKILL");
    }
  }, 120_000);
});
