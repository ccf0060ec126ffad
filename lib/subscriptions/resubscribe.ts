// "Receive marketing again": undoes unsubscribe-from-all. Withdrawing must be as easy as giving (Art. 7(3)), and the
// reverse too. The person pressed a button that says "receive marketing again", so they get the marketing topics meant
// for their category; the page then lets them turn single ones off.
import "server-only";
import { liftSuppression } from "@/lib/suppression/lift-suppression";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import { hashAddress } from "@/lib/suppression/hash-address";
import { fail, type Because } from "@/lib/result";
import { applySubscriptionChange } from "./apply-subscription-change";
import { personEvidence } from "./person-evidence";
import type { AuditField } from "@/lib/audit/audit-fields";
import type { Language } from "@/lib/generated/prisma/enums";
import { recordAllMarketingEvidence, resolveEvidence } from "@/lib/evidence/record-choice-evidence";

export type ResubscribeResult =
  { ok: true; changed: boolean; topicsStarted: number } | Because<"not_found", "unknown_contact">;

export async function resubscribe(opts: {
  db: Db;
  contactId: string;
  suppressionKey: string;
  /** The page's language: the notice the person saw next to the button. */
  language?: Language;
  now?: Date;
}): Promise<ResubscribeResult> {
  const now = opts.now ?? new Date();
  return opts.db.$transaction(async (tx) => {
    const contact = await tx.contact.findUnique({
      where: { id: opts.contactId },
      select: { id: true, email: true, category: true, marketingOptOutAt: true },
    });
    if (!contact) return fail("not_found", { reason: "unknown_contact" });
    const topics = await tx.topic.findMany({
      where: { isMarketing: true, archivedAt: null, defaultCategories: { has: contact.category } },
      select: { id: true, subscriptions: { where: { contactId: contact.id }, select: { state: true } } },
    });
    const toStart = topics.filter((t) => t.subscriptions[0]?.state !== "SUBSCRIBED");
    if (!contact.marketingOptOutAt && toStart.length === 0) {
      return { ok: true, changed: false, topicsStarted: 0 } as const;
    }
    const evidence = await resolveEvidence(tx, personEvidence("SELF", "PREFERENCE_ALL", opts.language), now);
    for (const t of toStart) {
      await applySubscriptionChange(tx, {
        evidence,
        contactId: contact.id,
        topicId: t.id,
        state: "SUBSCRIBED",
        source: "SELF",
        now,
      });
    }
    const fields: AuditField[] = ["subscriptions"];
    if (contact.marketingOptOutAt) {
      await tx.contact.update({ where: { id: contact.id }, data: { marketingOptOutAt: null } });
      await recordAllMarketingEvidence(tx, { contactId: contact.id, state: "SUBSCRIBED", evidence, at: now });
      fields.unshift("marketingOptOutAt");
    }
    await liftSuppression(tx, {
      addressHashes: [hashAddress(contact.email, opts.suppressionKey)],
      reason: "UNSUBSCRIBED_ALL",
    });
    await recordAuditEvent(
      tx,
      {
        actor: { type: "CONTACT", id: contact.id },
        action: "contact.marketing_opt_in",
        subject: { type: "Contact", id: contact.id },
        fields,
        personalValues: { topicsStarted: toStart.length },
      },
      now,
    );
    return { ok: true, changed: true, topicsStarted: toStart.length } as const;
  });
}
