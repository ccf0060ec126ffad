// Sends a single-use step-up link (1 hour) to the address on record. Seeing, correcting, exporting or erasing
// personal data needs it: a forwarded footer link alone must never reveal or change someone's data.
import "server-only";
import { createElement } from "react";
import SecureLinkEmail, { secureLinkSubject } from "@/emails/secure-link";
import { maskAddress } from "@/lib/contacts/mask-address";
import type { Db } from "@/lib/db/client";
import { getConfig, type LinkKey } from "@/lib/env/config";
import { sendMail } from "@/lib/mail/send-mail";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";
import { RATE_LIMITS } from "@/lib/rate-limit/limits";
import type { MailTransport } from "@/lib/mail/types";
import type { Language } from "@/lib/i18n/languages";
import { SCOPES } from "@/lib/tokens/scopes";
import { fail, type Because, type Fail } from "@/lib/result";
import { stepUpUrl } from "./build-links";

/** At most this many step-up mails per contact and hour (lib/rate-limit/limits.ts). */
export const STEP_UP_LIMIT = RATE_LIMITS.stepUp.points;

export type RequestStepUpResult =
  { ok: true; maskedAddress: string } | Because<"not_found", "unknown_contact"> | Fail<"unavailable">;

export async function requestStepUp(opts: {
  db: Db;
  contactId: string;
  now?: Date;
  /** Defaults to getConfig(); tests pass their own. */
  config?: { publicUrl: string; linkKeys: readonly LinkKey[] };
  transport?: MailTransport;
  /** The mail's language: the page's the person asked from (lib/i18n, decideLanguage); the stored one otherwise. */
  language?: Language;
}): Promise<RequestStepUpResult> {
  const now = opts.now ?? new Date();
  const contact = await opts.db.contact.findUnique({
    where: { id: opts.contactId },
    select: { id: true, email: true, language: true, tokenVersion: true },
  });
  if (!contact) return fail("not_found", { reason: "unknown_contact" });
  const maskedAddress = maskAddress(contact.email);

  // Over the limit the answer is the same as when a mail went out: the page never tells how many were sent.
  const limit = await consumeRateLimit({ db: opts.db, rule: RATE_LIMITS.stepUp, subject: contact.id });
  if (!limit.ok) return { ok: true, maskedAddress };

  const config = opts.config ?? getConfig();
  const url = stepUpUrl(config, contact, now);
  const language = opts.language ?? contact.language;
  const sent = await sendMail({
    db: opts.db,
    transport: opts.transport,
    message: {
      to: contact.email,
      subject: secureLinkSubject(language),
      react: createElement(SecureLinkEmail, {
        url,
        expiresInMinutes: SCOPES.stepUp.lifetimeMs / 60_000,
        language,
      }),
      tags: [{ name: "category", value: "step-up" }],
    },
  });
  if (!sent.ok) return fail("unavailable");
  return { ok: true, maskedAddress };
}
