// Shapes shared by the mail use-cases and the two transports.
import type { ReactElement } from "react";

/** Resend's tag rule, applied to both transports so mail that works in development works in production. */
export type MailTag = { name: string; value: string };

type MailContent = { react: ReactElement; html?: never; text?: never } | { html: string; text: string; react?: never };

type MailEnvelope = {
  to: string | string[];
  subject: string;
  /** Defaults to the deployment's sender (MAIL_FROM, else the policy file's brand.sender: default-sender.ts). */
  from?: string;
  replyTo?: string;
  headers?: Record<string, string>;
  tags?: MailTag[];
};

export type MailMessage = MailContent &
  MailEnvelope & {
    /** Same key within 24 h: the provider sends once and answers with the first result. */
    idempotencyKey?: string;
  };

/** A message as the batch form takes it: one idempotency key covers the whole batch. */
export type BatchMailMessage = MailContent & MailEnvelope;

/** A validated, rendered message, ready for a transport. */
export type OutgoingMail = {
  to: string[];
  from?: string;
  replyTo?: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  tags: MailTag[];
};

export type MailErrorCode =
  | "invalid_message" // failed our validation before anything was sent
  | "render_failed"
  | "unauthorized" // the provider refused the API key
  | "rejected" // the provider refused the message; sending it again will not help
  | "idempotency_conflict" // an earlier request under the same key, with another body, reached the provider
  | "rate_limited" // still limited after the allowed retries, or asked to wait longer than we may
  | "quota_exceeded" // daily or monthly quota: retrying today will not help
  | "unavailable"; // provider or database unreachable or failing after the allowed retries

export type SendMailFailure = {
  ok: false;
  code: MailErrorCode;
  /** For logs and operators; never show it to a recipient. */
  message: string;
  /** When the provider said how long to wait (rate_limited). */
  retryAfterMs?: number;
  /** The provider's HTTP status of the last answer; null when none came (network failure, timeout). */
  status?: number | null;
  /**
   * Whether any attempt may have been accepted although it failed (a timeout, a dropped connection, a 5xx): then only
   * the same idempotency key within the provider's window may send it again. False when every answer said nothing
   * was sent (429, a refusal). Typed here so no caller has to read it from a message.
   */
  mayHaveSent?: boolean;
  /** Batch form: ids of the chunks that went out before the failure. */
  sentIds?: string[];
};

export type SendMailResult = { ok: true; ids: string[] } | SendMailFailure;

export type SendOptions = {
  idempotencyKey?: string;
  /** Waits for a slot under the shared rate limit before every attempt, retries included (the mailing pipeline's). */
  pace?: () => Promise<void>;
};

export interface MailTransport {
  readonly kind: "outbox" | "resend";
  send(mail: OutgoingMail, options?: SendOptions): Promise<SendMailResult>;
  /** Any number of messages; the transport splits them as its provider requires. */
  sendBatch(mails: OutgoingMail[], options?: SendOptions): Promise<SendMailResult>;
}
