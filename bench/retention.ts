// npx tsx --import ./lib/node/server-only-hook.mjs bench/retention.ts [--due 100000] [--kept 100000]
//   [--server postgresql://postgres@127.0.0.1:5432] [--batch 1000] [--concurrency 4] [--baseline 20] [--keep]
//   [--mailing [--mail-rate 5]]
// The retention job (lib/retention/run-retention.ts) on a fresh PostgreSQL database: loads a bulk register with its
// history (prisma/seed-bulk, the same modules as `npm run db:seed:bulk`) of due + kept contacts, then makes the due
// ones due: whole organisations (20 contacts each, spread over the register) become former customers whose
// relationship ended 11 years before now, their roles ended with it, their contacts customer contacts (the policy's
// relationshipEnded clock, 10 years). Every other contact is imported within the last five years, so nothing else is
// due. Then runs runRetention once and prints what it checked and deleted, the time, contacts deleted per second, the
// peak RSS of this process (sampled every 200 ms) and whether the audit chain still verifies.
// While it runs, two probes on their own connection pool measure its effect on the rest of the app:
//   - the preference page's use-cases (resolveLink with a freshly signed footer link + loadPreferenceView, what
//     app/(site)/p/[token]/page.tsx runs) for a random kept contact, one request after another with 25 ms between;
//   - the segment builder's count with the newsletter breakdown (countSegment over ContactFacts), a stand-in for a
//     mailing's reads;
//   - with --mailing, a real mailing as well: the bundled worker sending every newsletter subscriber through the
//     fake Resend API at the production pace (bench/support/retention-mailing.ts), one mailing after another, its
//     mails/s before and during the job.
// Both are measured for --baseline seconds before the job, then during it. The database is dropped at the end unless
// --keep is given.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { parseArgs } from "node:util";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { createDb } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrations";
import { rawFromUrl } from "@/lib/db/raw";
import { loadPreferenceView } from "@/lib/recipients/load-preference-view";
import { resolveLink } from "@/lib/recipients/resolve-link";
import { runRetention } from "@/lib/retention/run-retention";
import { countSegment } from "@/lib/segments/count-segment";
import { segmentFilterSchema } from "@/lib/segments/segment-filter";
import { signLinkToken } from "@/lib/tokens/link-token";
import { startMailing, startMailingWorker, stopMailingWorker, waitForIdleWorker } from "./support/retention-mailing";
import { markDue } from "./support/retention-register";

