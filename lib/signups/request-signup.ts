// The public sign-up form's first step (double opt-in): a prospect gives name, address, optional organisation and
// the mailings they want; we mail a confirmation link and change nothing else. The answer is the same for a known, an
// unknown and a suppressed address and does not wait for any of them: only the form's own shape, the topics offered
// (the same for everyone) and the client's rate limit decide it. The address's own limit, the suppression check, the
// pending row and the mail happen off the request path, like "send me a link" (request-link-by-email.ts).
//
// Why a pending row and not everything in the signed link: the link then carries no name or address (links end up in
// logs, proxies and scanners), it is single use by deleting the row, and an unconfirmed sign-up holds the address
// for at most SIGNUP_LINK_HOURS (the prune rule deletes it an hour after). Suppression: an address suppressed for ALL
// mail (erased, hard bounce) gets no mail at all; one that opted out of all marketing does get the confirmation, and
// only the confirmed sign-up (the person's new explicit choice) lifts that opt-out.
import "server-only";
import { createElement } from "react";
import SignupConfirmEmail, { signupConfirmSubject } from "@/emails/signup-confirm";
import type { Db } from "@/lib/db/client";
import { getConfig, type Config } from "@/lib/env/config";
import { recordNoticeText } from "@/lib/evidence/notice-texts";
import type { Language } from "@/lib/i18n/languages";
import type { Logger } from "@/lib/log/logger";
import { requestLogger } from "@/lib/log/request-logger";
import { sendMail } from "@/lib/mail/send-mail";
import type { MailTransport } from "@/lib/mail/types";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";
import { RATE_LIMITS } from "@/lib/rate-limit/limits";
import { invalid, type Invalid } from "@/lib/result";
import { findSuppression } from "@/lib/suppression/find-suppression";
import { listSignupTopics } from "./list-signup-topics";
import type { SignupInput } from "./signup-input";
import { signupConfirmPath } from "./signup-paths";
import { newSignupToken, SIGNUP_LINK_HOURS } from "./signup-token";

export type RequestSignupOutcome =
  /** The same whatever the address: known, unknown, suppressed, limited per address. */
  { ok: true; status: "accepted" } | { ok: false; code: "rate_limited"; retryAfterSeconds: number } | Invalid;

export type SignupBackground = "sent" | "suppressed" | "address_limited" | "failed";

export async function requestSignup(opts: {
  db: Db;
  input: SignupInput;
  /** The client's address (lib/http/client-address.ts); only its HMAC is stored. */
  clientKey: string;
  /** The language of the form the person filled in: the notice they saw, and the mail's language. */
  language: Language;
  config?: Pick<Config, "publicUrl" | "authSecret" | "suppressionKey">;
  transport?: MailTransport;
  now?: Date;
}): Promise<{ outcome: RequestSignupOutcome; background: Promise<SignupBackground> }> {
  const config = opts.config ?? getConfig();
  const now = opts.now ?? new Date();
  const none = Promise.resolve("failed" as const);
  const offered = await listSignupTopics(opts.db);
  const chosen = offered.filter((t) => opts.input.topics.includes(t.id));
  if (chosen.length !== new Set(opts.input.topics).size)
    return { outcome: invalid({ topics: "topics_unknown" }), background: none };
  const client = await consumeRateLimit({
    db: opts.db,
    rule: RATE_LIMITS.signupClient,
    subject: opts.clientKey,
    authSecret: config.authSecret,
  });
  if (!client.ok)
    return {
      outcome: { ok: false, code: "rate_limited", retryAfterSeconds: client.retryAfterSeconds },
      background: none,
    };
  const log = await requestLogger();
  // Deliberately not awaited by callers: nothing that depends on the address may change the answer or its timing.
  const background = storeAndMail({ ...opts, config, now, log, topics: chosen })
    .then((result) => {
      log.debug({ result }, "sign-up handled");
      return result;
    })
    .catch((error: unknown) => {
      log.error({ err: error }, "sign-up failed");
      return "failed" as const;
    });
  return { outcome: { ok: true, status: "accepted" }, background };
}

async function storeAndMail(opts: {
  db: Db;
  input: SignupInput;
  language: Language;
  config: Pick<Config, "publicUrl" | "authSecret" | "suppressionKey">;
  transport?: MailTransport;
  now: Date;
  log: Logger;
  topics: { id: string; nameSv: string; nameEn: string }[];
}): Promise<SignupBackground> {
  const address = await consumeRateLimit({
    db: opts.db,
    rule: RATE_LIMITS.signupAddress,
    subject: opts.input.email,
    authSecret: opts.config.authSecret,
  });
  if (!address.ok) return "address_limited";
  const suppression = await findSuppression({ db: opts.db, email: opts.input.email, key: opts.config.suppressionKey });
  if (suppression.matches.some((m) => m.scope === "ALL")) return "suppressed";

  const { token, hash } = newSignupToken();
  await opts.db.$transaction(async (tx) => {
    // The consent text the person saw on the form, in the form's language: stored once, referred to by its hash.
    const noticeHash = await recordNoticeText(tx, "SIGNUP_FORM", opts.language, opts.now);
    await tx.pendingSignup.create({
      data: {
        tokenHash: hash,
        email: opts.input.email,
        name: opts.input.name,
        organisation: opts.input.organisation,
        topicIds: opts.topics.map((t) => t.id),
        language: opts.language,
        noticeHash,
        createdAt: opts.now,
        expiresAt: new Date(opts.now.getTime() + SIGNUP_LINK_HOURS * 3_600_000),
      },
    });
  });
  const names = opts.topics.map((t) => (opts.language === "sv" ? t.nameSv : t.nameEn)).join(", ");
  const result = await sendMail({
    db: opts.db,
    transport: opts.transport,
    message: {
      to: opts.input.email,
      subject: signupConfirmSubject(opts.language),
      react: createElement(SignupConfirmEmail, {
        url: `${opts.config.publicUrl}${signupConfirmPath(token)}?lang=${opts.language}`,
        topics: names,
        expiresInHours: SIGNUP_LINK_HOURS,
        language: opts.language,
      }),
      tags: [{ name: "category", value: "signup" }],
    },
  });
  if (!result.ok) {
    opts.log.warn({ code: result.code }, "sign-up mail not sent");
    return "failed";
  }
  return "sent";
}
