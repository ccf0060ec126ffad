// The jobs that run on a clock rather than on a request: pg-boss cron schedules, one queue each. To add one, add an
// entry to scheduledJobs; startSchedules creates its queue, schedules it, works it and runs it once at start.
import "server-only";
import { errorLabel } from "@/lib/log/error-label";
import type { PgBoss } from "pg-boss";
import { verifyAuditChainFully } from "@/lib/audit/check-audit-chain";
import type { Db } from "@/lib/db/client";
import { pruneRegister } from "@/lib/maintenance/prune-register";
import { sendRegistrationNotices } from "@/lib/notices/send-registration-notices";
import { getPolicy } from "@/lib/policy/current-policy";
import { notifyAccountManagers } from "@/lib/retention/notify-account-managers";
import { runRetention } from "@/lib/retention/run-retention";
import { refreshStaleContactFacts } from "@/lib/segments/refresh-stale-contact-facts";
import { FINISHED_JOB_KEEP_SECONDS } from "./queues";

export type ScheduledJobContext = { db: Db; now: Date; suppressionKey: string; publicUrl: string };

/** What the schedule reads from the configuration (lib/env/config.ts). */
export type ScheduleSettings = { retentionHour: number };

export type ScheduledJob = {
  /** The pg-boss queue, which is also the schedule's name. */
  queue: string;
  /** Five-field cron, read in SCHEDULE_TIME_ZONE. */
  cron: string;
  why: string;
  /** Does the work; answers one log line (counts, never personal data). Throwing fails the job, which is retried. */
  run: (ctx: ScheduledJobContext) => Promise<string>;
};

/** The deployment's working day: "at night" means a Swedish night, summer time included. */
export const SCHEDULE_TIME_ZONE = "Europe/Stockholm";

// Daily jobs run between 03:00 and 04:00: after the UTC date has turned (CURRENT_DATE on the database) and outside
// 02:00-03:00, the hour summer time skips in spring and repeats in autumn.
export const scheduledJobs = (settings: ScheduleSettings): readonly ScheduledJob[] => [
  {
    queue: "retention",
    // At the configured hour (RETENTION_HOUR), on the minute no other daily job uses.
    cron: `30 ${settings.retentionHour} * * *`,
    why: "contacts whose deletion date has passed are deleted, as the policy promises (lib/retention/run-retention.ts)",
    run: async ({ db, now, suppressionKey, publicUrl }) => {
      const r = await runRetention({ db, suppressionKey, trigger: "schedule", now });
      const told = await notifyAccountManagers({ db, now, publicUrl });
      const failed = r.failed > 0 ? `, ${r.failed} failed (tried again next run)` : "";
      return `retention: ${r.swept} contacts checked, ${r.deleted} deleted, ${r.held} held${failed}; ${told} account managers told of contacts due within 30 days`;
    },
  },
  {
    queue: "contact-facts-refresh",
    cron: "15 3 * * *",
    why: "ContactFacts rows whose role dates have passed answer counts slower until recomputed",
    run: async ({ db }) => {
      const n = await refreshStaleContactFacts({ db });
      return `segment facts: ${n} contacts whose roles started or ended recomputed`;
    },
  },
  {
    queue: "audit-chain-verify",
    cron: "45 3 * * *",
    // Page views check only what is new since a checkpoint, so an edit further back is found here (and shown on the
    // audit page as the last full check).
    why: "the audit trail verified from its first entry",
    run: async ({ db, now }) => {
      const chain = await verifyAuditChainFully({ db, now });
      return chain.ok
        ? `audit chain: ${chain.entries} entries intact`
        : `audit chain BROKEN at entry ${chain.brokenAt}`;
    },
  },
  {
    queue: "registration-notice",
    // Monthly, on the 1st at 10:00 (working hours, when a reply can be answered): each run mails the people whose
    // last mail turned a year old during the past month, so after the first run the notices come in twelve small
    // mailings a year rather than one of the whole quiet register; one mailing a month, named by it, keeps the list
    // readable. A run later in the month (the worker's catch-up at start) finds the month's mailing and adds nothing.
    cron: "0 10 1 * *",
    why: "people we have not mailed in a year are told once a year that they are registered, why and until when",
    run: async ({ db, now }) => {
      const r = await sendRegistrationNotices({ db, now, nameLanguage: getPolicy().languages[0] });
      if (r.status === "off") return "registration notice: turned off";
      if (r.status === "exists") return `registration notice: this month's mailing exists (${r.mailingId})`;
      return `registration notice: mailing ${r.mailingId} for ${r.month} started`;
    },
  },
  {
    queue: "register-prune",
    cron: "5 * * * *",
    // Hourly so each run has an hour's growth to delete, never a day's (lib/maintenance/prune-rules.ts).
    why: "tables that grow by themselves kept to their rules",
    run: async ({ db, now }) => {
      const outcomes = await pruneRegister({ db, now });
      const failed = outcomes.filter((o) => "error" in o);
      const deleted = outcomes.filter((o) => "deleted" in o && o.deleted > 0);
      const summary = deleted.map((o) => `${o.table} ${"deleted" in o ? o.deleted : 0}`).join(", ") || "nothing";
      if (failed.length > 0) {
        throw new Error(`register prune: ${summary} deleted; failed: ${failed.map((o) => o.table).join(", ")}`);
      }
      return `register prune: ${summary} deleted`;
    },
  },
];

/** Cron and catch-up runs share one key, so the `exclusive` queue holds at most one of them queued or running. */
const RUN_KEY = "run";

const SCHEDULED_QUEUE = {
  // A full audit-chain check takes about a minute per 5,000,000 entries, a first prune of a long backlog minutes.
  expireInSeconds: 60 * 60,
  retryLimit: 2,
  retryDelay: 60,
  notify: true,
  deleteAfterSeconds: FINISHED_JOB_KEEP_SECONDS,
  // A run still waiting after a day is replaced by the next one: it is not worth keeping.
  retentionSeconds: 24 * 60 * 60,
};

export async function startSchedules(opts: {
  boss: PgBoss;
  db: Db;
  settings: ScheduleSettings;
  suppressionKey: string;
  publicUrl: string;
  log: (message: string) => void;
}): Promise<void> {
  const { boss, db, log } = opts;
  const jobs = scheduledJobs(opts.settings);
  for (const job of jobs) {
    // exclusive: two workers never run the same scheduled job at once, and a run is not queued behind another.
    await boss.createQueue(job.queue, { policy: "exclusive", ...SCHEDULED_QUEUE });
    await boss.updateQueue(job.queue, SCHEDULED_QUEUE);
    await boss.work(job.queue, async () => {
      try {
        log(await job.run({ db, now: new Date(), suppressionKey: opts.suppressionKey, publicUrl: opts.publicUrl }));
      } catch (error) {
        log(`${job.queue} failed: ${errorLabel(error)}`);
        throw error;
      }
    });
    // An upsert: every worker start writes the same row, and a changed cron in this list replaces the old one.
    await boss.schedule(job.queue, job.cron, null, { tz: SCHEDULE_TIME_ZONE, singletonKey: RUN_KEY });
    // Catch-up: the daily jobs would otherwise wait up to a day after a deployment that was down at their hour. A
    // second worker starting at the same time finds this run queued or running and sends nothing.
    await boss.send(job.queue, null, { singletonKey: RUN_KEY });
  }
  // A job taken out of the list stops being scheduled, rather than filling a queue nobody works.
  for (const schedule of await boss.getSchedules()) {
    if (!jobs.some((job) => job.queue === schedule.name)) await boss.unschedule(schedule.name, schedule.key);
  }
}
