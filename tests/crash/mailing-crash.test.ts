// A mailing of 20,000 recipients sent by a separate `npm run worker` process that is killed with SIGKILL twice in the
// middle and started again: every recipient gets exactly one mail, counted by recipient at the fake Resend API.
// Runs on PostgreSQL only (worker processes share the database through it; the embedded PGlite has one process).
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startMailing } from "@/lib/mailings/start-mailing";
import { seedDemo } from "@/prisma/seed-demo";
import { createTestDb, type TestDb } from "../support/db";
import { startFakeResend, type FakeResend } from "../support/fake-resend";

const RECIPIENTS = 20_000;
const ROOT = path.resolve(import.meta.dirname, "../..");
const SECRET = "c".repeat(40);
const SARA = {
  id: "demo_staff_marketing",
  email: "sara.nystrom@elastx.example",
  name: "Sara",
  role: "MARKETING" as const,
};

let t: TestDb;
let fake: FakeResend;
const children: ChildProcess[] = [];

function startWorker(url: string): ChildProcess {
  // Exactly what `npm run worker` runs, started directly so that SIGKILL reaches the worker itself.
  const child = spawn(
    process.execPath,
    ["--max-old-space-size=128", "--max-semi-space-size=4", ".worker/run-worker.mjs"],
    {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: "test",
        DATABASE_URL: url,
        PUBLIC_URL: "https://prefs.example.com",
        AUTH_SECRET: SECRET,
        SUPPRESSION_HMAC_KEY: SECRET,
        LINK_SIGNING_KEYS: `k1:${SECRET}`,
        MAIL_TRANSPORT: "resend",
        RESEND_API_KEY: "re_crash_test",
        RESEND_BASE_URL: fake.url,
        RESEND_RATE_LIMIT: "0",
        MAILING_LEASE_SECONDS: "5",
        MALLOC_ARENA_MAX: "2",
        WORKER_CONCURRENCY: "4",
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  child.stdout!.resume();
  child.stderr!.resume();
  children.push(child);
  return child;
}

const waitFor = async (what: string, check: () => Promise<boolean> | boolean, ms = 120_000) => {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

const kill = async (child: ChildProcess) => {
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGKILL");
  await exited;
};

beforeAll(async () => {
  execFileSync(process.execPath, ["lib/jobs/build-worker.mjs"], { cwd: ROOT, stdio: "inherit" });
  t = await createTestDb();
  fake = await startFakeResend({ answerDelayMs: 40 });
  await seedDemo({ db: t.db, suppressionKey: SECRET });
  // 20,000 prospects subscribed to the newsletter with a recorded basis for marketing.
  await t.raw.query(
    `INSERT INTO "Contact" (id, name, email, language, category, "sourceType", "updatedAt")
     SELECT 'crash_' || lpad(i::text, 6, '0'), 'Person ' || i, 'person' || i || '@crash.example',
            CASE WHEN i % 3 = 0 THEN 'en' ELSE 'sv' END::"Language", 'PROSPECT', 'IMPORTED', now()
     FROM generate_series(1, ${RECIPIENTS}) AS i`,
  );
  await t.raw.query(
    `INSERT INTO "Subscription" ("contactId", "topicId", state, source)
     SELECT id, 'demo_topic_newsletter', 'SUBSCRIBED', 'IMPORT' FROM "Contact" WHERE id LIKE 'crash_%'`,
  );
  await t.raw.query(
    `INSERT INTO "ContactLegalBasis" ("contactId", purpose, basis)
     SELECT id, 'MARKETING_MAILINGS', 'LEGITIMATE_INTEREST' FROM "Contact" WHERE id LIKE 'crash_%'`,
  );
}, 120_000);

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  await fake?.close();
  await t?.close();
});

it("sends every recipient exactly one mail although the worker is killed twice", async () => {
  const segment = await t.db.segment.create({
    data: { name: "Crash prospects", filter: { sourceTypes: ["IMPORTED"] } },
  });
  const mailing = await t.db.mailing.create({
    data: {
      name: "Crash test",
      topicId: "demo_topic_newsletter",
      segmentId: segment.id,
      subjectSv: "Hej {{name}}",
      subjectEn: "Hello {{name}}",
      bodySv: "Nyheter.",
      bodyEn: "News.",
    },
  });
  const url = (t.target as { url: string }).url;
  expect(await startMailing({ db: t.db, staff: SARA, mailingId: mailing.id })).toMatchObject({ ok: true });

  const first = startWorker(url);
  await waitFor("first mails", () => fake.accepted.length >= 2_000);
  await kill(first);
  const afterFirst = fake.accepted.length;

  const second = startWorker(url);
  await waitFor("more mails", () => fake.accepted.length >= afterFirst + 6_000);
  await kill(second);

  startWorker(url);
  await waitFor(
    "the mailing to finish",
    async () => (await t.db.mailing.findUniqueOrThrow({ where: { id: mailing.id } })).status === "SENT",
    180_000,
  );

  // Only this mailing's mails (tagged with its id): the worker's start-up catch-up may also send the yearly
  // registration notice to demo contacts not mailed in a year, another mailing.
  const ours = fake.accepted.filter((m) =>
    ((m.payload.tags as { name: string; value: string }[] | undefined) ?? []).some(
      (tag) => tag.name === "mailing" && tag.value === mailing.id,
    ),
  );
  const perRecipient = new Map<string, number>();
  for (const m of ours) {
    const to = (m.payload.to as string[])[0]!;
    perRecipient.set(to, (perRecipient.get(to) ?? 0) + 1);
  }
  const crash = [...perRecipient].filter(([to]) => to.endsWith("@crash.example"));
  expect(crash).toHaveLength(RECIPIENTS);
  expect(crash.filter(([, n]) => n !== 1)).toEqual([]);
  expect(fake.violations).toEqual([]);
  const statuses = await t.db.delivery.groupBy({ by: ["status"], where: { mailingId: mailing.id }, _count: true });
  const sent = statuses.find((s) => s.status === "SENT")?._count ?? 0;
  expect(sent).toBe(perRecipient.size);
  // The kills landed while batches were in flight: some requests were answered from the idempotency store.
  const replays = fake.requests.length - fake.accepted.length / 100;
  const retried = await t.db.delivery.count({ where: { mailingId: mailing.id, attempts: { gt: 1 } } });
  console.log(
    `[crash] ${fake.accepted.length} mails, ${fake.requests.length} API requests (~${replays} replayed), ` +
      `${retried} deliveries sent by a second attempt`,
  );
}, 300_000);
