// The worker's side of enqueueMail: sends queued mail that is due, deletes each row the moment the provider has taken
// it, and puts failures back with a growing delay (never dropped for a passing failure: a receipt must arrive).
// Times are passed as UTC text cast to timestamp, as Prisma stores them, whatever the session's time zone.
// Several workers may run this at once: each claims its rows with FOR UPDATE SKIP LOCKED and a lease, so a row is
// sent by one worker at a time, and a worker that dies mid-send leaves the row to be retried when the lease ends.
// The idempotency key is the row's id, so a retry after a send whose answer was lost is not sent twice (Resend keeps
// keys for 24 hours).
import "server-only";
import type { Db } from "@/lib/db/client";
import type { MailErrorCode, MailTag, MailTransport } from "./types";

/** How long a claimed row is left alone: longer than one send with the transport's own retries. */
export const QUEUED_MAIL_LEASE_MS = 2 * 60_000;
const FIRST_RETRY_MS = 15_000;
const LONGEST_RETRY_MS = 60 * 60_000;
/** Failures that sending the same mail again can never fix: the row is deleted rather than kept with the address. */
const PERMANENT: readonly MailErrorCode[] = ["invalid_message", "render_failed", "rejected", "idempotency_conflict"];

/** 15 s after the first failure, doubling, at most an hour. */
export function queuedMailRetryDelayMs(attempts: number): number {
  return Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
}

type Claimed = {
  id: string;
  to: string[];
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  tags: MailTag[];
  attempts: number;
};

export type SendQueuedMailResult = { sent: number; retrying: number; dropped: number };

export async function sendQueuedMail(opts: {
  db: Db;
  transport: MailTransport;
  now?: Date;
  limit?: number;
  log?: (message: string) => void;
}): Promise<SendQueuedMailResult> {
  const now = opts.now ?? new Date();
  const leaseUntil = new Date(now.getTime() + QUEUED_MAIL_LEASE_MS);
  const claimed = await opts.db.$queryRaw<Claimed[]>`
    UPDATE "QueuedMail" SET "nextAttemptAt" = ${leaseUntil.toISOString()}::timestamp, attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM "QueuedMail" WHERE "nextAttemptAt" <= ${now.toISOString()}::timestamp
      ORDER BY "nextAttemptAt" LIMIT ${opts.limit ?? 20} FOR UPDATE SKIP LOCKED)
    RETURNING id, "to", subject, html, text, headers, tags, attempts`;

  const result: SendQueuedMailResult = { sent: 0, retrying: 0, dropped: 0 };
  for (const mail of claimed) {
    let outcome: { ok: true } | { ok: false; code: MailErrorCode };
    try {
      outcome = await opts.transport.send(
        {
          to: mail.to,
          subject: mail.subject,
          html: mail.html,
          text: mail.text,
          headers: mail.headers,
          tags: mail.tags,
        },
        { idempotencyKey: `queued-mail/${mail.id}` },
      );
    } catch {
      outcome = { ok: false, code: "unavailable" };
    }
    if (outcome.ok) {
      await opts.db.queuedMail.deleteMany({ where: { id: mail.id } });
      result.sent++;
    } else if (PERMANENT.includes(outcome.code)) {
      await opts.db.queuedMail.deleteMany({ where: { id: mail.id } });
      opts.log?.(`queued mail ${mail.id} dropped after a permanent failure: ${outcome.code}`);
      result.dropped++;
    } else {
      await opts.db.queuedMail.updateMany({
        where: { id: mail.id },
        data: {
          nextAttemptAt: new Date(now.getTime() + queuedMailRetryDelayMs(mail.attempts)),
          lastError: outcome.code,
        },
      });
      opts.log?.(`queued mail ${mail.id} will be retried (attempt ${mail.attempts}): ${outcome.code}`);
      result.retrying++;
    }
  }
  return result;
}
