// npx tsx --import ./lib/node/server-only-hook.mjs bench/soak.ts [--minutes 30] [--recipients 100000] [--rate 10]
//   [--pg postgresql://postgres@127.0.0.1:5432/postgres] [--resend-rate 5] [--build]
// A soak on the production pieces, all on one fresh PostgreSQL database:
//   - `next start` (the existing .next build; --build, or no build, builds first) takes mixed recipient traffic at a
//     steady --rate requests/s: preference page GETs, one-click unsubscribe POSTs (each for a contact not yet
//     unsubscribed, so each emits an outbound webhook event), the public pages, /api/health/ready, and one
//     /api/metrics scrape a minute;
//   - one `npm run worker` process (the bundle, with its flags) sends mailings of --recipients contacts each through the
//     Resend SDK to the fake Resend API (requests checked against Resend's OpenAPI file), paced at --resend-rate calls/s
//     as in production; when a mailing is SENT the next one starts, so the worker sends for the whole run;
//   - the same worker delivers the outbound webhook events to a receiver on loopback that verifies each signature.
// Every minute it prints the errors so far, the RSS of the web server (its process tree) and of the worker, mails
// sent and webhooks delivered. At the end: PASS when errors = 0 and RSS was flat for both processes. "Flat": every
// minute's RSS after minute W is within ±10 % of minute W's, W = min(10, floor(minutes / 2)) (the warm-up).
// Errors: a request that fails or answers an unexpected status, a contract violation at the fake Resend API, a
// webhook the receiver could not verify, a dead webhook, a failed delivery of a mailing, a web or worker process that
// exits, and any event still undelivered 60 s after the traffic stops. The database is dropped at the end.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createDb, type Db } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrations";
import { rawFromUrl, type RawSql } from "@/lib/db/raw";
import { createWebhookEndpoint } from "@/lib/outbound-webhooks/create-webhook-endpoint";
import { OUTBOUND_EVENT_TYPES } from "@/lib/outbound-webhooks/event-types";
import { preferencesUrl, unsubscribeUrl } from "@/lib/recipients/build-links";
import { seedDemo } from "@/prisma/seed-demo";
import { startFakeResend } from "@/tests/support/fake-resend";
import { withDatabase } from "@/tests/support/pg-url";
import { startWebhookReceiver } from "@/tests/support/webhook-receiver";
import { freePort, ROOT, run, waitUntilHealthy } from "./support/next-server";

const { values: args } = parseArgs({
  options: {
    minutes: { type: "string", default: "30" },
    recipients: { type: "string", default: "100000" },
    rate: { type: "string", default: "10" },
    pg: { type: "string", default: "postgresql://postgres@127.0.0.1:5432/postgres" },
    "resend-rate": { type: "string", default: "5" },
    build: { type: "boolean", default: false },
  },
});
const MINUTES = Number(args.minutes);
const RECIPIENTS = Number(args.recipients);
const RATE = Number(args.rate);
const WARM_UP = Math.min(10, Math.floor(MINUTES / 2));
const DB_NAME = `tillit_soak_${process.pid}`;
const SECRET = randomBytes(32).toString("base64url");
const LINK_KEYS = [{ id: "soak1", secret: randomBytes(32).toString("base64url") }];
const METRICS_TOKEN = randomBytes(32).toString("base64url");
const mib = (kb: number) => `${Math.round(kb / 1024)} MiB`;
const n = (x: number) => x.toLocaleString("en");
const FORM = { "content-type": "application/x-www-form-urlencoded" };
const ONE_CLICK = "List-Unsubscribe=One-Click";

/** Resident memory of a process and its descendants, in kB (next start may fork its server). */
function treeRssKb(pid: number): number {
  try {
    const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    const children = readdirSync(`/proc/${pid}/task`).flatMap((t) =>
      readFileSync(`/proc/${pid}/task/${t}/children`, "utf8").split(" ").filter(Boolean).map(Number),
    );
    return rss + children.reduce((sum, c) => sum + treeRssKb(c), 0);
  } catch {
    return 0; // gone
  }
}

