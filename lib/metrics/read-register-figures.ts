// What /api/metrics reports from the application's tables, read at scrape time so every web instance and worker
// agrees (no counter lives in one process's memory). Two statements, each cheap at any register size:
// - mail: the per-mailing tallies (MailingTally, kept by a trigger on Delivery): a few rows per mailing, never
//   Delivery itself;
// - one row of scalar subqueries, each an index probe or a range over a small table: webhook lag (the oldest due
//   delivery per enabled endpoint, index (endpointId, status, nextAttemptAt)), deliveries waiting for a retry and
//   dead letters (index (status, nextAttemptAt)), endpoints, retention runs (a row a day) and live workers.
import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import type { DeliveryStatus } from "@/lib/generated/prisma/enums";
import { WORKER_HEARTBEAT_FRESH_MS } from "@/lib/jobs/worker-heartbeat";

export type RegisterFigures = {
  /** Deliveries of every mailing by status, as the tallies hold them (statuses without any are absent). */
  deliveries: Partial<Record<DeliveryStatus, number>>;
  webhooks: {
    /** Seconds the oldest due, undelivered delivery to an enabled endpoint has waited; 0 when none is due. */
    lagSeconds: number;
    /** Pending deliveries whose last attempt failed and that wait for their retry. */
    retrying: number;
    /** Deliveries given up on (kept 90 days, lib/maintenance/prune-rules.ts). */
    deadLetters: number;
    /** Failed attempts in a row, summed over the enabled endpoints (a success resets an endpoint's count). */
    consecutiveFailures: number;
    endpoints: { enabled: number; disabledByFailures: number; disabledOther: number };
  };
  retention: {
    /** Runs of the retention job (not dry runs) that finished; never decreases. */
    finishedRuns: number;
    /** Runs started and not finished: one running now, or stopped to be continued by the next. */
    unfinishedRuns: number;
    /** The latest finished run, or null before the first. */
    last: { finishedAt: Date; deleted: number; held: number; failed: number } | null;
  };
  /** Worker processes whose heartbeat is fresh (lib/jobs/worker-heartbeat.ts). */
  liveWorkers: number;
};

type Row = {
  lag: number | null;
  retrying: number;
  dead: number;
  failures: number;
  enabled: number;
  disabled_failures: number;
  disabled_other: number;
  finished_runs: number;
  unfinished_runs: number;
  last_finished_at: Date | null;
  last_deleted: number | null;
  last_held: number | null;
  last_failed: number | null;
  live_workers: number;
};

export async function readRegisterFigures(opts: { db: DbOrTx; now: Date }): Promise<RegisterFigures> {
  // Deliveries' times are the workers' clocks, stored as UTC timestamps without zone (as find-due-lanes.ts compares).
  const now = opts.now.toISOString();
  const [tallies, [row]] = await Promise.all([
    opts.db.$queryRaw<{ status: DeliveryStatus; n: number }[]>`
      SELECT status::text AS status, sum(n)::float8 AS n FROM "MailingTally" GROUP BY status`,
    opts.db.$queryRaw<Row[]>`
      SELECT
        (SELECT EXTRACT(EPOCH FROM (${now}::timestamp - min(due.at)))::float8
           FROM "WebhookEndpoint" ep
           CROSS JOIN LATERAL (SELECT d."nextAttemptAt" AS at FROM "WebhookDelivery" d
                                WHERE d."endpointId" = ep.id AND d.status = 'PENDING'
                                  AND d."nextAttemptAt" <= ${now}::timestamp
                                ORDER BY d."nextAttemptAt" LIMIT 1) due
          WHERE ep.enabled) AS lag,
        (SELECT count(*)::int FROM "WebhookDelivery"
          WHERE status = 'PENDING' AND "nextAttemptAt" > ${now}::timestamp AND attempts > 0) AS retrying,
        (SELECT count(*)::int FROM "WebhookDelivery" WHERE status = 'DEAD') AS dead,
        (SELECT COALESCE(sum("consecutiveFailures"), 0)::int FROM "WebhookEndpoint" WHERE enabled) AS failures,
        (SELECT count(*)::int FROM "WebhookEndpoint" WHERE enabled) AS enabled,
        (SELECT count(*)::int FROM "WebhookEndpoint"
          WHERE NOT enabled AND "disabledReason" = 'failures') AS disabled_failures,
        (SELECT count(*)::int FROM "WebhookEndpoint"
          WHERE NOT enabled AND "disabledReason" IS DISTINCT FROM 'failures') AS disabled_other,
        (SELECT count(*)::int FROM "RetentionRun" WHERE NOT "dryRun" AND "finishedAt" IS NOT NULL) AS finished_runs,
        (SELECT count(*)::int FROM "RetentionRun" WHERE NOT "dryRun" AND "finishedAt" IS NULL) AS unfinished_runs,
        last."finishedAt" AS last_finished_at, last.deleted AS last_deleted, last.held AS last_held,
        last.failed AS last_failed,
        (SELECT count(*)::int FROM "WorkerHeartbeat"
          WHERE "beatAt" > (now() AT TIME ZONE 'UTC')
                           - make_interval(secs => ${WORKER_HEARTBEAT_FRESH_MS / 1000})) AS live_workers
      FROM (SELECT 1) one
      LEFT JOIN LATERAL (SELECT r."finishedAt", r.deleted, r.held, r.failed FROM "RetentionRun" r
                          WHERE NOT r."dryRun" AND r."finishedAt" IS NOT NULL
                          ORDER BY r."startedAt" DESC LIMIT 1) last ON true`,
  ]);
  if (!row) throw new Error("the figures' query answered no row");
  return {
    deliveries: Object.fromEntries(tallies.map((t) => [t.status, t.n])),
    webhooks: {
      lagSeconds: Math.max(0, row.lag ?? 0),
      retrying: row.retrying,
      deadLetters: row.dead,
      consecutiveFailures: row.failures,
      endpoints: {
        enabled: row.enabled,
        disabledByFailures: row.disabled_failures,
        disabledOther: row.disabled_other,
      },
    },
    retention: {
      finishedRuns: row.finished_runs,
      unfinishedRuns: row.unfinished_runs,
      last:
        row.last_finished_at === null
          ? null
          : {
              finishedAt: row.last_finished_at,
              deleted: row.last_deleted ?? 0,
              held: row.last_held ?? 0,
              failed: row.last_failed ?? 0,
            },
    },
    liveWorkers: row.live_workers,
  };
}
