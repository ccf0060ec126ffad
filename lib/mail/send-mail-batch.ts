// Many messages at once (a mailing): validated and rendered first, so one bad message stops the batch before any
// mail goes out. Resend receives them in chunks of 100, each with a key derived from `idempotencyKey`.
import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import { getConfig } from "@/lib/env/config";
import { createTransport } from "./create-transport";
import { prepareMail } from "./prepare-mail";
import type { BatchMailMessage, MailTransport, OutgoingMail, SendMailResult } from "./types";

export type SendMailBatchOptions = {
  db: DbOrTx;
  messages: BatchMailMessage[];
  /** Give a stable key (e.g. "mailing-<id>") so that sending the same batch again cannot send twice. */
  idempotencyKey?: string;
  transport?: MailTransport;
};

export async function sendMailBatch({
  db,
  messages,
  idempotencyKey,
  transport,
}: SendMailBatchOptions): Promise<SendMailResult> {
  const mails: OutgoingMail[] = [];
  for (const [index, message] of messages.entries()) {
    const prepared = await prepareMail(message);
    if (!prepared.ok) return { ...prepared, message: `message ${index}: ${prepared.message}`, sentIds: [] };
    mails.push(prepared.mail);
  }
  if (mails.length === 0) return { ok: true, ids: [] };
  const via = transport ?? createTransport({ config: getConfig().mail, db });
  return via.sendBatch(mails, { idempotencyKey });
}
