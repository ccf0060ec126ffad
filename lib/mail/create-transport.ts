import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import type { Config } from "@/lib/env/config";
import { defaultSender } from "./default-sender";
import { createOutboxTransport } from "./outbox-transport";
import { createResendTransport } from "./resend-transport";
import type { RetryOptions } from "./retry-policy";
import type { MailTransport } from "./types";

export type CreateTransportOptions = {
  /** Usually getConfig().mail; tests pass their own. Without `from`, the default sender (MAIL_FROM or the policy's). */
  config: Config["mail"];
  /** The outbox writes here; pass the transaction client to store mail atomically with other changes. */
  db: DbOrTx;
  retry?: RetryOptions;
};

export function createTransport({ config, db, retry }: CreateTransportOptions): MailTransport {
  const from = config.from ?? defaultSender();
  if (config.transport === "resend") {
    return createResendTransport({
      apiKey: config.apiKey,
      from,
      baseUrl: config.baseUrl,
      retry,
      timeoutMs: config.timeoutMs,
    });
  }
  return createOutboxTransport({ db, from });
}
