// Applies a confirmed email change: the link (sent to the new address) is spent, the address replaced, tokenVersion
// bumped so every link sent to the old address stops working, with an audit entry and a completed RECTIFICATION
// request, in one transaction. Refused when another contact has the address or it is on the suppression list for any
// reason: the same rule as every other way into the register (lib/suppression/check-address-admission.ts), and the
// person has no override; staff can make that decision with them.
import "server-only";
import { createElement } from "react";
import EmailChangeNoticeEmail, { emailChangeNoticeSubject } from "@/emails/email-change-notice";
import type { Db } from "@/lib/db/client";
import type { LinkKey } from "@/lib/env/config";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Language } from "@/lib/generated/prisma/enums";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { sendMail } from "@/lib/mail/send-mail";
import type { MailTransport } from "@/lib/mail/types";
import { recordPrivacyRequest } from "@/lib/privacy-requests/record-privacy-request";
import { resolveLink, spendLink, type LinkProblem } from "@/lib/recipients/resolve-link";
import { checkAddressAdmission } from "@/lib/suppression/check-address-admission";
import { hashAddress } from "@/lib/suppression/hash-address";
import { SCOPES } from "@/lib/tokens/scopes";
import { maskAddress } from "./mask-address";

export type ConfirmEmailChangeResult =
  | { ok: true; contact: { id: string; tokenVersion: number; language: Language } }
  | { ok: false; problem: LinkProblem; contactId?: string }
  /** The link was good but the change cannot be made; the link stays unused. */
  | { ok: false; problem: "taken" | "suppressed"; contactId: string; language: Language };

class Refused extends Error {
  constructor(public readonly problem: "taken" | "suppressed" | "spent" | "expired") {
    super(problem);
  }
}

export async function confirmEmailChange(opts: {
  db: Db;
  token: string;
  keys: readonly LinkKey[];
  suppressionKey: string;
  now?: Date;
  transport?: MailTransport;
  /** The mail's language: the page's the person asked from (lib/i18n, decideLanguage); the stored one otherwise. */
  language?: Language;
}): Promise<ConfirmEmailChangeResult> {
  const now = opts.now ?? new Date();
  let outcome: { id: string; tokenVersion: number; language: Language; oldEmail: string; newEmail: string };
  let contactId: string | undefined;
  let language: Language = "sv";
  try {
    const r = await opts.db.$transaction(async (tx) => {
      const link = await resolveLink({ db: tx, token: opts.token, scopes: ["emailChange"], keys: opts.keys, now });
      if (!link.ok) return link;
      contactId = link.contactId;
      const contact = await tx.contact.findUniqueOrThrow({ where: { id: link.contactId } });
      language = contact.language;
      const pending = await tx.pendingEmailChange.findUnique({ where: { id: link.claims.extra ?? "" } });
      // A newer request replaced this one, or it ran out: the link is as good as used.
      if (!pending || pending.contactId !== contact.id) throw new Refused("spent");
      if (pending.expiresAt.getTime() <= now.getTime()) throw new Refused("expired");
      const other = await tx.contact.findUnique({ where: { email: pending.newEmail }, select: { id: true } });
      if (other && other.id !== contact.id) throw new Refused("taken");
      const admission = await checkAddressAdmission({ db: tx, email: pending.newEmail, key: opts.suppressionKey });
      if (!admission.ok) throw new Refused("suppressed");
      const expiresAt = new Date(link.claims.issuedAt.getTime() + SCOPES.emailChange.lifetimeMs);
      if (!(await spendLink({ db: tx, claims: link.claims, expiresAt }))) throw new Refused("spent");

      const updated = await tx.contact.update({
        where: { id: contact.id },
        data: {
          email: pending.newEmail,
          addressHash: hashAddress(pending.newEmail, opts.suppressionKey),
          tokenVersion: { increment: 1 },
        },
        select: { id: true, tokenVersion: true, language: true },
      });
      await tx.pendingEmailChange.deleteMany({ where: { contactId: contact.id } });
      const actor = { type: "CONTACT" as const, id: contact.id };
      await recordAuditEvent(
        tx,
        {
          actor,
          action: "contact.email_changed",
          subject: { type: "Contact", id: contact.id },
          fields: ["email", "tokenVersion"],
          personalValues: { email: { from: contact.email, to: pending.newEmail } },
        },
        now,
      );
      await recordPrivacyRequest(tx, {
        contactId: contact.id,
        type: "RECTIFICATION",
        channel: "SELF_SERVICE",
        status: "COMPLETED",
        actor,
        outcome: "Email address changed after confirmation at the new address",
        now,
      });
      return { ok: true as const, ...updated, oldEmail: contact.email, newEmail: pending.newEmail };
    });
    if (!r.ok) return r;
    outcome = r;
  } catch (e) {
    if (e instanceof Refused && contactId) {
      if (e.problem === "taken" || e.problem === "suppressed")
        return { ok: false, problem: e.problem, contactId, language };
      return { ok: false, problem: e.problem, contactId };
    }
    // Two contacts cannot share an address: a concurrent change that won the race shows up here.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002" && contactId) {
      return { ok: false, problem: "taken", contactId, language };
    }
    throw e;
  }

  await sendMail({
    db: opts.db,
    transport: opts.transport,
    message: {
      to: outcome.oldEmail,
      subject: emailChangeNoticeSubject("changed", opts.language ?? outcome.language),
      react: createElement(EmailChangeNoticeEmail, {
        stage: "changed",
        maskedNewAddress: maskAddress(outcome.newEmail),
        language: opts.language ?? outcome.language,
      }),
      tags: [{ name: "category", value: "email-change" }],
    },
  });
  return { ok: true, contact: { id: outcome.id, tokenVersion: outcome.tokenVersion, language: outcome.language } };
}
