// Registers the job handlers, the scheduled jobs (schedules.ts) and the mailing dispatcher on a started pg-boss, and
// sends queued mail (the erasure receipt) after the transactions that queued it have committed. Used by
// `npm run worker` (any number of processes) and, on the embedded database, inside the web server (instrumentation.ts).
import "server-only";
import { LRUCache } from "lru-cache";
import type { PgBoss } from "pg-boss";
import type { Db } from "@/lib/db/client";
import type { Config } from "@/lib/env/config";
import { errorLabel } from "@/lib/log/error-label";
import { logger } from "@/lib/log/logger";
import { createTransport } from "@/lib/mail/create-transport";
import { defaultSender } from "@/lib/mail/default-sender";
import { sendQueuedMail } from "@/lib/mail/send-queued-mail";
import type { MailTransport } from "@/lib/mail/types";
import { dispatchDueMailings } from "@/lib/mailings/pipeline/dispatch-due-mailings";
import { expandMailing } from "@/lib/mailings/pipeline/expand-mailing";
import { reserveSendSlot } from "@/lib/mailings/pipeline/reserve-send-slot";
import { sendMailingBatch, type BatchContext } from "@/lib/mailings/pipeline/send-mailing-batch";
import type { CompiledMailing } from "@/lib/mailings/render-mailing";
import { deliverLane, type Send } from "@/lib/outbound-webhooks/deliver-lane";
import { keepResendEndpoint } from "@/lib/connectors/resend/keep-resend-endpoint";
import { createResendContactsClient } from "@/lib/connectors/resend/resend-contacts-client";
import { createResendSend } from "@/lib/connectors/resend/send-to-resend";
import { RESEND_API_URL } from "@/lib/mail/resend-transport";
import { DEFAULT_WEBHOOK_SETTINGS } from "@/lib/outbound-webhooks/deliver-lane";
import { findDueLanes } from "@/lib/outbound-webhooks/find-due-lanes";
import { batchKey, deliverWebhooksJob, ensureQueues, expandMailingJob, laneKey, QUEUES, sendBatchJob } from "./queues";
import { startSchedules } from "./schedules";
import { startWorkerHeartbeat, type WorkerMode } from "./worker-heartbeat";

export type Workers = {
  /**
   * Takes no new jobs, lets the handlers running finish for up to `graceMs`, then fails the jobs still running, which
   * puts them back in their queues for another worker (retry); closes pg-boss's connections.
   */
  stop: (opts?: { graceMs?: number }) => Promise<void>;
};

/** Keeps the connector's endpoint row in step with the configuration and gives its lanes their way to Resend. */
async function startResendConnector(
  db: Db,
  config: Pick<Config, "mail" | "suppressionKey" | "jobs"> & Partial<Pick<Config, "resendConnector">>,
): Promise<Send | undefined> {
  const connector = config.resendConnector ?? null;
  const mail = config.mail.transport === "resend" ? config.mail : null;
  await keepResendEndpoint({ db, enabled: Boolean(connector && mail), apiUrl: mail?.baseUrl ?? RESEND_API_URL });
  if (!connector || !mail) return undefined;
  const client = createResendContactsClient({
    db,
    apiKey: mail.apiKey,
    baseUrl: mail.baseUrl,
    ratePerSecond: config.jobs.sendRatePerSecond,
  });
  return createResendSend({ db, client, topics: connector.topics, suppressionKey: config.suppressionKey });
}

/** Compiled mailing templates one worker keeps (by mailing, version and language). */
const TEMPLATES_KEPT = 32;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/** Lanes (endpoint and contact) one worker delivers side by side. */
const WEBHOOK_LANES_AT_ONCE = 32;

