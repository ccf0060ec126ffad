// "Send me a new link" from a link-problem page: a fresh link of the same kind as the one that failed, to the address
// on record, which the page never shows. A step-up page (/s) gets a new secure step-up link (requestStepUp: its mail
// and its limit), never a footer link, or the person would have to ask twice; every other page (/p, and /e, whose
// confirmation cannot be re-issued without a pending change) gets a fresh footer-scope link. The answer is the same
// whether a mail went out, the contact is gone or the limit was reached, so the button reveals nothing about the
// register.
import "server-only";
import { createElement } from "react";
import FreshLinkEmail, { freshLinkSubject } from "@/emails/fresh-link";
import type { Db } from "@/lib/db/client";
import { getConfig, type LinkKey } from "@/lib/env/config";
import type { Language } from "@/lib/i18n/languages";
import { sendMail } from "@/lib/mail/send-mail";
import type { MailTransport } from "@/lib/mail/types";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";
import { RATE_LIMITS } from "@/lib/rate-limit/limits";
import type { Scope } from "@/lib/tokens/scopes";
import { preferencesUrl } from "./build-links";
import { requestStepUp } from "./request-step-up";

/** Mails per contact and hour (lib/rate-limit/limits.ts): too few to flood an inbox with a replayed button. */
export const FRESH_LINK_LIMIT = RATE_LIMITS.freshLink.points;

export type SendFreshLinkResult = { ok: true; outcome: "sent" | "limited" | "no_contact" | "send_failed" };

/** The scopes of the pages that show a link problem with a "send me a new link" button. */
export type FreshLinkScope = Extract<Scope, "preferences" | "stepUp" | "emailChange">;

export async function sendFreshLink(opts: {
  db: Db;
  contactId: string;
  /** The scope of the link that failed: decides which kind of link is sent. */
  scope: FreshLinkScope;
  /** The mail's language: the page's (lib/i18n, decideLanguage); the stored one otherwise. */
  language?: Language;
  now?: Date;
  /** Defaults to the configured public URL and link keys. */
  links?: { publicUrl: string; linkKeys: readonly LinkKey[] };
  transport?: MailTransport;
}): Promise<SendFreshLinkResult> {
  const now = opts.now ?? new Date();
  if (opts.scope === "stepUp") {
    const r = await requestStepUp({
      db: opts.db,
      contactId: opts.contactId,
      now,
      config: opts.links,
      transport: opts.transport,
      language: opts.language,
    });
    if (r.ok) return { ok: true, outcome: "sent" };
    return { ok: true, outcome: r.code === "not_found" ? "no_contact" : "send_failed" };
  }
  const contact = await opts.db.contact.findUnique({
    where: { id: opts.contactId },
    select: { id: true, email: true, language: true, tokenVersion: true },
  });
  if (!contact) return { ok: true, outcome: "no_contact" };
  const limit = await consumeRateLimit({ db: opts.db, rule: RATE_LIMITS.freshLink, subject: contact.id });
  if (!limit.ok) return { ok: true, outcome: "limited" };
  const links = opts.links ?? getConfig();
  const url = preferencesUrl(links, contact, now);
  const language = opts.language ?? contact.language;
  const sent = await sendMail({
    db: opts.db,
    transport: opts.transport,
    message: {
      to: contact.email,
      subject: freshLinkSubject(language),
      react: createElement(FreshLinkEmail, { url, language }),
      tags: [{ name: "kind", value: "fresh_link" }],
    },
  });
  return { ok: true, outcome: sent.ok ? "sent" : "send_failed" };
}
