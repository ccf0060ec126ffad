// Erasure (GDPR Art. 17), the same for the person's own request and for staff acting on one. One transaction:
//   1. every address the person has had or asked for (the current one, a pending new one, and earlier ones named in
//      their audit entries) is collected while it can still be found; mail to those addresses is deleted from the
//      dev outbox and from the mail queue, and sign-ups from them not yet confirmed (PendingSignup) are deleted;
//   2. the receipt is queued (QueuedMail) in this transaction: the worker sends it after commit and retries it while
//      the provider fails, so a slow or failing provider never rolls the erasure back, and a rolled-back erasure
//      never tells the person it is done. The queued receipt is the one place the address remains, until it is sent;
//   3. personal values are cleared from the contact's audit entries (the trigger allows exactly this; the hash chain
//      covers field names only, so it still verifies); their privacy requests lose the contact link and every free
//      text (details, outcome, extension reason), keeping a non-personal reference instead; their deliveries lose
//      the provider's message id and error text (the id could be matched in the provider's log);
//   4. the contact is deleted: roles, legal bases, subscriptions and their history, answers to "why are you leaving?"
//      (free text), notes, pending email changes
//      cascade; deliveries keep a row without contact;
//   5. a suppression tombstone keeps only the keyed hash of the address, so they are never mailed or re-imported by
//      mistake; an ERASURE request is recorded as completed; an audit entry "contact.erased" with no personal values.
//
// Retention (`reason: "retention"`, lib/retention/run-retention.ts) goes through the same steps, with three differences:
// the person asked for nothing, so no receipt is mailed and no privacy request recorded; and the address leaves a
// retention tombstone (retentionHash) instead of an erasure suppression, because the policy lets us register the
// person again if we meet under new circumstances, which a suppression would refuse.
//
// The outbox: with the Resend transport mail leaves the system and only the provider keeps it. The outbox transport
// (development and tests only) stands in for that provider, so once the worker has sent the receipt there, it is the
// one place the address remains in development, on purpose.
import "server-only";
import { addSuppression } from "@/lib/suppression/add-suppression";
import { createElement } from "react";
import ErasureReceiptEmail, { erasureReceiptSubject } from "@/emails/erasure-receipt";
import type { Db, Tx } from "@/lib/db/client";
import type { Language } from "@/lib/i18n/languages";
import type { PrivacyRequestChannel } from "@/lib/generated/prisma/enums";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import { enqueueMail } from "@/lib/mail/enqueue-mail";
import { recordPrivacyRequest } from "@/lib/privacy-requests/record-privacy-request";
import { hashAddress } from "@/lib/suppression/hash-address";
import { retentionHash } from "@/lib/retention/retention-hash";
import { fail, type Because } from "@/lib/result";
import { rawFromPrisma } from "@/lib/db/raw";
import { stripOutboundValues } from "@/lib/outbound-webhooks/emit-outbound-events";

export type EraseContactResult =
  { ok: true; subjectRef: string; receiptQueued: boolean } | Because<"not_found", "unknown_contact">;

