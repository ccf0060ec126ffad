// "Send me a new link" from a link-problem page: a fresh footer-scope link to the address on record, which the page
// never shows. The answer is the same whether a mail went out, the contact is gone or the limit was reached, so the
// button reveals nothing about the register.
import "server-only";
import { createHash } from "node:crypto";
import { createElement } from "react";
import FreshLinkEmail, { freshLinkSubject } from "@/emails/fresh-link";
import type { Db } from "@/lib/db/client";
import { getConfig, type LinkKey } from "@/lib/env/config";
import { sendMail } from "@/lib/mail/send-mail";
import { preferencesUrl } from "./build-links";

/** A few mails an hour per contact: enough for a person, too few to flood their inbox with a replayed button. */
export const FRESH_LINK_LIMIT = 3;
export const FRESH_LINK_WINDOW_MS = 60 * 60 * 1000;

export type SendFreshLinkResult = { ok: true; outcome: "sent" | "limited" | "no_contact" | "send_failed" };

/**
 * Counts one use in a fixed window and tells whether it is within the limit. One atomic upsert, so two processes
 * cannot both take the last slot. The key is a hash: no ids or addresses in clear text in the counter table.
 */
export async function takeRateLimitSlot(opts: {
  db: Db;
  name: string;
  limit: number;
  windowMs: number;
  now?: Date;
}): Promise<boolean> {
  const now = opts.now ?? new Date();
  const resetAt = new Date(now.getTime() + opts.windowMs);
  const key = createHash("sha256").update(opts.name).digest("hex");
  const rows = await opts.db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitBucket" ("key", "count", "resetAt") VALUES (${key}, 1, ${resetAt})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."resetAt" <= ${now} THEN 1 ELSE "RateLimitBucket"."count" + 1 END,
      "resetAt" = CASE WHEN "RateLimitBucket"."resetAt" <= ${now} THEN ${resetAt} ELSE "RateLimitBucket"."resetAt" END
    RETURNING "count"`;
  return Number(rows[0]?.count ?? Infinity) <= opts.limit;
}

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
  const allowed = await takeRateLimitSlot({
    db: opts.db,
    name: `fresh-link:${contact.id}`,
    limit: FRESH_LINK_LIMIT,
    windowMs: FRESH_LINK_WINDOW_MS,
    now,
  });
  if (!allowed) return { ok: true, outcome: "limited" };
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
