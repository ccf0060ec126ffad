// The one way the app sends a mail. Never throws for provider errors: the result says what happened.
import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import { getConfig } from "@/lib/env/config";
import { requestLogger } from "@/lib/log/request-logger";
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
  const log = await requestLogger();
  // The mail's category tag and the outcome, never the recipient or subject.
  const category = message.tags?.find((t) => t.name === "category")?.value;
  const prepared = await prepareMail(message);
  if (!prepared.ok) {
    log.warn({ category, code: prepared.code }, "mail not prepared");
    return prepared;
  }
  const via = transport ?? createTransport({ config: getConfig().mail, db });
  const result = await via.send(prepared.mail, { idempotencyKey: message.idempotencyKey });
  if (result.ok) log.debug({ category }, "mail sent");
  else log.warn({ category, code: result.code }, "mail not sent");
  return result;
}
