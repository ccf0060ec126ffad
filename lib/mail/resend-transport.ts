// Sends through Resend's official SDK. Single mail → POST /emails; batches → POST /emails/batch in chunks of 100.
import "server-only";
import { createHash, randomUUID } from "node:crypto";
import {
  Resend,
  type CreateBatchEmailOptions,
  type CreateBatchSuccessResponse,
  type CreateEmailResponseSuccess,
} from "resend";
import { withRetry, type RetryOptions } from "./retry-policy";
import type { MailTransport, OutgoingMail, SendMailResult } from "./types";

export const RESEND_API_URL = "https://api.resend.com";
/** Resend's limit for one batch call. */
export const RESEND_BATCH_LIMIT = 100;
const IDEMPOTENCY_KEY_MAX = 256;

export type ResendTransportOptions = {
  apiKey: string;
  from: string;
  baseUrl?: string;
  retry?: RetryOptions;
  /** Longest wait for one call's answer; then the attempt fails as unavailable, outcome unknown. */
  timeoutMs?: number;
};

export const DEFAULT_RESEND_TIMEOUT_MS = 30_000;

/**
 * The key of one chunk of a batch: stable for the same caller key and chunk, so sending the same batch again after a
 * partial failure resends only what did not go out (Resend answers the rest from its 24-hour idempotency store).
 */
export function chunkIdempotencyKey(batchKey: string, chunkIndex: number): string {
  const suffix = `/${chunkIndex}`;
  const base =
    batchKey.length + suffix.length <= IDEMPOTENCY_KEY_MAX
      ? batchKey
      : createHash("sha256").update(batchKey).digest("hex");
  return base + suffix;
}

export function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

export function createResendTransport({
  apiKey,
  from,
  baseUrl,
  retry,
  timeoutMs = DEFAULT_RESEND_TIMEOUT_MS,
}: ResendTransportOptions): MailTransport {
  // An explicit base URL, so the SDK never falls back to reading the environment itself.
  const client = new Resend(apiKey, { baseUrl: baseUrl ?? RESEND_API_URL });

  // The SDK copies every message again and serialises the batch itself; built here with plain assignments (no object
  // spreads), as this runs for every mail of a mailing.
  const payload = (mail: OutgoingMail): CreateBatchEmailOptions => {
    const p: CreateBatchEmailOptions = {
      from: mail.from ?? from,
      to: mail.to,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
    };
    if (mail.replyTo) p.replyTo = mail.replyTo;
    if (Object.keys(mail.headers).length > 0) p.headers = mail.headers;
    if (mail.tags.length > 0) p.tags = mail.tags;
    return p;
  };

  return {
    kind: "resend",

    async send(mail, options = {}): Promise<SendMailResult> {
      // Without a key of the caller's, one per call still makes our own retries safe.
      const idempotencyKey = options.idempotencyKey ?? randomUUID();
      const result = await withRetry<CreateEmailResponseSuccess>(
        () => client.emails.send(payload(mail), { idempotencyKey, signal: AbortSignal.timeout(timeoutMs) }),
        { ...retry, beforeAttempt: options.pace },
      );
      return result.ok ? { ok: true, ids: [result.data.id] } : result;
    },

    async sendBatch(mails, options = {}): Promise<SendMailResult> {
      const batchKey = options.idempotencyKey ?? randomUUID();
      const ids: string[] = [];
      for (const [index, part] of chunk(mails, RESEND_BATCH_LIMIT).entries()) {
        const idempotencyKey = chunkIdempotencyKey(batchKey, index);
        const result = await withRetry<CreateBatchSuccessResponse>(
          () => client.batch.send(part.map(payload), { idempotencyKey, signal: AbortSignal.timeout(timeoutMs) }),
          { ...retry, beforeAttempt: options.pace },
        );
        if (!result.ok) return { ...result, message: `chunk ${index}: ${result.message}`, sentIds: ids };
        ids.push(...result.data.data.map((d) => d.id));
      }
      return { ok: true, ids };
    },
  };
}
