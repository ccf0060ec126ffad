// Sends a single-use step-up link (1 hour) to the address on record. Seeing, correcting, exporting or erasing
// personal data needs it: a forwarded footer link alone must never reveal or change someone's data.
import "server-only";
import { createHash } from "node:crypto";
import { createElement } from "react";
import SecureLinkEmail, { secureLinkSubject } from "@/emails/secure-link";
import { maskAddress } from "@/lib/contacts/mask-address";
import type { DbOrTx } from "@/lib/db/client";
import { getConfig, type LinkKey } from "@/lib/env/config";
import { sendMail } from "@/lib/mail/send-mail";
import type { MailTransport } from "@/lib/mail/types";
import { SCOPES } from "@/lib/tokens/scopes";
import { stepUpUrl } from "./build-links";

/** At most this many step-up mails per contact and window: a link holder cannot flood the mailbox. */
export const STEP_UP_LIMIT = 5;
export const STEP_UP_WINDOW_MS = 60 * 60 * 1000;

export type RequestStepUpResult =
  { ok: true; maskedAddress: string } | { ok: false; reason: "unknown_contact" | "unavailable" };

export async function requestStepUp(opts: {
  db: DbOrTx;
  contactId: string;
  now?: Date;
  /** Defaults to getConfig(); tests pass their own. */
  config?: { publicUrl: string; linkKeys: readonly LinkKey[] };
  transport?: MailTransport;
}): Promise<RequestStepUpResult> {
  const now = opts.now ?? new Date();
  const contact = await opts.db.contact.findUnique({
    where: { id: opts.contactId },
    select: { id: true, email: true, language: true, tokenVersion: true },
  });
  if (!contact) return { ok: false, reason: "unknown_contact" };
  const maskedAddress = maskAddress(contact.email);

  // Over the limit the answer is the same as when a mail went out: the page never tells how many were sent.
  if (!(await takeFromBucket(opts.db, `step-up:${contact.id}`, now))) return { ok: true, maskedAddress };

  const config = opts.config ?? getConfig();
  const url = stepUpUrl(config, contact, now);
  const sent = await sendMail({
    db: opts.db,
    transport: opts.transport,
    message: {
      to: contact.email,
      subject: secureLinkSubject(contact.language),
      react: createElement(SecureLinkEmail, {
        url,
        expiresInMinutes: SCOPES.stepUp.lifetimeMs / 60_000,
        language: contact.language,
      }),
      tags: [{ name: "category", value: "step-up" }],
    },
  });
  if (!sent.ok) return { ok: false, reason: "unavailable" };
  return { ok: true, maskedAddress };
}

/**
 * Fixed-window counter in RateLimitBucket, one atomic statement (safe across processes). The key is hashed: buckets
 * never hold ids or addresses in clear text. Returns false when the window's allowance is used up.
 */
async function takeFromBucket(db: DbOrTx, name: string, now: Date): Promise<boolean> {
  const key = createHash("sha256").update(name).digest("hex");
  const resetAt = new Date(now.getTime() + STEP_UP_WINDOW_MS);
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitBucket" (key, count, "resetAt") VALUES (${key}, 1, ${resetAt})
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN "RateLimitBucket"."resetAt" <= ${now} THEN 1 ELSE "RateLimitBucket".count + 1 END,
      "resetAt" = CASE WHEN "RateLimitBucket"."resetAt" <= ${now} THEN ${resetAt} ELSE "RateLimitBucket"."resetAt" END
    RETURNING count`;
  return (rows[0]?.count ?? Infinity) <= STEP_UP_LIMIT;
}
