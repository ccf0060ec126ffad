// What the fault tests share: `npm run worker` processes started directly (so a signal reaches the worker itself),
// a register of prospects to mail, and the count of one mailing's mails per recipient at the fake Resend API.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { Db } from "@/lib/db/client";
import type { FakeResend } from "./fake-resend";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const SECRET = "c".repeat(40);

/** Bundles the worker as `npm run worker` does before it starts. */
export function buildWorker(): void {
  execFileSync(process.execPath, ["lib/jobs/build-worker.mjs"], { cwd: ROOT, stdio: "inherit" });
}

export type WorkerProcess = { child: ChildProcess; output: () => string };

export function startWorkerProcess(opts: {
  databaseUrl: string;
  resendUrl: string;
  env?: Record<string, string>;
}): WorkerProcess {
  const child = spawn(
    process.execPath,
    ["--max-old-space-size=128", "--max-semi-space-size=4", ".worker/run-worker.mjs"],
    {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: "test",
        DATABASE_URL: opts.databaseUrl,
        PUBLIC_URL: "https://prefs.example.com",
        AUTH_SECRET: SECRET,
        SUPPRESSION_HMAC_KEY: SECRET,
        LINK_SIGNING_KEYS: `k1:${SECRET}`,
        MAIL_TRANSPORT: "resend",
        RESEND_API_KEY: "re_crash_test",
        RESEND_BASE_URL: opts.resendUrl,
        RESEND_RATE_LIMIT: "0",
        MAILING_LEASE_SECONDS: "5",
        MALLOC_ARENA_MAX: "2",
        WORKER_CONCURRENCY: "4",
        ...opts.env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  // The last 64 KB of what it printed, for a failing test to show.
  let tail = "";
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString("utf8")).slice(-65_536);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  return { child, output: () => tail };
}

export const isRunning = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

export async function killWorker(child: ChildProcess): Promise<void> {
  if (!isRunning(child)) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGKILL");
  await exited;
}

/** Polls `check` every 50 ms; a check that throws (the database is restarting) counts as not yet. */
export async function waitFor(what: string, check: () => Promise<boolean> | boolean, ms = 120_000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // Asked again on the next round.
    }
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * `count` prospects (ids `<prefix>_000001` …, addresses `person<i>@<prefix>.example`) subscribed to the demo newsletter
 * with a basis for marketing: what the segment `{ sourceTypes: ["IMPORTED"] }` picks in a demo register.
 */
export async function seedProspects(db: Db, prefix: string, count: number): Promise<void> {
  await db.$executeRawUnsafe(
    `INSERT INTO "Contact" (id, name, email, language, category, "sourceType", "updatedAt")
     SELECT '${prefix}_' || lpad(i::text, 6, '0'), 'Person ' || i, 'person' || i || '@${prefix}.example',
            CASE WHEN i % 3 = 0 THEN 'en' ELSE 'sv' END::"Language", 'PROSPECT', 'IMPORTED', now()
     FROM generate_series(1, ${count}) AS i`,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO "Subscription" ("contactId", "topicId", state, source)
     SELECT id, 'demo_topic_newsletter', 'SUBSCRIBED', 'IMPORT' FROM "Contact" WHERE id LIKE '${prefix}\\_%'`,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO "ContactLegalBasis" ("contactId", purpose, basis)
     SELECT id, 'MARKETING_MAILINGS', 'LEGITIMATE_INTEREST' FROM "Contact" WHERE id LIKE '${prefix}\\_%'`,
  );
}

/** A draft newsletter to the imported prospects, as marketing would save it. */
export async function draftProspectMailing(db: Db, name: string): Promise<string> {
  const segment = await db.segment.create({ data: { name, filter: { sourceTypes: ["IMPORTED"] } } });
  const mailing = await db.mailing.create({
    data: {
      name,
      topicId: "demo_topic_newsletter",
      segmentId: segment.id,
      subjectSv: "Hej {{name}}",
      subjectEn: "Hello {{name}}",
      bodySv: "Nyheter.",
      bodyEn: "News.",
    },
  });
  return mailing.id;
}

/**
 * Mails the fake accepted for this mailing (tagged with its id: the worker's start-up catch-up may also send the
 * yearly registration notice to demo contacts, another mailing), counted per recipient address.
 */
export function mailsPerRecipient(fake: FakeResend, mailingId: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of fake.accepted) {
    const tags = (m.payload.tags as { name: string; value: string }[] | undefined) ?? [];
    if (!tags.some((tag) => tag.name === "mailing" && tag.value === mailingId)) continue;
    const to = (m.payload.to as string[])[0]!;
    counts.set(to, (counts.get(to) ?? 0) + 1);
  }
  return counts;
}
