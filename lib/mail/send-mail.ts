// The one way the app sends a mail. Never throws for provider errors: the result says what happened.
import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import { getConfig } from "@/lib/env/config";
import { createTransport } from "./create-transport";
import { prepareMail } from "./prepare-mail";
import type { MailMessage, MailTransport, SendMailResult } from "./types";

export type SendMailOptions = {
  db: DbOrTx;
  message: MailMessage;
  /** Defaults to the transport configured by MAIL_TRANSPORT. */
  transport?: MailTransport;
};

export async function sendMail({ db, message, transport }: SendMailOptions): Promise<SendMailResult> {
  const prepared = await prepareMail(message);
  if (!prepared.ok) return prepared;
  const via = transport ?? createTransport({ config: getConfig().mail, db });
  return via.send(prepared.mail, { idempotencyKey: message.idempotencyKey });
}