export async function startWorkers(opts: {
  db: Db;
  boss: PgBoss;
  config: Pick<Config, "publicUrl" | "linkKeys" | "suppressionKey" | "mail" | "jobs"> &
    Partial<Pick<Config, "webhooks" | "resendConnector">>;
  transport?: MailTransport;
  dispatchIntervalMs?: number;
  webhookIntervalMs?: number;
  /** Independent fetch loops of webhook lanes (default WEBHOOK_LANES_AT_ONCE / 2). */
  webhookLoops?: number;
  log?: (message: string) => void;
  /** How this process runs the workers, for its heartbeat row (default "worker", `npm run worker`). */
  mode?: WorkerMode;
}): Promise<Workers> {
  const { db, boss, config } = opts;
  // Messages here name mailings, batches and counts, never recipients.
  const log = opts.log ?? ((m: string) => logger().info({ component: "worker" }, m));
  await ensureQueues(boss, config.jobs.leaseSeconds);

  const enqueueBatches = async (mailingId: string, batches: number[]) => {
    for (let i = 0; i < batches.length; i += 1000) {
      await boss.insert(
        QUEUES.sendBatch,
        batches
          .slice(i, i + 1000)
          .map((batch) => ({ data: { mailingId, batch }, singletonKey: batchKey({ mailingId, batch }) })),
      );
    }
  };
  const enqueueExpansion = async (mailingId: string) => {
    await boss.send(QUEUES.expandMailing, { mailingId }, { singletonKey: mailingId });
  };

  const ctx: BatchContext = {
    db,
    transport: opts.transport ?? createTransport({ config: config.mail, db }),
    publicUrl: config.publicUrl,
    linkKeys: config.linkKeys,
    suppressionKey: config.suppressionKey,
    mailFrom: defaultSender(),
    // A job waits for its slot at most a quarter of its lease; a longer Retry-After gives the job back to be retried.
    pace: () =>
      reserveSendSlot(db, config.jobs.sendRatePerSecond, { maxWaitMs: (config.jobs.leaseSeconds * 1000) / 4 }),
    // Templates of the mailings being sent (a few languages each): bounded, so a worker in a 128 MB heap that has
    // sent hundreds of mailings does not keep them all.
    cache: new LRUCache<string, Promise<CompiledMailing>>({ max: TEMPLATES_KEPT }),
    naiveRender: config.jobs.naiveRender,
  };

  await boss.work(QUEUES.expandMailing, { pollingIntervalSeconds: 1 }, async ([job]) => {
    const { mailingId } = expandMailingJob.parse(job!.data);
    const result = await expandMailing({ db, mailingId, enqueue: enqueueBatches });
    log(`mailing ${mailingId}: ${result.status}, ${result.deliveries} deliveries added`);
  });

  // Each fetch takes up to `concurrency` batches and sends them side by side; while fetches come back full the worker
  // keeps fetching without waiting, so a large mailing is not slowed by the polling interval.
  await boss.work(
    QUEUES.sendBatch,
    // notifyPollingIntervalSeconds: a batch retried after a failure becomes due by its delay, which sends no notify;
    // without it a worker listening for notifies looks again only every 30 s, whatever the back-off says.
    {
      batchSize: config.jobs.concurrency,
      burstWhenBatchFull: true,
      perJobResults: true,
      pollingIntervalSeconds: 0.5,
      notifyPollingIntervalSeconds: 2,
    },
    async (jobs) => {
      return Promise.all(
        jobs.map(async (job) => {
          try {
            const { mailingId, batch } = sendBatchJob.parse(job.data);
            const outcome = await sendMailingBatch(ctx, mailingId, batch);
            return { id: job.id, status: "completed" as const, output: outcome };
          } catch (error) {
            const message = errorLabel(error);
            log(`batch job ${job.id} will be retried: ${message}`);
            return { id: job.id, status: "failed" as const, output: { message } };
          }
        }),
      );
    },
  );

  // Outbound webhooks: many lanes side by side (a receiver's latency, not our CPU, is the limit), each lane in order.
  const laneContext = {
    db,
    settings: config.webhooks ?? DEFAULT_WEBHOOK_SETTINGS,
    publicUrl: config.publicUrl,
    budgetMs: (config.jobs.leaseSeconds * 1000) / 2,
    resend: await startResendConnector(db, config),
  };
  await boss.work(
    QUEUES.deliverWebhooks,
    // Independent fetch loops (localConcurrency), so one lane waiting out a receiver's timeout never holds the others;
    // each loop fetches again at once while batches come back full, and polls every 2 s besides the insert's notify
    // (pg-boss would otherwise wait 30 s for a job that became due by its retry delay, without a notify).
    {
      localConcurrency: opts.webhookLoops ?? WEBHOOK_LANES_AT_ONCE / 2,
      batchSize: 2,
      burstWhenBatchFull: true,
      perJobResults: true,
      pollingIntervalSeconds: 0.5,
      notifyPollingIntervalSeconds: 2,
    },
    async (jobs) =>
      Promise.all(
        jobs.map(async (job) => {
          try {
            const { endpointId, lane } = deliverWebhooksJob.parse(job.data);
            const output = await deliverLane(laneContext, endpointId, lane);
            return { id: job.id, status: "completed" as const, output };
          } catch (error) {
            const message = errorLabel(error);
            log(`webhook job ${job.id} will be retried: ${message}`);
            return { id: job.id, status: "failed" as const, output: { message } };
          }
        }),
      ),
  );
  let lanesRunning: Promise<void> | null = null;
  const enqueueDueLanes = () => (lanesRunning ??= findAndEnqueueLanes().finally(() => (lanesRunning = null)));
  const findAndEnqueueLanes = async () => {
    try {
      const lanes = await findDueLanes({ db, now: new Date(), limit: 1000 });
      // exclusive on endpoint:lane: a lane already queued or being worked is not added twice.
      if (lanes.length > 0)
        await boss.insert(
          QUEUES.deliverWebhooks,
          lanes.map((l) => ({ data: l, singletonKey: laneKey(l) })),
        );
    } catch (error) {
      log(`webhook lanes failed: ${errorLabel(error)}`);
    }
  };
  const laneTimer = setInterval(enqueueDueLanes, opts.webhookIntervalMs ?? 250);
  void enqueueDueLanes();

  // Nightly and hourly upkeep (facts refresh, audit chain, register prune) runs on pg-boss schedules.
  await startSchedules({
    boss,
    db,
    log,
    settings: { retentionHour: config.jobs.retentionHour },
    suppressionKey: config.suppressionKey,
    publicUrl: config.publicUrl,
  });

  let ticking: Promise<void> | null = null;
  const tick = () => (ticking ??= dispatchAndSend().finally(() => (ticking = null)));
  const dispatchAndSend = async () => {
    try {
      await dispatchDueMailings({ db, enqueueExpansion });
    } catch (error) {
      log(`dispatch failed: ${errorLabel(error)}`);
    }
    // Queued mail on every tick too: a receipt goes out within a tick of its erasure, for one indexed query when
    // nothing is due. Its failures are kept on the row and retried with back-off (send-queued-mail.ts).
    try {
      await sendQueuedMail({ db, transport: ctx.transport, limit: 5, log });
    } catch (error) {
      log(`queued mail failed: ${errorLabel(error)}`);
    }
  };
  // Four times a second: a started mailing begins and a finished one is closed within a quarter of a second, for two
  // or three indexed queries per tick.
  const timer = setInterval(tick, opts.dispatchIntervalMs ?? 250);
  void tick();

  // Last, once everything above runs: /api/health/ready counts this process as a worker from its first beat.
  const heartbeat = await startWorkerHeartbeat({ db, mode: opts.mode ?? "worker", log });

  return {
    stop: async ({ graceMs = 30_000 } = {}) => {
      clearInterval(timer);
      clearInterval(laneTimer);
      // pg-boss stops fetching at once, waits for the running handlers until the grace is over, then fails what still
      // runs: a failed batch goes back to its queue (retry) and another worker sends it under the same idempotency
      // key. Its connections stay open until the dispatcher tick and lane check under way have ended too (they
      // enqueue through it, and a queued mail sent but not yet deleted would be sent again by the next worker).
      await heartbeat.stop();
      const handlers = boss.stop({ graceful: true, timeout: Math.max(1_000, graceMs), close: false });
      await Promise.race([Promise.allSettled([ticking, lanesRunning]), sleep(graceMs)]);
      await handlers;
      await boss.stop({ close: true });
    },
  };
}
