// The job queues and their payloads. One queue per kind of work; payloads are validated when a worker takes a job.
import "server-only";
import type { PgBoss } from "pg-boss";
import { z } from "zod";

export const QUEUES = {
  /** Expand a mailing into deliveries (chunks of 5,000) and enqueue its batches; also re-enqueues after a resume. */
  expandMailing: "mailing-expand",
  /** Send one batch (≤ 100 deliveries) of a mailing. */
  sendBatch: "mailing-send-batch",
  /** Deliver the due outbound webhooks of one lane (an endpoint and a contact), in order (lib/outbound-webhooks). */
  deliverWebhooks: "webhook-deliver",
} as const;

export const deliverWebhooksJob = z.object({ endpointId: z.string().min(1), lane: z.string().min(1) });
export const laneKey = (job: z.infer<typeof deliverWebhooksJob>) => `${job.endpointId}:${job.lane}`;

export const expandMailingJob = z.object({ mailingId: z.string().min(1) });
export const sendBatchJob = z.object({ mailingId: z.string().min(1), batch: z.number().int().min(0) });
export type SendBatchJob = z.infer<typeof sendBatchJob>;

export const batchKey = (job: SendBatchJob) => `${job.mailingId}:${job.batch}`;

/**
 * How long pg-boss keeps a finished (completed, failed or cancelled) job before its own maintenance deletes it: a
 * week, so a failure on a Friday can still be looked into the week after. A job holds ids and counts only; the
 * mailing's Delivery rows are the record of what was sent. This, not SQL of ours, is how pgboss.job is kept small.
 */
export const FINISHED_JOB_KEEP_SECONDS = 7 * 24 * 60 * 60;

/** pg-boss's retries of one batch job (see ensureQueues). */
export const SEND_RETRY_LIMIT = 1_000_000;

/**
 * `exclusive`: at most one job per singleton key queued or running, so a batch is never worked on twice at once and
 * re-enqueueing a batch that is already waiting is a no-op. The lease (expireInSeconds) returns a killed worker's
 * batch to the queue; retries back off.
 */
export async function ensureQueues(boss: PgBoss, leaseSeconds: number): Promise<void> {
  // notify: creating a job wakes the workers (where the instance listens; see boss.ts).
  const expand = {
    expireInSeconds: leaseSeconds * 5,
    retryLimit: 20,
    retryDelay: 2,
    retryBackoff: true,
    notify: true,
    deleteAfterSeconds: FINISHED_JOB_KEEP_SECONDS,
  };
  // A batch the provider refuses for now is retried for as long as its mailing is SENDING (a paused or cancelled
  // mailing's job completes at its next attempt): at most a minute apart, this limit is over a year of outage.
  const send = {
    expireInSeconds: leaseSeconds,
    retryLimit: SEND_RETRY_LIMIT,
    retryDelay: 1,
    retryBackoff: true,
    retryDelayMax: 60,
    notify: true,
    deleteAfterSeconds: FINISHED_JOB_KEEP_SECONDS,
  };
  // One job per lane at a time (exclusive on endpoint:lane), so two workers never send a contact's events side by
  // side; the delivery rows, not the job, hold the retry state, so a failed job only needs to come back.
  const webhooks = {
    expireInSeconds: leaseSeconds,
    retryLimit: 1000,
    retryDelay: 1,
    retryBackoff: true,
    retryDelayMax: 60,
    notify: true,
    deleteAfterSeconds: 24 * 60 * 60,
  };
  await boss.createQueue(QUEUES.deliverWebhooks, { policy: "exclusive", ...webhooks });
  await boss.updateQueue(QUEUES.deliverWebhooks, webhooks);
  await boss.createQueue(QUEUES.expandMailing, { policy: "exclusive", ...expand });
  await boss.createQueue(QUEUES.sendBatch, { policy: "exclusive", ...send });
  // createQueue leaves an existing queue as it was; a changed lease or retention setting must still apply.
  await boss.updateQueue(QUEUES.expandMailing, expand);
  await boss.updateQueue(QUEUES.sendBatch, send);
}

/** Expired leases are looked for this often: a quarter of the lease, between 1 and 30 seconds. */
export function superviseIntervalFor(leaseSeconds: number): number {
  return Math.min(30, Math.max(1, Math.floor(leaseSeconds / 4)));
}
