// Every table that grows by itself, with how long its rows are kept and why. The hourly `register-prune` job
// (lib/jobs/schedules.ts) applies them all; ARCHITECTURE.md ("register upkeep") lists the same rules for readers.
// pg-boss's own jobs are not here: their queues delete finished jobs themselves (deleteAfterSeconds in
// lib/jobs/queues.ts and lib/jobs/schedules.ts), so no SQL of ours touches the pgboss schema.
// QueuedMail is here only for rows that can never be sent: a sent row is deleted at once (send-queued-mail.ts).
import "server-only";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { deleteInBatches } from "./delete-in-batches";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/**
 * How long a row that carries its own expiry is kept after it. The expiry is judged by whichever process reads the
 * row (a web server), this job by the worker's clock; an hour covers any skew between them (a link token itself
 * tolerates five minutes), so a row is never gone while another process could still accept what it guards.
 */
export const PAST_EXPIRY_MS = 1 * HOUR;
/**
 * Resend (Svix) retries a webhook for about a day, and the id is only needed to recognise those redeliveries. A
 * quarter lets "did we get the bounce for that mailing?" still be answered; the row holds no personal data.
 */
export const WEBHOOK_EVENT_KEEP_MS = 90 * DAY;
/** The outbox is the development transport's mailbox (`/dev/mail`): a month of test mail, not an archive. */
export const OUTBOX_KEEP_MS = 30 * DAY;
/**
 * Queued mail is retried at most hourly and never given up on for a passing failure; after a month (some 700
 * attempts) the failure is not passing, and the row must not keep an erased person's address (a receipt) for ever.
 */
export const ABANDONED_QUEUED_MAIL_MS = 30 * DAY;
/**
 * A retention deletion leaves a keyed hash of the address so that re-importing an old file warns (ARCHITECTURE.md).
 * Old exports and CRM lists surface within a few years of the deletion, if at all; after three the hash is kept
 * without a use, and it is itself data about a person.
 */
export const RETENTION_TOMBSTONE_KEEP_MS = 3 * 365 * DAY;
/** rate-limiter-flexible keeps a bucket this long past its window (its own pruner's period); it then is a reset. */
export const RATE_LIMIT_PAST_WINDOW_MS = 1 * HOUR;

/**
 * What a downstream system was told, kept a quarter: long enough for the person's page to show what went to whom
 * (Art. 19), for admins to look into a failure and replay a dead letter, and no longer, since a correction's event
 * carries the new values.
 */
export const WEBHOOK_DELIVERY_KEEP_MS = 90 * DAY;

/**
 * A worker's heartbeat row is deleted when it stops; a killed worker's stays. A day keeps yesterday's crash visible to
 * whoever looks into it (host and pid), and no longer: a row per process start would otherwise pile up.
 */
export const WORKER_HEARTBEAT_KEEP_MS = 1 * DAY;

/**
 * An import's progress row is read by its progress bar while it runs, and by a late poll just after; the longest
 * import takes minutes. A day leaves room for a slow one and for looking into a failed one the same day.
 */
export const IMPORT_PROGRESS_KEEP_MS = 1 * DAY;

export type PruneRule = {
  table: string;
  /** For people: the period and what it counts from. */
  keptFor: string;
  why: string;
  prune: (db: Db, now: Date, batchSize?: number) => Promise<number>;
};

/** Prisma stores DateTime as UTC timestamp without zone; compared as such, whatever the session's time zone. */
const timestamp = (at: number) => Prisma.sql`${new Date(at).toISOString()}::timestamp`;

/** A rule deleting the rows whose `column` is more than `keepMs` before now (and that match `also`). */
function olderThan(opts: {
  table: string;
  key: string;
  column: string;
  keepMs: number;
  keptFor: string;
  why: string;
  also?: Prisma.Sql;
}): PruneRule {
  return {
    table: opts.table,
    keptFor: opts.keptFor,
    why: opts.why,
    prune: (db, now, batchSize) => {
      const old = Prisma.sql`${Prisma.raw(`"${opts.column}"`)} < ${timestamp(now.getTime() - opts.keepMs)}`;
      return deleteInBatches({
        db,
        table: `"${opts.table}"`,
        key: `"${opts.key}"`,
        where: opts.also ? Prisma.sql`${old} AND ${opts.also}` : old,
        batchSize,
      });
    },
  };
}

