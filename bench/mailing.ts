// npx tsx --import ./lib/node/server-only-hook.mjs bench/mailing.ts [--recipients 100000] [--naive-recipients 5000]
//   [--pg postgresql://postgres@127.0.0.1:5432/postgres] [--workers 1] [--concurrency 8] [--skip-naive]
// End-to-end mailing throughput on PostgreSQL: a fresh database with N subscribed contacts, `npm run worker`
// processes (no rate limit) sending through the real Resend SDK to the local fake Resend API (every request checked
// against Resend's OpenAPI contract), timed from "start" to the mailing being SENT. Prints mails/s and each worker's
// peak RSS (VmHWM), then the same with react-email rendering every mail (the naive path) for the ratio.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { createDb, type Db } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrations";
import { rawFromUrl, type RawSql } from "@/lib/db/raw";
import { seedDemo } from "@/prisma/seed-demo";
import { startFakeResend, type FakeResend } from "@/tests/support/fake-resend";
import { withDatabase } from "@/tests/support/pg-url";

const { values: args } = parseArgs({
  options: {
    recipients: { type: "string", default: "100000" },
    "naive-recipients": { type: "string", default: "5000" },
    pg: { type: "string", default: "postgresql://postgres@127.0.0.1:5432/postgres" },
    workers: { type: "string", default: "1" },
    concurrency: { type: "string", default: "8" },
    "skip-naive": { type: "boolean", default: false },
  },
});
const ROOT = path.resolve(import.meta.dirname, "..");
const SECRET = "b".repeat(40);
const DB_NAME = "tillit_bench_mailing";
// The same flags `npm run worker` uses (package.json).
const WORKER_NODE_FLAGS = (process.env.WORKER_NODE_FLAGS ?? "--max-old-space-size=128 --max-semi-space-size=4")
  .split(" ")
  .filter(Boolean);
const mib = (kb: number) => `${Math.round(kb / 1024)} MiB`;

function peakRssKb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
}