const { values: args } = parseArgs({
  options: {
    due: { type: "string", default: "100000" },
    kept: { type: "string", default: "100000" },
    server: { type: "string", default: "postgresql://postgres@127.0.0.1:5432" },
    batch: { type: "string", default: "1000" },
    /** Erasures at once (runRetention's concurrency; its default when not given). */
    concurrency: { type: "string" },
    baseline: { type: "string", default: "20" },
    keep: { type: "boolean", default: false },
    mailing: { type: "boolean", default: false },
    /** The worker's RESEND_RATE_LIMIT (batch calls of 100 a second; 0: unpaced). */
    "mail-rate": { type: "string", default: "5" },
    /** Load and mark the register, print its figures and stop (implies --keep): for EXPLAIN and the like. */
    "load-only": { type: "boolean", default: false },
  },
});
const ROOT = path.resolve(import.meta.dirname, "..");
const DUE = Number(args.due);
const KEPT = Number(args.kept);
const SECRET = randomBytes(32).toString("base64url");
const LINK_KEYS = [{ id: "bench1", secret: randomBytes(32).toString("base64url") }];
const DB_NAME = `tillit_bench_retention_${process.pid}`;
const url = `${args.server}/${DB_NAME}`;
// The app's configuration (the logger reads it): this database, these keys, quiet logs.
Object.assign(process.env, {
  DATABASE_URL: url,
  SUPPRESSION_HMAC_KEY: SECRET,
  AUTH_SECRET: SECRET,
  LINK_SIGNING_KEYS: LINK_KEYS.map((k) => `${k.id}:${k.secret}`).join(","),
  MAIL_TRANSPORT: "outbox",
  LOG_LEVEL: "warn",
});

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mib = (b: number) => `${Math.round(b / 2 ** 20)} MiB`;
const n = (x: number) => x.toLocaleString("en");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const percentile = (xs: number[], p: number) => {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const describe = (xs: number[]) =>
  xs.length === 0
    ? "no samples"
    : `${n(xs.length)} calls, p50 ${percentile(xs, 50).toFixed(1)} ms, p95 ${percentile(xs, 95).toFixed(1)} ms, ` +
      `max ${Math.max(...xs).toFixed(1)} ms`;

/** A loop calling `probe` until stopped, keeping each call's time in the phase it started in. */
function probeLoop(name: string, pauseMs: number, probe: () => Promise<void>) {
  const times: Record<"baseline" | "during", number[]> = { baseline: [], during: [] };
  let phase: "baseline" | "during" = "baseline";
  let stopped = false;
  let failures = 0;
  const done = (async () => {
    while (!stopped) {
      const into = times[phase];
      const started = performance.now();
      try {
        await probe();
        into.push(performance.now() - started);
      } catch (e) {
        failures += 1;
        if (failures <= 3) console.error(`  ${name}: ${e instanceof Error ? e.message : String(e)}`);
      }
      await sleep(pauseMs);
    }
  })();
  return {
    name,
    times,
    get failures() {
      return failures;
    },
    during: () => (phase = "during"),
    stop: async () => {
      stopped = true;
      await done;
    },
  };
}

async function main() {
  const admin = await rawFromUrl(`${args.server}/postgres`);
  await admin.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DB_NAME}`);
  const target = { kind: "postgres" as const, url };
  console.log(`retention bench on PostgreSQL (${DB_NAME}): ${n(DUE)} due + ${n(KEPT)} kept contacts`);
  const job = await createDb(target);
  // The probes' own pool, as the web server's would be.
  const web = await createDb(target);
  const raw = await rawFromUrl(url);
  const now = new Date();
  let worker: Awaited<ReturnType<typeof startMailingWorker>> | undefined;
  try {
    // 1. The register (not the figure).
    const loadStarted = performance.now();
    await applyMigrations(target);
    // The bulk seed in its own process (the demo data first, as `npm run db:seed:bulk` does), so this process's RSS is
    // the job's and the probes', not the load's.
    execFileSync(
      process.execPath,
      [
        "--import",
        "tsx",
        "--import",
        "./lib/node/server-only-hook.mjs",
        "prisma/seed-bulk.ts",
        "--contacts",
        String(DUE + KEPT),
      ],
      { cwd: ROOT, env: { ...process.env, NODE_OPTIONS: "" }, stdio: ["ignore", "inherit", "inherit"] },
    );
    process.stdout.write("\n");
    const [bulk] = await raw.query<{ run: string }>(
      `SELECT substring(id FROM '^bulk_(.*)_org_[0-9]+$') AS run FROM "Organisation" WHERE id LIKE 'bulk\\_%' LIMIT 1`,
    );
    if (args.mailing && !args["load-only"]) {
      // Started before anything is due: its start-up catch-up runs the retention job too, and must find nothing.
      worker = await startMailingWorker({ root: ROOT, url, secret: SECRET, rate: args["mail-rate"] });
      await waitForIdleWorker(raw);
      console.log(`  worker started and idle (its catch-up jobs done), RESEND_RATE_LIMIT=${args["mail-rate"]}`);
    }
    const marked = await markDue(raw, { run: bulk!.run, total: DUE + KEPT, due: DUE, now });
    await raw.query(`VACUUM ANALYZE`);
    await raw.query(`CHECKPOINT`);
    const [counts] = await raw.query<{ contacts: number; audit: number; dueAudit: number; deliveries: number }>(
      `SELECT (SELECT count(*)::int FROM "Contact") AS contacts, (SELECT count(*)::int FROM "AuditEvent") AS audit,
              (SELECT count(*)::int FROM "AuditEvent" a JOIN "ContactRole" r ON r."contactId" = a."subjectId"
                 JOIN "Organisation" o ON o.id = r."organisationId"
                WHERE a."subjectType" = 'Contact' AND o."relationshipEnd" < $1::date) AS "dueAudit",
              (SELECT count(*)::int FROM "Delivery") AS deliveries`,
      [new Date(now.getTime() - 10.5 * 365.25 * 86_400_000).toISOString().slice(0, 10)],
    );
    console.log(
      `  loaded in ${s(performance.now() - loadStarted)} (not the figure): ${n(counts!.contacts)} contacts, ` +
        `${n(marked.organisations)} organisations made former customers 11 years ago with ${n(marked.contacts)} ` +
        `contacts (${n(counts!.dueAudit)} audit entries on them), ${n(counts!.audit)} audit entries in all, ` +
        `${n(counts!.deliveries)} deliveries`,
    );

    if (args["load-only"]) return;

    // 2. The probes: kept contacts to open the preference page of, and the newsletter's count.
    const kept = await raw.query<{ id: string; tokenVersion: number }>(
      `SELECT c.id, c."tokenVersion" FROM "Contact" c
        WHERE NOT EXISTS (SELECT 1 FROM "ContactRole" r JOIN "Organisation" o ON o.id = r."organisationId"
                           WHERE r."contactId" = c.id AND o."relationshipEnd" < now() - interval '10 years')
        ORDER BY random() LIMIT 2000`,
    );
    const newsletter = await web.db.topic.findFirstOrThrow({ where: { key: "newsletter" }, select: { id: true } });
    const everyone = segmentFilterSchema.parse({});
    const page = probeLoop("preference page", 25, async () => {
      const contact = kept[Math.floor(Math.random() * kept.length)]!;
      const token = signLinkToken(
        { scope: "preferences", contactId: contact.id, tokenVersion: contact.tokenVersion, issuedAt: new Date() },
        LINK_KEYS,
      );
      const link = await resolveLink({ db: web.db, token, scopes: ["preferences"], keys: LINK_KEYS });
      if (!link.ok) throw new Error(`link ${link.problem}`);
      const view = await loadPreferenceView({ db: web.db, contactId: link.contactId });
      if (!view) throw new Error("no view");
    });
    const count = probeLoop("segment count", 250, async () => {
      const r = await countSegment({ db: web.db, filter: everyone, topicId: newsletter.id });
      if (!r.ok) throw new Error("count failed");
    });
    const probes = [page, count];
    const mailing = worker ? await startMailing(raw, worker) : undefined;
    console.log(`  baseline: probes alone for ${args.baseline} s`);
    await sleep(Number(args.baseline) * 1000);

    // 3. The job.
    for (const p of probes) p.during();
    mailing?.during();
    const startRss = process.memoryUsage().rss;
    let peakRss = startRss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);
    let seen = 0;
    const started = performance.now();
    const progress = setInterval(() => {
      const t = performance.now() - started;
      process.stdout.write(
        `\r  running: ${n(seen)} due contacts reached, ${s(t)}, ${(seen / (t / 1000)).toFixed(0)}/s   `,
      );
    }, 5000);
    const summary = await runRetention({
      db: job.db,
      suppressionKey: SECRET,
      trigger: "cli",
      now,
      batchSize: Number(args.batch),
      concurrency: args.concurrency === undefined ? undefined : Number(args.concurrency),
      onDue: () => (seen += 1),
    });
    const elapsed = performance.now() - started;
    clearInterval(progress);
    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    for (const p of probes) await p.stop();
    const mailed = await mailing?.stop();
    process.stdout.write("\n");

    const verifyStarted = performance.now();
    const verdict = await verifyAuditChain({ db: job.db });
    const verifyMs = performance.now() - verifyStarted;
    const [left] = await raw.query<{ contacts: number; tombstones: number }>(
      `SELECT (SELECT count(*)::int FROM "Contact") AS contacts,
              (SELECT count(*)::int FROM "RetentionTombstone") AS tombstones`,
    );

    console.log("results");
    console.log(
      `  checked ${n(summary.swept)} contacts, due ${n(summary.due)}, deleted ${n(summary.deleted)}, held ` +
        `${summary.held}, failed ${summary.failed} (expected due: ${n(marked.contacts)})`,
    );
    console.log(
      `  elapsed ${(elapsed / 1000).toFixed(1)} s, ${(summary.deleted / (elapsed / 1000)).toFixed(1)} contacts deleted/s; ` +
        `peak RSS of this process ${mib(peakRss)} (${mib(startRss)} when the job started; ` +
        `sampled every 200 ms; the probes run in it too)`,
    );
    console.log(
      `  after: ${n(left!.contacts)} contacts, ${n(left!.tombstones)} retention tombstones; audit chain ` +
        (verdict.ok
          ? `verifies: ${n(verdict.entries)} entries checked in ${s(verifyMs)}`
          : `BROKEN at seq ${verdict.brokenAt} (${verdict.reason})`),
    );
    for (const p of probes) {
      console.log(`  ${p.name}, baseline: ${describe(p.times.baseline)}`);
      console.log(
        `  ${p.name}, during the job: ${describe(p.times.during)}${p.failures ? `, ${p.failures} failures` : ""}`,
      );
    }
    if (mailed) {
      const rate = (p: typeof mailed.baseline) =>
        p.seconds === 0
          ? "no samples"
          : `${n(p.sent)} mails in ${p.seconds.toFixed(0)} s = ${(p.sent / p.seconds).toFixed(0)} mails/s, ` +
            `slowest 5 s ${p.slowest5s === null ? "-" : p.slowest5s.toFixed(0)} mails/s`;
      console.log(`  mailing (RESEND_RATE_LIMIT=${args["mail-rate"]}), baseline: ${rate(mailed.baseline)}`);
      console.log(
        `  mailing, during the job: ${rate(mailed.during)}; ${mailed.mailings} mailings started, ` +
          `${mailed.violations} contract violations, peak worker RSS ${mib(mailed.workerPeakRssKb * 1024)}`,
      );
    }
    if (!verdict.ok || summary.deleted !== marked.contacts || summary.failed > 0) process.exitCode = 1;
  } finally {
    if (worker) await stopMailingWorker(worker);
    await raw.close();
    await web.close();
    await job.close();
    if (args.keep || args["load-only"]) console.log(`kept: ${url}`);
    else await admin.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
    await admin.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
