// bench/retention.ts --mailing: a real mailing running while the retention job runs. The bundled worker
// (`npm run worker`'s .worker/run-worker.mjs, as bench/mailing.ts runs it) sends through the Resend SDK to the local
// fake Resend API at the production pace (RESEND_RATE_LIMIT, default 5 batch calls of 100 a second), to every
// newsletter subscriber; when a mailing is done the next one starts, so one is always sending. Mails sent are read
// from the mailing's tally (MailingTally, kept by trigger) every second, and reported per phase (before the job,
// during it) with the slowest 5-second window of each within one mailing, which is where a stall would show.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import type { RawSql } from "@/lib/db/raw";
import { startFakeResend, type FakeResend } from "@/tests/support/fake-resend";

const WORKER_NODE_FLAGS = ["--max-old-space-size=128", "--max-semi-space-size=4"];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export type RunningMailing = {
  /** Starts counting into the "during" phase. */
  during(): void;
  stop(): Promise<{
    baseline: MailingPhase;
    during: MailingPhase;
    mailings: number;
    violations: number;
    workerPeakRssKb: number;
  }>;
};
export type MailingPhase = { sent: number; seconds: number; slowest5s: number | null };

/** Builds and starts the worker and the fake API; resolves once the worker's start-up catch-up jobs are done. */
export async function startMailingWorker(opts: { root: string; url: string; secret: string; rate: string }) {
  execFileSync(process.execPath, ["lib/jobs/build-worker.mjs"], { cwd: opts.root, stdio: "inherit" });
  const fake = await startFakeResend({ keep: "recipients" });
  const child = spawn(process.execPath, [...WORKER_NODE_FLAGS, ".worker/run-worker.mjs"], {
    cwd: opts.root,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      DATABASE_URL: opts.url,
      PUBLIC_URL: "https://prefs.example.com",
      AUTH_SECRET: opts.secret,
      SUPPRESSION_HMAC_KEY: opts.secret,
      LINK_SIGNING_KEYS: process.env.LINK_SIGNING_KEYS,
      MAIL_TRANSPORT: "resend",
      RESEND_API_KEY: "re_bench",
      RESEND_BASE_URL: fake.url,
      RESEND_RATE_LIMIT: opts.rate,
      MALLOC_ARENA_MAX: "2",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stderr!.on("data", (d: Buffer) => {
    const line = d.toString();
    if (!line.includes("ExperimentalWarning") && !line.includes("trace-warnings"))
      process.stderr.write(`  worker: ${line}`);
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => {
      if (d.toString().includes("worker started")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`worker exited with ${code}`)));
  });
  return { child, fake };
}

/** Waits until pg-boss has nothing queued or running (the worker's catch-up runs of the scheduled jobs). */
export async function waitForIdleWorker(raw: RawSql) {
  for (;;) {
    const [row] = await raw.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE state IN ('created', 'retry', 'active')`,
    );
    if (row!.n === 0) return;
    await sleep(1000);
  }
}

export async function startMailing(raw: RawSql, worker: { child: ChildProcess; fake: FakeResend }) {
  const [topic] = await raw.query<{ id: string }>(`SELECT id FROM "Topic" WHERE key = 'newsletter'`);
  const [segment] = await raw.query<{ id: string }>(
    `INSERT INTO "Segment" (id, name, filter, "updatedAt") VALUES ('bench_everyone', 'Everyone', '{}', now()) RETURNING id`,
  );
  let mailings = 0;
  let current = "";
  let sentBefore = 0; // by the mailings already done
  const newMailing = async () => {
    mailings += 1;
    current = `bench_mailing_${mailings}`;
    await raw.query(
      `INSERT INTO "Mailing" (id, name, "topicId", "segmentId", "subjectSv", "subjectEn", "bodySv", "bodyEn",
                              status, "startedAt", "updatedAt")
       VALUES ($1, $1, $2, $3, 'Nyheter för {{name}}', 'News for {{name}}',
               E'# Nyheter\\n\\nHej {{name}}!\\n\\n[Läs mer](https://example.com/news)',
               E'# News\\n\\nHello {{name}}!\\n\\n[Read more](https://example.com/news)', 'SENDING', now(), now())`,
      [current, topic!.id, segment!.id],
    );
  };
  const sentNow = async () => {
    const [r] = await raw.query<{ n: number; status: string }>(
      `SELECT COALESCE((SELECT sum(n)::int FROM "MailingTally" WHERE "mailingId" = $1 AND status = 'SENT'), 0) AS n,
              (SELECT status::text FROM "Mailing" WHERE id = $1) AS status`,
      [current],
    );
    return r!;
  };
  await newMailing();
  // Wait for the first mails, so the baseline is a mailing in its stride rather than its expansion's start.
  while ((await sentNow()).n === 0) await sleep(200);

  const samples: { t: number; sent: number; mailing: number; phase: "baseline" | "during" }[] = [];
  let phase: "baseline" | "during" = "baseline";
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const r = await sentNow();
      samples.push({ t: performance.now(), sent: sentBefore + r.n, mailing: mailings, phase });
      if (r.status === "SENT") {
        sentBefore += r.n;
        await newMailing();
      }
      await sleep(1000);
    }
  })();

  const summarise = (p: "baseline" | "during"): MailingPhase => {
    const xs = samples.filter((s) => s.phase === p);
    if (xs.length < 2) return { sent: 0, seconds: 0, slowest5s: null };
    const first = xs[0]!;
    const last = xs[xs.length - 1]!;
    let slowest: number | null = null;
    for (let i = 0, j = 0; i < xs.length; i++) {
      while (j < xs.length && xs[j]!.t - xs[i]!.t < 5000) j++;
      if (j === xs.length) break;
      // Within one mailing: the pause between one mailing's end and the next one's first batch is not a stall.
      if (xs[j]!.mailing !== xs[i]!.mailing) continue;
      const rate = (xs[j]!.sent - xs[i]!.sent) / ((xs[j]!.t - xs[i]!.t) / 1000);
      slowest = slowest === null ? rate : Math.min(slowest, rate);
    }
    return { sent: last.sent - first.sent, seconds: (last.t - first.t) / 1000, slowest5s: slowest };
  };

  const result: RunningMailing = {
    during: () => (phase = "during"),
    stop: async () => {
      stopped = true;
      await loop;
      const status = readFileSync(`/proc/${worker.child.pid}/status`, "utf8");
      const workerPeakRssKb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      return {
        baseline: summarise("baseline"),
        during: summarise("during"),
        mailings,
        violations: worker.fake.violations.length,
        workerPeakRssKb,
      };
    },
  };
  return result;
}

export async function stopMailingWorker(worker: { child: ChildProcess; fake: FakeResend }) {
  worker.child.kill("SIGTERM");
  await new Promise((r) => (worker.child.exitCode !== null ? r(null) : worker.child.once("exit", r)));
  await worker.fake.close();
}