async function addContacts(raw: RawSql, tag: string, count: number) {
  for (let from = 1; from <= count; from += 100_000) {
    const to = Math.min(count, from + 99_999);
    await raw.query(
      `INSERT INTO "Contact" (id, name, email, language, category, "sourceType", "sourceDetail", "updatedAt")
       SELECT '${tag}_' || lpad(i::text, 8, '0'), 'Person ' || i, '${tag}' || i || '@soak.example',
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
}

function spawnLogged(name: string, argv: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, argv, { cwd: ROOT, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  // LOG_LEVEL=warn: only warnings and errors are logged (one JSON line each, on stdout); shown as they come.
  child.stdout!.on("data", (d: Buffer) => process.stderr.write(`${name}: ${d.toString()}`));
  child.stderr!.on("data", (d: Buffer) => {
    const line = d.toString();
    if (!line.includes("ExperimentalWarning") && !line.includes("trace-warnings"))
      process.stderr.write(`${name}: ${line}`);
  });
  return child;
}

async function startMailing(db: Db, number: number): Promise<string> {
  const segment = await db.segment.create({ data: { name: `soak ${number}`, filter: { sourceDetail: "soak" } } });
  const mailing = await db.mailing.create({
    data: {
      name: `Soak ${number}`,
      topicId: "demo_topic_newsletter",
      segmentId: segment.id,
      subjectSv: "Nyheter för {{name}}",
      subjectEn: "News for {{name}}",
      bodySv: "# Nyheter\n\nHej {{name}}!\n\n[Läs mer](https://elastx.example/news)",
      bodyEn: "# News\n\nHello {{name}}!\n\n[Read more](https://elastx.example/news)",
      status: "SENDING",
      startedAt: new Date(),
    },
  });
  return mailing.id;
}

async function main() {
  execFileSync(process.execPath, ["lib/jobs/build-worker.mjs"], { cwd: ROOT, stdio: "inherit" });
  const admin = await rawFromUrl(args.pg);
  await admin.query(`CREATE DATABASE ${DB_NAME}`);
  const url = withDatabase(args.pg, DB_NAME);
  const target = { kind: "postgres" as const, url };
  const fake = await startFakeResend({ keep: "recipients" });
  const receiver = await startWebhookReceiver();
  const children: ChildProcess[] = [];
  let errors = 0;
  const errorKinds = new Map<string, number>();
  const fail = (kind: string) => {
    errors++;
    errorKinds.set(kind, (errorKinds.get(kind) ?? 0) + 1);
  };
  const { db, close } = await (async () => {
    await applyMigrations(target);
    return createDb(target);
  })();
  const raw = await rawFromUrl(url);
  let traffic: NodeJS.Timeout | undefined;
  try {
    console.log(`soak: ${MINUTES} min, ${n(RECIPIENTS)} recipients a mailing, ${RATE} requests/s, database ${DB_NAME}`);
    await seedDemo({ db, suppressionKey: SECRET });
    const oneClicks = Math.max(1000, Math.ceil(RATE * 0.2 * MINUTES * 60 * 1.2));
    let started = performance.now();
    await addContacts(raw, "soak", RECIPIENTS);
    await addContacts(raw, "traffic", oneClicks);
    await raw.query(`VACUUM ANALYZE`);
    console.log(
      `  seeded ${n(RECIPIENTS)} recipients and ${n(oneClicks)} traffic contacts in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    const endpoint = await createWebhookEndpoint({
      db,
      actor: { type: "SYSTEM", id: "soak" },
      allowHttp: true,
      input: { name: "Soak", url: receiver.url, eventTypes: [...OUTBOUND_EVENT_TYPES] },
    });
    if (!endpoint.ok) throw new Error("no webhook endpoint");
    receiver.secrets.push(endpoint.secret);

    const port = await freePort();
    const publicUrl = `http://127.0.0.1:${port}`;
    const common = {
      PATH: process.env.PATH,
      DATABASE_URL: url,
      PUBLIC_URL: publicUrl,
      AUTH_SECRET: SECRET,
      SUPPRESSION_HMAC_KEY: SECRET,
      LINK_SIGNING_KEYS: LINK_KEYS.map((k) => `${k.id}:${k.secret}`).join(","),
      MAIL_TRANSPORT: "resend",
      RESEND_API_KEY: "re_soak",
      RESEND_BASE_URL: fake.url,
      RESEND_RATE_LIMIT: args["resend-rate"],
      LOG_LEVEL: "warn",
      NEXT_TELEMETRY_DISABLED: "1",
    };
    const webEnv: NodeJS.ProcessEnv = {
      ...common,
      NODE_ENV: "production",
      DATA_DIR: path.join(os.tmpdir(), `tillit-soak-${process.pid}`),
      METRICS_TOKEN,
    };
    if (args.build || !existsSync(path.join(ROOT, ".next/BUILD_ID")))
      run(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "build"], webEnv);
    const next = path.join(ROOT, "node_modules/next/dist/bin/next");
    const web = spawnLogged("web", [next, "start", "--hostname", "127.0.0.1", "--port", String(port)], webEnv);
    children.push(web);
    await waitUntilHealthy(publicUrl, web);
    // The worker runs as NODE_ENV=test only because production refuses http:// webhook endpoints (the receiver is
    // plain http on loopback); everything else is what `npm run worker` runs.
    const worker = spawnLogged(
      "worker",
      ["--max-old-space-size=128", "--max-semi-space-size=4", ".worker/run-worker.mjs"],
      { ...common, NODE_ENV: "test", WEBHOOK_ALLOW_HTTP: "1", MALLOC_ARENA_MAX: "2" } as NodeJS.ProcessEnv,
    );
    children.push(worker);
    // Started: its first heartbeat (lib/jobs/worker-heartbeat.ts) is written once its queues are running.
    for (const until = Date.now() + 60_000; ;) {
      const [h] = await raw.query<{ n: number }>(`SELECT count(*)::int AS n FROM "WorkerHeartbeat"`);
      if (h!.n > 0) break;
      if (Date.now() > until || worker.exitCode !== null) throw new Error("the worker did not start within 60 s");
      await new Promise((r) => setTimeout(r, 250));
    }
    for (const [name, child] of [
      ["web", web],
      ["worker", worker],
    ] as const)
      child.on("exit", () => {
        if (!stopping) fail(`${name} process exited`);
      });

    const contacts = await db.contact.findMany({
      where: { sourceDetail: "traffic" },
      select: { id: true, tokenVersion: true },
      orderBy: { id: "asc" },
    });
    const links = { publicUrl, linkKeys: LINK_KEYS };
    let nextOneClick = 0;
    let durations: number[] = []; // this minute's answered requests, ms
    let requests = 0;
    const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)]!;
    const request = async (
      method: string,
      target: string,
      expect: number,
      headers?: Record<string, string>,
      body?: string,
    ) => {
      requests++;
      const t0 = performance.now();
      try {
        const res = await fetch(target, {
          method,
          headers,
          body,
          redirect: "manual",
          signal: AbortSignal.timeout(10_000),
        });
        await res.arrayBuffer();
        durations.push(performance.now() - t0);
        if (res.status !== expect)
          fail(`${method} ${new URL(target).pathname.split("/")[1] || "/"} answered ${res.status}`);
      } catch {
        fail(`${method} ${new URL(target).pathname.split("/")[1] || "/"} failed`);
      }
    };
    const oneRequest = () => {
      const r = Math.random();
      if (r < 0.4) return request("GET", preferencesUrl(links, pick(contacts)), 200);
      if (r < 0.6) {
        const c = contacts[nextOneClick++ % contacts.length]!;
        return request("POST", unsubscribeUrl(links, c, "all"), 200, FORM, ONE_CLICK);
      }
      if (r < 0.75) return request("GET", `${publicUrl}/`, 200);
      if (r < 0.9) return request("GET", `${publicUrl}/preferences`, 200);
      return request("GET", `${publicUrl}/api/health/ready`, 200);
    };

    // Warm-up, not counted: each kind of request a few times one after the other, so the first renders of a cold
    // server (seconds each on a busy machine) are not taken for errors of the steady state.
    const counted = { requests, errors };
    for (let i = 0; i < 5; i++) {
      await request("GET", preferencesUrl(links, contacts[contacts.length - 1 - i]!), 200);
      await request("POST", unsubscribeUrl(links, contacts[contacts.length - 1 - i]!, "all"), 200, FORM, ONE_CLICK);
      await request("GET", `${publicUrl}/`, 200);
      await request("GET", `${publicUrl}/preferences`, 200);
      await request("GET", `${publicUrl}/api/health/ready`, 200);
    }
    console.log(`  warm-up: ${requests - counted.requests} requests, ${errors - counted.errors} failed (not counted)`);
    requests = counted.requests;
    errors = counted.errors;
    errorKinds.clear();
    durations = [];

    let mailingNumber = 1;
    let mailingId = await startMailing(db, mailingNumber);
    let failedSeen = 0;
    let violations = 0;
    traffic = setInterval(() => void oneRequest(), 1000 / RATE);
    started = performance.now();
    const samples: { web: number; worker: number }[] = [];
    console.log(
      "minute  requests  errors  p50/p95 ms  web RSS  worker RSS  mails sent  mailings  webhooks delivered  pending  lag",
    );
    for (let minute = 1; minute <= MINUTES; minute++) {
      // Until this minute's end: start the next mailing whenever one is SENT.
      while (performance.now() - started < minute * 60_000) {
        await new Promise((r) => setTimeout(r, 1000));
        const m = await db.mailing.findUniqueOrThrow({ where: { id: mailingId }, select: { status: true } });
        if (m.status === "SENT") {
          violations += fake.violations.length;
          fake.reset(); // forgets kept recipients and requests, keeps idempotency keys (as Resend does)
          mailingId = await startMailing(db, ++mailingNumber);
        }
      }
      await request("GET", `${publicUrl}/api/metrics`, 200, { authorization: `Bearer ${METRICS_TOKEN}` });
      const sample = { web: treeRssKb(web.pid!), worker: treeRssKb(worker.pid!) };
      const sorted = durations.sort((a, b) => a - b);
      const q = (p: number) =>
        sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!) : 0;
      const latency = `${q(0.5)}/${q(0.95)}`;
      durations = [];
      samples.push(sample);
      const [d] = await raw.query<{ sent: number; failed: number }>(
        `SELECT count(*) FILTER (WHERE status = 'SENT')::int AS sent, count(*) FILTER (WHERE status = 'FAILED')::int AS failed FROM "Delivery"`,
      );
      const [w] = await raw.query<{ delivered: number; pending: number; dead: number; lag: number | null }>(
        `SELECT count(*) FILTER (WHERE status = 'DELIVERED')::int AS delivered, count(*) FILTER (WHERE status = 'PENDING')::int AS pending,
                count(*) FILTER (WHERE status = 'DEAD')::int AS dead,
                extract(epoch FROM now() - min("createdAt") FILTER (WHERE status = 'PENDING'))::float AS lag
           FROM "WebhookDelivery"`,
      );
      for (let i = failedSeen; i < d!.failed; i++) fail("mail delivery FAILED");
      failedSeen = Math.max(failedSeen, d!.failed);
      console.log(
        `${String(minute).padStart(6)}  ${n(requests).padStart(8)}  ${String(errors).padStart(6)}  ${latency.padStart(10)}  ${mib(sample.web).padStart(7)}  ${mib(sample.worker).padStart(10)}  ${n(d!.sent).padStart(10)}  ${String(mailingNumber).padStart(8)}  ${n(w!.delivered).padStart(18)}  ${String(w!.pending).padStart(7)}  ${w!.lag === null ? "-" : `${w!.lag.toFixed(1)} s`}`,
      );
    }
    clearInterval(traffic);
    traffic = undefined;
    await new Promise((r) => setTimeout(r, 10_000)); // requests in flight
    const drainUntil = Date.now() + 60_000;
    let pending = 0;
    do {
      [{ pending } = { pending: 0 }] = await raw.query<{ pending: number }>(
        `SELECT count(*)::int AS pending FROM "WebhookDelivery" WHERE status = 'PENDING'`,
      );
      if (pending > 0) await new Promise((r) => setTimeout(r, 1000));
    } while (pending > 0 && Date.now() < drainUntil);
    for (let i = 0; i < pending; i++) fail("webhook undelivered 60 s after the traffic");
    const [w] = await raw.query<{ delivered: number; dead: number }>(
      `SELECT count(*) FILTER (WHERE status = 'DELIVERED')::int AS delivered, count(*) FILTER (WHERE status = 'DEAD')::int AS dead FROM "WebhookDelivery"`,
    );
    for (let i = 0; i < w!.dead; i++) fail("webhook dead");
    for (const r of receiver.received) if (r.verifiedBy.length === 0) fail("webhook signature not verified");
    violations += fake.violations.length;
    for (let i = 0; i < violations; i++) fail("Resend contract violation");
    const [d] = await raw.query<{ sent: number; fewest: number; most: number; mailings: number }>(
      `SELECT coalesce(sum(n), 0)::int AS sent, coalesce(min(n), 0)::int AS fewest, coalesce(max(n), 0)::int AS most,
              count(*)::int AS mailings
         FROM (SELECT "mailingId", count(*) AS n FROM "Delivery" WHERE status = 'SENT' GROUP BY 1) m`,
    );

    const flat = (which: "web" | "worker") => {
      const ref = samples[WARM_UP - 1]?.[which] ?? samples[0]![which];
      const after = samples.slice(WARM_UP).map((s) => s[which]);
      const min = Math.min(ref, ...after);
      const max = Math.max(ref, ...after);
      const ok = after.every((v) => Math.abs(v - ref) <= 0.1 * ref);
      return {
        ok,
        text: `minute ${WARM_UP || 1} ${mib(ref)}, after it ${mib(min)}–${mib(max)} (limit ±10 %: ${mib(ref * 0.9)}–${mib(ref * 1.1)})`,
      };
    };
    const webFlat = flat("web");
    const workerFlat = flat("worker");
    console.log(`\nsummary after ${MINUTES} min (${MINUTES < 30 ? "SHORTENED run" : "full run"}):`);
    console.log(
      `  requests ${n(requests)}, errors ${errors}${errorKinds.size ? ": " + [...errorKinds].map(([k, v]) => `${k} ×${v}`).join(", ") : ""}`,
    );
    console.log(
      `  mails sent ${n(d!.sent)}: ${mailingNumber} mailing(s) of ${n(RECIPIENTS)} started, SENT deliveries per mailing ${n(d!.fewest)}–${n(d!.most)} in ${d!.mailings}; Resend contract violations ${violations}`,
    );
    console.log(
      `  webhooks delivered ${n(w!.delivered)}, received ${n(receiver.received.length)}, dead ${w!.dead}, pending after the drain ${pending}`,
    );
    console.log(`  web RSS ${webFlat.ok ? "flat" : "NOT flat"}: ${webFlat.text}`);
    console.log(`  worker RSS ${workerFlat.ok ? "flat" : "NOT flat"}: ${workerFlat.text}`);
    const pass = errors === 0 && webFlat.ok && workerFlat.ok;
    console.log(pass ? "PASS" : "FAIL");
    process.exitCode = pass ? 0 : 1;
  } finally {
    if (traffic) clearInterval(traffic);
    stopping = true;
    for (const c of children) if (c.exitCode === null) process.kill(-c.pid!, "SIGTERM");
    await Promise.all(children.map((c) => (c.exitCode !== null ? null : new Promise((r) => c.once("exit", r)))));
    await receiver.close();
    await fake.close();
    await raw.close();
    await close();
    await admin.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
    await admin.close();
  }
}

let stopping = false;
main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
