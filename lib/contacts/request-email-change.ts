// A new email address waits in PendingEmailChange until the person confirms it from the new mailbox (GDPR Art. 16:
// confirmed at the new address first). The old address is told at once, so a change nobody asked for is noticed.
import "server-only";
import { createElement } from "react";
import EmailChangeConfirmEmail, { emailChangeConfirmSubject } from "@/emails/email-change-confirm";
import EmailChangeNoticeEmail, { emailChangeNoticeSubject } from "@/emails/email-change-notice";
import type { Db } from "@/lib/db/client";
import type { Language } from "@/lib/i18n/languages";
import { getConfig, type LinkKey } from "@/lib/env/config";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { sendMail } from "@/lib/mail/send-mail";
import type { MailTransport } from "@/lib/mail/types";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";
import { RATE_LIMITS } from "@/lib/rate-limit/limits";
import { emailChangeUrl } from "@/lib/recipients/build-links";
import { SCOPES } from "@/lib/tokens/scopes";
import { fail, fieldErrorCodes, invalid, type Because, type Fail, type Invalid } from "@/lib/result";
import { emailChangeSchema } from "./correction-schema";
import { maskAddress } from "./mask-address";

/** Confirmation mails a contact may trigger per hour (lib/rate-limit/limits.ts). */
export const EMAIL_CHANGE_LIMIT = RATE_LIMITS.emailChange.points;

export type RequestEmailChangeResult =
  | { ok: true; maskedNewAddress: string }
  | Invalid
  | Because<"not_found", "unknown_contact">
  | Fail<"rate_limited" | "unavailable">;

export async function requestEmailChange(opts: {
  db: Db;
  contactId: string;
  input: unknown;
  now?: Date;
  config?: { publicUrl: string; linkKeys: readonly LinkKey[] };
  transport?: MailTransport;
  /** The mail's language: the page's the person asked from (lib/i18n, decideLanguage); the stored one otherwise. */
  language?: Language;
}): Promise<RequestEmailChangeResult> {
  const parsed = emailChangeSchema.safeParse(opts.input);
  if (!parsed.success) return invalid(fieldErrorCodes(parsed.error));
  const newEmail = parsed.data.email;
  const now = opts.now ?? new Date();
  const contact = await opts.db.contact.findUnique({ where: { id: opts.contactId } });
  if (!contact) return fail("not_found", { reason: "unknown_contact" });
  if (newEmail === contact.email) return invalid({ email: "email_same" });

  // Taken before anything is written, in one atomic statement: counting earlier requests first and inserting after
  // let concurrent requests all pass.
  const limit = await consumeRateLimit({ db: opts.db, rule: RATE_LIMITS.emailChange, subject: contact.id });
  if (!limit.ok) return fail("rate_limited");

  const expiresAt = new Date(now.getTime() + SCOPES.emailChange.lifetimeMs);
  // Whether the new address is taken is checked only on confirmation, by its owner: asking here would let a
  // session holder probe which addresses are registered.
  const pending = await opts.db.$transaction(async (tx) => {
    // Only the newest request counts: earlier confirmation links stop working.
    await tx.pendingEmailChange.deleteMany({ where: { contactId: contact.id } });
    const created = await tx.pendingEmailChange.create({
      data: { contactId: contact.id, newEmail, expiresAt, createdAt: now },
      select: { id: true },
    });
    await recordAuditEvent(
      tx,
      {
        actor: { type: "CONTACT", id: contact.id },
        action: "contact.email_change_requested",
        subject: { type: "Contact", id: contact.id },
        fields: ["email"],
        personalValues: { email: { from: contact.email, to: newEmail } },
      },
      now,
    );
    return created;
  });

  const config = opts.config ?? getConfig();
  const url = emailChangeUrl(config, contact, pending.id, now);
  const language = opts.language ?? contact.language;
  const confirm = await sendMail({
    db: opts.db,
    transport: opts.transport,
    message: {
      to: newEmail,
      subject: emailChangeConfirmSubject(language),
      react: createElement(EmailChangeConfirmEmail, {
        url,
        expiresInHours: SCOPES.emailChange.lifetimeMs / 3_600_000,
        language,
      }),
      tags: [{ name: "category", value: "email-change" }],
    },
  });
  if (!confirm.ok) return fail("unavailable");
  const maskedNewAddress = maskAddress(newEmail);
  await sendMail({
    db: opts.db,
    transport: opts.transport,
    message: {
      to: contact.email,
      subject: emailChangeNoticeSubject("requested", language),
      react: createElement(EmailChangeNoticeEmail, {
        stage: "requested",
        maskedNewAddress,
        language,
      }),
      tags: [{ name: "category", value: "email-change" }],
    },
  });
  return { ok: true, maskedNewAddress };
}