async function addContacts(raw: RawSql, tag: string, n: number) {
  const started = performance.now();
  for (let from = 1; from <= n; from += 100_000) {
    const to = Math.min(n, from + 99_999);
    await raw.query(
      `INSERT INTO "Contact" (id, name, email, language, category, "sourceType", "sourceDetail", "updatedAt")
       SELECT '${tag}_' || lpad(i::text, 8, '0'), 'Person ' || i, '${tag}' || i || '@bench.example',
              CASE WHEN i % 3 = 0 THEN 'en' ELSE 'sv' END::"Language", 'CUSTOMER_CONTACT', 'IMPORTED', '${tag}', now()
       FROM generate_series(${from}, ${to}) AS i`,
    );
  }
  await raw.query(
    `INSERT INTO "Subscription" ("contactId", "topicId", state, source)
     SELECT id, 'demo_topic_newsletter', 'SUBSCRIBED', 'IMPORT' FROM "Contact" WHERE "sourceDetail" = $1`,
    [tag],
  );
  await raw.query(
    `INSERT INTO "ContactLegalBasis" ("contactId", purpose, basis)
     SELECT id, 'MARKETING_MAILINGS', 'LEGITIMATE_INTEREST' FROM "Contact" WHERE "sourceDetail" = $1`,
    [tag],
  );
  console.log(
    `  ${n.toLocaleString("en")} contacts "${tag}" in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

function startWorker(url: string, fake: FakeResend, naive: boolean): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...WORKER_NODE_FLAGS, ".worker/run-worker.mjs"], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      DATABASE_URL: url,
      PUBLIC_URL: "https://prefs.example.com",
      AUTH_SECRET: SECRET,
      SUPPRESSION_HMAC_KEY: SECRET,
      LINK_SIGNING_KEYS: `k1:${SECRET}`,
      MAIL_TRANSPORT: "resend",
      RESEND_API_KEY: "re_bench",
      RESEND_BASE_URL: fake.url,
      RESEND_RATE_LIMIT: "0",
      WORKER_CONCURRENCY: args.concurrency,
      BENCH_NAIVE_RENDER: naive ? "1" : "0",
      // As in `npm run worker`.
      MALLOC_ARENA_MAX: "2",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stderr!.on("data", (d: Buffer) => {
    const line = d.toString();
    if (!line.includes("ExperimentalWarning") && !line.includes("trace-warnings"))
      process.stderr.write(`  worker: ${line}`);
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => {
      // The worker's pino line {"component":"worker",…,"msg":"worker started"} (LOG_LEVEL info, the default).
      if (d.toString().includes('"msg":"worker started"')) resolve(child);
    });
    child.once("exit", (code) => reject(new Error(`worker exited with ${code}`)));
  });
}

async function run(db: Db, url: string, fake: FakeResend, tag: string, n: number, naive: boolean) {
  const workers = await Promise.all(Array.from({ length: Number(args.workers) }, () => startWorker(url, fake, naive)));
  const segment = await db.segment.create({ data: { name: tag, filter: { sourceDetail: tag } } });
  const mailing = await db.mailing.create({
    data: {
      name: tag,
      topicId: "demo_topic_newsletter",
      segmentId: segment.id,
      subjectSv: "Nyheter för {{name}}",
      subjectEn: "News for {{name}}",
      bodySv:
        "# Nyheter i november\n\nHej {{name}}!\n\nVi har öppnat en ny region i **Sundsvall**.\n\n- Objektlagring\n- Nytt kontrollpanel\n\n[Läs mer](https://elastx.example/news)",
      bodyEn:
        "# News in November\n\nHello {{name}}!\n\nWe opened a new region in **Sundsvall**.\n\n- Object storage\n- A new control panel\n\n[Read more](https://elastx.example/news)",
    },
  });
  fake.reset();
  const started = performance.now();
  await db.mailing.update({ where: { id: mailing.id }, data: { status: "SENDING", startedAt: new Date() } });
  for (;;) {
    const m = await db.mailing.findUniqueOrThrow({ where: { id: mailing.id }, select: { status: true } });
    if (m.status === "SENT") break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const seconds = (performance.now() - started) / 1000;
  const rss = workers.map((w) => peakRssKb(w.pid!));
  for (const w of workers) w.kill("SIGTERM");
  await Promise.all(workers.map((w) => new Promise((r) => (w.exitCode !== null ? r(null) : w.once("exit", r)))));
  const sent = await db.delivery.count({ where: { mailingId: mailing.id, status: "SENT" } });
  const span = await db.delivery.aggregate({
    where: { mailingId: mailing.id },
    _min: { sentAt: true },
    _max: { sentAt: true },
  });
  const m = await db.mailing.findUniqueOrThrow({ where: { id: mailing.id } });
  const after = (d: Date | null | undefined) =>
    d ? `${((d.getTime() - m.startedAt!.getTime()) / 1000).toFixed(1)} s` : "-";
  console.log(
    `  first mail recorded after ${after(span._min.sentAt)}, expansion done after ${after(m.expandedAt)}, ` +
      `last mail after ${after(span._max.sentAt)}, marked SENT after ${after(m.finishedAt)}`,
  );
  const rate = sent / seconds;
  console.log(
    `  ${naive ? "naive (react-email per mail)" : "compiled once + substitute"}: ${sent.toLocaleString("en")} mails in ` +
      `${seconds.toFixed(1)} s = ${Math.round(rate).toLocaleString("en")} mails/s; peak worker RSS ${rss.map(mib).join(", ")}; ` +
      `${fake.requests.length} API calls, ${fake.violations.length} contract violations`,
  );
  return rate;
}

async function main() {
  // What `npm run worker` runs: the bundled worker (lib/jobs/build-worker.mjs).
  execFileSync(process.execPath, ["lib/jobs/build-worker.mjs"], { cwd: ROOT, stdio: "inherit" });
  const n = Number(args.recipients);
  const naiveN = Number(args["naive-recipients"]);
  const admin = await rawFromUrl(args.pg);
  await admin.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DB_NAME}`);
  const url = withDatabase(args.pg, DB_NAME);
  const target = { kind: "postgres" as const, url };
  console.log(
    `mailing bench on PostgreSQL (${DB_NAME}), ${args.workers} worker process(es) × ${args.concurrency} batches`,
  );
  await applyMigrations(target);
  const { db, close } = await createDb(target);
  const raw = await rawFromUrl(url);
  const fake = await startFakeResend({ keep: "recipients" });
  try {
    await seedDemo({ db, suppressionKey: SECRET });
    await addContacts(raw, "bench", n);
    if (!args["skip-naive"]) await addContacts(raw, "naive", naiveN);
    // A settled register, as before any real mailing: the contacts just written are vacuumed and checkpointed, so
    // autovacuum and the checkpointer do not clean up after the load in the middle of the timed send.
    await raw.query(`VACUUM ANALYZE`);
    await raw.query(`CHECKPOINT`);
    const fast = await run(db, url, fake, "bench", n, false);
    if (!args["skip-naive"]) {
      const slow = await run(db, url, fake, "naive", naiveN, true);
      console.log(`  ratio: ${(fast / slow).toFixed(1)}× faster than rendering each mail`);
    }
  } finally {
    await fake.close();
    await raw.close();
    await close();
    await admin.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
    await admin.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
