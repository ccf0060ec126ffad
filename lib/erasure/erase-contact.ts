// Erasure (GDPR Art. 17), the same for the person's own request and for staff acting on one. One transaction:
//   1. the receipt is sent to the address while it is still known (see below);
//   2. personal values are cleared from the contact's audit entries (the trigger allows exactly this; the hash chain
//      covers field names only, so it still verifies), and the free text of their privacy requests is removed;
//   3. their privacy requests lose the contact link and keep a non-personal reference instead;
//   4. the contact is deleted: roles, legal bases, subscriptions and their history, pending email changes cascade;
//   5. a suppression tombstone keeps only the keyed hash of the address, so they are never mailed or re-imported by
//      mistake; an ERASURE request is recorded as completed; an audit entry "contact.erased" with no personal values.
//
// The receipt and the outbox: with the Resend transport the receipt leaves the system and only the provider keeps
// it. The outbox transport (development and tests only) stands in for that provider: it stores the receipt in
// OutboxMessage inside this transaction, and earlier outbox mail to the address is deleted, as a provider's log
// would not be ours to keep. So in development the receipt is the one place the address remains, on purpose.
import "server-only";
import { createElement } from "react";
import ErasureReceiptEmail, { erasureReceiptSubject } from "@/emails/erasure-receipt";
import type { Db } from "@/lib/db/client";
import type { PrivacyRequestChannel } from "@/lib/generated/prisma/enums";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import { sendMail } from "@/lib/mail/send-mail";
import type { MailTransport } from "@/lib/mail/types";
import { recordPrivacyRequest } from "@/lib/privacy-requests/record-privacy-request";
import { hashAddress } from "@/lib/suppression/hash-address";

export type EraseContactResult =
  { ok: true; subjectRef: string; receiptSent: boolean } | { ok: false; reason: "unknown_contact" };

export async function eraseContact(opts: {
  db: Db;
  contactId: string;
  actor: AuditActor;
  channel: PrivacyRequestChannel;
  /** The suppression HMAC key (getConfig().suppressionKey). */
  suppressionKey: string;
  handlerId?: string;
  now?: Date;
  /** For tests; by default the configured transport, writing through this transaction when it is the outbox. */
  transport?: (tx: Parameters<Parameters<Db["$transaction"]>[0]>[0]) => MailTransport;
}): Promise<EraseContactResult> {
  const now = opts.now ?? new Date();
  return opts.db.$transaction(
    async (tx) => {
      const contact = await tx.contact.findUnique({
        where: { id: opts.contactId },
        select: { id: true, email: true, language: true },
      });
      if (!contact) return { ok: false as const, reason: "unknown_contact" as const };
      const addressHash = hashAddress(contact.email, opts.suppressionKey);
      // Short enough to read out on the phone, not enough to find the address: staff match it to the tombstone.
      const subjectRef = addressHash.slice(0, 12);

      // Mail already sent to the address, or to a new address they asked for and never confirmed.
      const pending = await tx.pendingEmailChange.findMany({
        where: { contactId: contact.id },
        select: { newEmail: true },
      });
      await tx.outboxMessage.deleteMany({
        where: { to: { hasSome: [contact.email, ...pending.map((p) => p.newEmail)] } },
      });
      const receipt = await sendMail({
        db: tx,
        transport: opts.transport?.(tx),
        message: {
          to: contact.email,
          subject: erasureReceiptSubject(contact.language),
          react: createElement(ErasureReceiptEmail, {
            erasedOn: now.toISOString().slice(0, 10),
            reference: subjectRef,
            language: contact.language,
          }),
          tags: [{ name: "category", value: "erasure-receipt" }],
        },
      });

      await tx.$executeRaw`
        UPDATE "AuditEvent" SET "personalValues" = NULL
        WHERE "subjectType" = 'Contact' AND "subjectId" = ${contact.id} AND "personalValues" IS NOT NULL`;
      await tx.privacyRequest.updateMany({
        where: { contactId: contact.id },
        data: { contactId: null, subjectRef, details: null },
      });
      await tx.spentLinkToken.deleteMany({ where: { contactId: contact.id } });
      await tx.contact.delete({ where: { id: contact.id } });
      await tx.suppression.createMany({
        data: [{ addressHash, reason: "ERASED", scope: "ALL", createdAt: now }],
        skipDuplicates: true,
      });
      await recordPrivacyRequest(tx, {
        contactId: null,
        subjectRef,
        type: "ERASURE",
        channel: opts.channel,
        status: "COMPLETED",
        actor: opts.actor,
        handlerId: opts.handlerId,
        outcome: receipt.ok ? "Erased; receipt sent" : "Erased; the receipt could not be sent",
        now,
      });
      await recordAuditEvent(
        tx,
        {
          actor: opts.actor,
          action: "contact.erased",
          subject: { type: "Contact", id: contact.id },
          fields: ["*"],
        },
        now,
      );
      return { ok: true as const, subjectRef, receiptSent: receipt.ok };
    },
    { timeout: 30_000 },
  );
}
