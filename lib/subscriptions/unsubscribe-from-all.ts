// "Unsubscribe from all marketing" (preference page button, or the one-click POST for "all"). An objection to direct
// marketing (GDPR Art. 21(2)(3)): absolute, immediate, recorded as a completed privacy request. Service notices are
// not marketing and stay as they are.
import "server-only";
import { addSuppression } from "@/lib/suppression/add-suppression";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import type { ChangeSource } from "@/lib/generated/prisma/enums";
import { recordPrivacyRequest } from "@/lib/privacy-requests/record-privacy-request";
import { hashAddress } from "@/lib/suppression/hash-address";
import { fail, type Because } from "@/lib/result";
import { applySubscriptionChange } from "./apply-subscription-change";
import { personEvidence } from "./person-evidence";
import type { AuditField } from "@/lib/audit/audit-fields";
import type { Language } from "@/lib/generated/prisma/enums";
import { recordAllMarketingEvidence, resolveEvidence } from "@/lib/evidence/record-choice-evidence";

export type UnsubscribeFromAllResult =
  { ok: true; changed: boolean; topicsStopped: number } | Because<"not_found", "unknown_contact">;

export async function unsubscribeFromAll(opts: {
  db: Db;
  contactId: string;
  source: Extract<ChangeSource, "SELF" | "ONE_CLICK">;
  suppressionKey: string;
  /** The page's language: the notice the person saw there (the one-click header shows none of ours). */
  language?: Language;
  now?: Date;
}): Promise<UnsubscribeFromAllResult> {
  const now = opts.now ?? new Date();
  // A repeat (a mail provider retrying the one-click POST, a second press) is the common case and changes nothing:
  // two plain reads answer it without opening a transaction. Anything to do is read again inside the transaction.
  const [current, stillSubscribed] = await Promise.all([
    opts.db.contact.findUnique({ where: { id: opts.contactId }, select: { marketingOptOutAt: true } }),
    opts.db.subscription.findFirst({
      where: { contactId: opts.contactId, state: "SUBSCRIBED", topic: { isMarketing: true } },
      select: { topicId: true },
    }),
  ]);
  if (!current) return fail("not_found", { reason: "unknown_contact" });
  if (current.marketingOptOutAt && !stillSubscribed) return { ok: true, changed: false, topicsStopped: 0 } as const;
  return opts.db.$transaction(async (tx) => {
    const contact = await tx.contact.findUnique({
      where: { id: opts.contactId },
      select: { id: true, email: true, marketingOptOutAt: true },
    });
    if (!contact) return fail("not_found", { reason: "unknown_contact" });
    const subscribed = await tx.subscription.findMany({
      where: { contactId: contact.id, state: "SUBSCRIBED", topic: { isMarketing: true } },
      select: { topicId: true },
    });
    // Pressing it twice (or a mail provider retrying the one-click POST) changes nothing and records nothing twice.
    if (contact.marketingOptOutAt && subscribed.length === 0) {
      return { ok: true, changed: false, topicsStopped: 0 } as const;
    }
    const evidence = await resolveEvidence(tx, personEvidence(opts.source, "PREFERENCE_ALL", opts.language), now);
    for (const s of subscribed) {
      await applySubscriptionChange(tx, {
        evidence,
        contactId: contact.id,
        topicId: s.topicId,
        state: "UNSUBSCRIBED",
        source: opts.source,
        now,
      });
    }
    const fields: AuditField[] = ["subscriptions"];
    if (!contact.marketingOptOutAt) {
      await tx.contact.update({ where: { id: contact.id }, data: { marketingOptOutAt: now } });
      await recordAllMarketingEvidence(tx, { contactId: contact.id, state: "UNSUBSCRIBED", evidence, at: now });
      fields.unshift("marketingOptOutAt");
    }
    // The keyed hash survives a later erasure or re-import: the address is never mailed marketing by mistake.
    await addSuppression(tx, {
      addressHash: hashAddress(contact.email, opts.suppressionKey),
      reason: "UNSUBSCRIBED_ALL",
      scope: "MARKETING",
      now,
    });
    const actor = { type: "CONTACT" as const, id: contact.id };
    await recordAuditEvent(
      tx,
      {
        actor,
        action: "contact.marketing_opt_out",
        subject: { type: "Contact", id: contact.id },
        fields,
        personalValues: { topicsStopped: subscribed.length, source: opts.source },
      },
      now,
    );
    await recordPrivacyRequest(tx, {
      contactId: contact.id,
      type: "OBJECTION",
      channel: "SELF_SERVICE",
      status: "COMPLETED",
      details:
        opts.source === "ONE_CLICK" ? "One-click unsubscribe from all marketing" : "Unsubscribed from all marketing",
      outcome: "Marketing stopped at once; address suppressed for marketing",
      actor,
      now,
    });
    return { ok: true, changed: true, topicsStopped: subscribed.length } as const;
  });
}