export async function eraseContact(opts: {
  db: Db;
  contactId: string;
  actor: AuditActor;
  channel: PrivacyRequestChannel;
  /** The suppression HMAC key (getConfig().suppressionKey). */
  suppressionKey: string;
  handlerId?: string;
  now?: Date;
  /** The receipt's language: the page's the person erased from (lib/i18n, decideLanguage); the stored one otherwise. */
  language?: Language;
  /** "request" (default): the person's or staff's erasure; "retention": the deletion date has passed. */
  reason?: "request" | "retention";
}): Promise<EraseContactResult> {
  const retention = opts.reason === "retention";
  const now = opts.now ?? new Date();
  return opts.db.$transaction(
    async (tx) => {
      // The contact with what names its other addresses (a pending new one, the values in its audit entries), in one
      // round trip: the retention job runs this for every due contact.
      const [contact] = await tx.$queryRaw<
        {
          id: string;
          email: string;
          language: Language;
          crmId: string | null;
          supportDeskId: string | null;
          pending: string[];
          personalValues: unknown[] | null;
        }[]
      >`
        SELECT c.id, c.email, c.language::text AS language, c."crmId", c."supportDeskId",
               ARRAY(SELECT p."newEmail" FROM "PendingEmailChange" p WHERE p."contactId" = c.id) AS pending,
               (SELECT jsonb_agg(a."personalValues") FROM "AuditEvent" a
                 WHERE a."subjectType" = 'Contact' AND a."subjectId" = c.id AND a."personalValues" IS NOT NULL)
                 AS "personalValues"
          FROM "Contact" c WHERE c.id = ${opts.contactId}`;
      if (!contact) return fail("not_found", { reason: "unknown_contact" });
      const addressHash = hashAddress(contact.email, opts.suppressionKey);
      // Short enough to read out on the phone, not enough to find the address: staff match it to the tombstone.
      const subjectRef = addressHash.slice(0, 12);

      const addresses = await addressesOf(tx, contact);
      // Mail already waiting for any of those addresses (sent by anything, not only by an erasure), and sign-ups
      // from them not yet confirmed (name, organisation, topics: a confirmation afterwards would find nothing), in
      // one statement.
      await tx.$executeRaw`
        WITH outbox AS (DELETE FROM "OutboxMessage" WHERE "to" && ${addresses}::text[]),
             signups AS (DELETE FROM "PendingSignup" WHERE "email" = ANY(${addresses}::text[]))
        DELETE FROM "QueuedMail" WHERE "to" && ${addresses}::text[]`;
      const receipt = retention
        ? { ok: false as const }
        : await enqueueMail(tx, {
            now,
            message: {
              to: contact.email,
              subject: erasureReceiptSubject(opts.language ?? contact.language),
              react: createElement(ErasureReceiptEmail, {
                erasedOn: now.toISOString().slice(0, 10),
                reference: subjectRef,
                language: opts.language ?? contact.language,
              }),
              tags: [{ name: "category", value: "erasure-receipt" }],
            },
          });

      // Step 3 and the person's spent links, in one statement (different tables, so no row is changed twice):
      // personal values cleared from the audit entries; privacy requests unlinked and stripped of free text
      // (those recorded before the person was in the register, by address so with the same reference, are theirs
      // too); deliveries without the provider's id and error.
      await tx.$executeRaw`
        WITH audit AS (
               UPDATE "AuditEvent" SET "personalValues" = NULL
                WHERE "subjectType" = 'Contact' AND "subjectId" = ${contact.id} AND "personalValues" IS NOT NULL),
             requests AS (
               UPDATE "PrivacyRequest"
                  SET "contactId" = NULL, "subjectRef" = ${subjectRef}, "details" = NULL, "outcome" = NULL,
                      "extensionReason" = NULL, "updatedAt" = ${new Date()}
                WHERE "contactId" = ${contact.id} OR ("contactId" IS NULL AND "subjectRef" = ${subjectRef})),
             deliveries AS (
               UPDATE "Delivery" SET "providerMessageId" = NULL, "error" = NULL WHERE "contactId" = ${contact.id})
        DELETE FROM "SpentLinkToken" WHERE "contactId" = ${contact.id}`;
      // Outbound events of the person waiting for (or past) delivery keep only ids, type and date (Art. 19).
      await stripOutboundValues(rawFromPrisma(tx), contact.id);
      await tx.contact.delete({ where: { id: contact.id } });
      if (retention) {
        const hash = retentionHash(contact.email, opts.suppressionKey);
        await tx.retentionTombstone.upsert({
          where: { addressHash: hash },
          create: { addressHash: hash, deletedOn: now },
          update: { deletedOn: now },
        });
      } else {
        await addSuppression(tx, { addressHash, reason: "ERASED", scope: "ALL", now });
      }
      if (!retention)
        await recordPrivacyRequest(tx, {
          contactId: null,
          subjectRef,
          type: "ERASURE",
          channel: opts.channel,
          status: "COMPLETED",
          actor: opts.actor,
          handlerId: opts.handlerId,
          outcome: receipt.ok ? "Erased; receipt queued" : "Erased; the receipt could not be prepared",
          now,
        });
      await recordAuditEvent(
        tx,
        {
          actor: opts.actor,
          action: "contact.erased",
          subject: { type: "Contact", id: contact.id },
          fields: ["*"],
          // Read before the row went: the erasure event tells downstream systems which of their records it was.
          externalIds: { crmId: contact.crmId, supportDeskId: contact.supportDeskId },
        },
        now,
      );
      return { ok: true as const, subjectRef, receiptQueued: receipt.ok };
    },
    { timeout: 30_000 },
  );
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/**
 * The current address, a new one asked for and never confirmed, and every address named in the contact's audit
 * entries (earlier addresses, changes asked for): mail sent to any of them is the person's. An address another
 * contact holds now is left out; its mail is that contact's.
 */
async function addressesOf(
  tx: Tx,
  contact: { id: string; email: string; pending: string[]; personalValues: unknown[] | null },
): Promise<string[]> {
  const found = new Set([contact.email]);
  for (const p of contact.pending) found.add(p);
  const walk = (v: unknown): void => {
    if (typeof v === "string") {
      if (EMAIL.test(v)) found.add(v.trim().toLowerCase());
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") Object.values(v).forEach(walk);
  };
  for (const values of contact.personalValues ?? []) walk(values);
  const others = await tx.contact.findMany({
    where: { email: { in: [...found] }, id: { not: contact.id } },
    select: { email: true },
  });
  for (const o of others) found.delete(o.email);
  return [...found];
}