export const PRUNE_RULES: readonly PruneRule[] = [
  olderThan({
    table: "SpentLinkToken",
    key: "id",
    column: "expiresAt",
    keepMs: PAST_EXPIRY_MS,
    keptFor: "1 hour past the link's expiry",
    why: "a spent row only refuses a second use of a single-use link; once the link has expired it is refused anyway",
  }),
  {
    table: "RateLimit",
    keptFor: "1 hour past the bucket's window",
    why: "a bucket past its window counts nothing: the next request starts a new one (the store prunes so too)",
    // `expire` is the window's end in epoch milliseconds (rate-limiter-flexible's layout); null never expires.
    prune: (db, now, batchSize) =>
      deleteInBatches({
        db,
        table: `"RateLimit"`,
        key: `"key"`,
        where: Prisma.sql`expire < ${String(now.getTime() - RATE_LIMIT_PAST_WINDOW_MS)}::bigint`,
        batchSize,
      }),
  },
  olderThan({
    table: "WebhookEvent",
    key: "id",
    column: "receivedAt",
    keepMs: WEBHOOK_EVENT_KEEP_MS,
    keptFor: "90 days after receipt",
    why: "the id only recognises a redelivered event; redeliveries stop within days",
  }),
  olderThan({
    table: "OutboxMessage",
    key: "id",
    column: "createdAt",
    keepMs: OUTBOX_KEEP_MS,
    keptFor: "30 days",
    why: "development mailbox with whole messages and addresses; a month is enough to look at test mail",
  }),
  olderThan({
    table: "PendingEmailChange",
    key: "id",
    column: "expiresAt",
    keepMs: PAST_EXPIRY_MS,
    keptFor: "1 hour past expiry",
    why: "an unconfirmed new address is personal data with no use once its confirmation link has expired",
  }),
  olderThan({
    table: "PendingSignup",
    key: "id",
    column: "expiresAt",
    keepMs: PAST_EXPIRY_MS,
    keptFor: "1 hour past expiry (the link lives 48 hours)",
    why: "an unconfirmed sign-up holds an address nobody confirmed; once its link has expired it has no use",
  }),
  olderThan({
    table: "VerificationToken",
    key: "token",
    column: "expires",
    keepMs: PAST_EXPIRY_MS,
    keptFor: "1 hour past expiry",
    why: "a staff sign-in link that has expired can no longer sign anyone in",
  }),
  olderThan({
    table: "Session",
    key: "id",
    column: "expires",
    keepMs: PAST_EXPIRY_MS,
    keptFor: "1 hour past expiry",
    why: "an expired staff session is refused; its expiry is never past the sign-in's absolute limit",
  }),
  olderThan({
    table: "RetentionTombstone",
    key: "addressHash",
    column: "deletedOn",
    keepMs: RETENTION_TOMBSTONE_KEEP_MS,
    keptFor: "3 years after the retention deletion",
    why: "the keyed hash only warns when an old file with the address is imported again; old files surface early",
  }),
  olderThan({
    table: "QueuedMail",
    key: "id",
    column: "createdAt",
    keepMs: ABANDONED_QUEUED_MAIL_MS,
    keptFor: "30 days, only rows that failed (sent rows are deleted at once)",
    why: "a mail still failing after a month of retries will not be sent, and it holds an address",
    // Only rows that have failed: one never tried is waiting for a worker, and is sent when one starts.
    also: Prisma.sql`"lastError" IS NOT NULL`,
  }),
  olderThan({
    table: "WebhookDelivery",
    key: "id",
    column: "updatedAt",
    keepMs: WEBHOOK_DELIVERY_KEEP_MS,
    keptFor: "90 days after delivery or after it became a dead letter",
    why: "shows the person and the admins what was sent where; a dead letter can be replayed meanwhile",
    also: Prisma.sql`status <> 'PENDING'`,
  }),
  olderThan({
    table: "OutboundEvent",
    key: "id",
    column: "occurredAt",
    keepMs: WEBHOOK_DELIVERY_KEEP_MS,
    keptFor: "90 days, once no delivery of it remains",
    why: "an event only exists to be delivered; a correction's event holds the new values",
    also: Prisma.sql`NOT EXISTS (SELECT 1 FROM "WebhookDelivery" d WHERE d."eventId" = "OutboundEvent".id)`,
  }),
  olderThan({
    table: "WorkerHeartbeat",
    key: "id",
    column: "beatAt",
    keepMs: WORKER_HEARTBEAT_KEEP_MS,
    keptFor: "1 day after the worker's last beat",
    why: "a worker killed without stopping leaves its row; a day later it says nothing the logs do not",
  }),
  olderThan({
    table: "ImportProgress",
    key: "id",
    column: "updatedAt",
    keepMs: IMPORT_PROGRESS_KEEP_MS,
    keptFor: "1 day after its last change",
    why: "only the import's progress bar reads it, while the import runs and just after",
  }),
  olderThan({
    table: "ResendContactLink",
    key: "contactId",
    column: "syncedAt",
    keepMs: WEBHOOK_DELIVERY_KEEP_MS,
    keptFor: "90 days after the last sync, once the contact is gone and no delivery to Resend waits for it",
    why: "after an erasure the link only leads the connector to the Resend contact to delete; one it never got to (connector turned off) is a pseudonymous trace of the person",
    also: Prisma.sql`NOT EXISTS (SELECT 1 FROM "Contact" c WHERE c.id = "ResendContactLink"."contactId")
      AND NOT EXISTS (SELECT 1 FROM "WebhookDelivery" d WHERE d.lane = "ResendContactLink"."contactId" AND d.status = 'PENDING')`,
  }),
];
