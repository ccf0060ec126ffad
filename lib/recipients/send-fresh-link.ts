// "Send me a new link" from a link-problem page: a fresh footer-scope link to the address on record, which the page
// never shows. The answer is the same whether a mail went out, the contact is gone or the limit was reached, so the
// button reveals nothing about the register.
import "server-only";
import { createElement } from "react";
import FreshLinkEmail, { freshLinkSubject } from "@/emails/fresh-link";
import type { Db } from "@/lib/db/client";
import { getConfig, type LinkKey } from "@/lib/env/config";
import { sendMail } from "@/lib/mail/send-mail";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";
import { RATE_LIMITS } from "@/lib/rate-limit/limits";
import { preferencesUrl } from "./build-links";

/** Mails per contact and hour (lib/rate-limit/limits.ts): too few to flood an inbox with a replayed button. */
export const FRESH_LINK_LIMIT = RATE_LIMITS.freshLink.points;

export type SendFreshLinkResult = { ok: true; outcome: "sent" | "limited" | "no_contact" | "send_failed" };

export async function sendFreshLink(opts: {
  db: Db;
  contactId: string;
  now?: Date;
  /** Defaults to the configured public URL and link keys. */
  links?: { publicUrl: string; linkKeys: readonly LinkKey[] };
}): Promise<SendFreshLinkResult> {
  const now = opts.now ?? new Date();
  const contact = await opts.db.contact.findUnique({
    where: { id: opts.contactId },
    select: { id: true, email: true, language: true, tokenVersion: true },
  });
  if (!contact) return { ok: true, outcome: "no_contact" };
  const limit = await consumeRateLimit({ db: opts.db, rule: RATE_LIMITS.freshLink, subject: contact.id });
  if (!limit.ok) return { ok: true, outcome: "limited" };
  const links = opts.links ?? getConfig();
  const url = preferencesUrl(links, contact, now);
  const sent = await sendMail({
    db: opts.db,
    message: {
      to: contact.email,
      subject: freshLinkSubject(contact.language),
      react: createElement(FreshLinkEmail, { url, language: contact.language }),
      tags: [{ name: "kind", value: "fresh_link" }],
    },
  });
  return { ok: true, outcome: sent.ok ? "sent" : "send_failed" };
}
