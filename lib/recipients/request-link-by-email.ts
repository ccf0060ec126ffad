// "Send me a link" (/preferences without a token): mails a fresh preference-page link to an address on the register.
// The caller learns nothing about the address: the result depends only on the client's own rate limit, and the
// lookup and sending happen off the request path, so known and unknown addresses take the same time to answer.
import type { Language } from "@/lib/i18n/languages";
import "server-only";
import { createElement } from "react";
import { z } from "zod";
import LinkRequestEmail, { linkRequestSubject } from "@/emails/link-request";
import type { Db } from "@/lib/db/client";
import { emailSchema } from "@/lib/contacts/normalise";
import { getConfig, type Config } from "@/lib/env/config";
import type { Logger } from "@/lib/log/logger";
import { requestLogger } from "@/lib/log/request-logger";
import { sendMail } from "@/lib/mail/send-mail";
import type { MailTransport } from "@/lib/mail/types";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";
import { RATE_LIMITS } from "@/lib/rate-limit/limits";
import { SCOPES } from "@/lib/tokens/scopes";
import { preferencesUrl } from "./build-links";

/** Per address and per client (lib/rate-limit/limits.ts). */
export const ADDRESS_LIMIT = RATE_LIMITS.linkRequestAddress;
export const CLIENT_LIMIT = RATE_LIMITS.linkRequestClient;

/** The form's one field; shared by the page's form handling and the server action. */
export const requestLinkInputSchema = z.object({ email: emailSchema });
export type RequestLinkFieldError = "email_required" | "email_too_long" | "email_invalid";

export const LINK_VALID_DAYS = Math.floor(SCOPES.preferences.lifetimeMs / (24 * 60 * 60 * 1000));

export type RequestLinkOutcome =
  /** Shown the same whether or not the address is on the register, and whether or not a mail went out. */
  | { status: "accepted" }
  /** This client asked too often; says nothing about the address. */
  | { status: "client_limited"; retryAfterSeconds: number };

export type BackgroundResult = "sent" | "unknown" | "address_limited" | "failed";

export async function requestLinkByEmail(opts: {
  db: Db;
  /** Already validated and normalised (emailSchema). */
  email: string;
  /** The client's address (lib/http/client-address.ts) for the per-client limit; only its HMAC is stored. */
  clientKey: string;
  config?: Pick<Config, "publicUrl" | "linkKeys" | "authSecret">;
  transport?: MailTransport;
  now?: Date;
  /** The mail's language: the page's the person asked from (lib/i18n, decideLanguage); the stored one otherwise. */
  language?: Language;
}): Promise<{ outcome: RequestLinkOutcome; background: Promise<BackgroundResult> }> {
  const config = opts.config ?? getConfig();
  const now = opts.now ?? new Date();
  // Taken now, inside the request: the background part below outlives it.
  const log = await requestLogger();
  const client = await consumeRateLimit({
    db: opts.db,
    rule: CLIENT_LIMIT,
    subject: opts.clientKey,
    authSecret: config.authSecret,
  });
  if (!client.ok) {
    log.info("link request refused: client rate limit");
    return {
      outcome: { status: "client_limited", retryAfterSeconds: client.retryAfterSeconds },
      background: Promise.resolve("address_limited"),
    };
  }
  // Deliberately not awaited by the caller: whatever happens here must not change the answer or its timing.
  const background = lookUpAndSend({ ...opts, config, now, log })
    .then((result) => {
      // The outcome is logged, never the address it was for.
      log.debug({ result }, "link request handled");
      return result;
    })
    .catch((error: unknown) => {
      log.error({ err: error }, "link request failed");
      return "failed" as const;
    });
  return { outcome: { status: "accepted" }, background };
}

async function lookUpAndSend(opts: {
  db: Db;
  email: string;
  config: Pick<Config, "publicUrl" | "linkKeys" | "authSecret">;
  transport?: MailTransport;
  now: Date;
  log: Logger;
  language?: Language;
}): Promise<BackgroundResult> {
  const address = await consumeRateLimit({
    db: opts.db,
    rule: ADDRESS_LIMIT,
    subject: opts.email,
    authSecret: opts.config.authSecret,
  });
  if (!address.ok) return "address_limited";
  // Erased people have no Contact row (only a suppression hash): they get nothing, like unknown addresses.
  const contact = await opts.db.contact.findUnique({
    where: { email: opts.email },
    select: { id: true, email: true, tokenVersion: true, language: true },
  });
  if (!contact) return "unknown";
  const url = preferencesUrl(opts.config, contact, opts.now);
  const language = opts.language ?? contact.language;
  const result = await sendMail({
    db: opts.db,
    transport: opts.transport,
    message: {
      to: contact.email,
      subject: linkRequestSubject(language),
      react: createElement(LinkRequestEmail, { url, validDays: LINK_VALID_DAYS, language }),
      tags: [{ name: "category", value: "link-request" }],
    },
  });
  if (!result.ok) {
    opts.log.warn({ code: result.code }, "link request mail not sent");
    return "failed";
  }
  return "sent";
}
