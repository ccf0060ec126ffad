// The person turns one topic on or off (preference page, or the one-click POST for a single topic).
// Subscribing to a marketing topic while opted out of all marketing is itself an explicit choice: it lifts the opt-out
// (and its suppression row), in the same transaction, so the person gets what they just asked for.
import "server-only";
import { liftSuppression } from "@/lib/suppression/lift-suppression";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import type { ChangeSource, Language, SubscriptionState } from "@/lib/generated/prisma/enums";
import { hashAddress } from "@/lib/suppression/hash-address";
import { fail, type Because } from "@/lib/result";
import { applySubscriptionChange } from "./apply-subscription-change";
import { personEvidence } from "./person-evidence";
import type { AuditField } from "@/lib/audit/audit-fields";
import { recordAllMarketingEvidence, resolveEvidence } from "@/lib/evidence/record-choice-evidence";

export type SetSubscriptionResult =
  | { ok: true; changed: boolean; state: SubscriptionState; topic: { id: string; nameSv: string; nameEn: string } }
  | Because<"not_found", "unknown_contact">
  | Because<"not_found", "unknown_topic">;

export async function setSubscription(opts: {
  db: Db;
  contactId: string;
  topicId: string;
  state: SubscriptionState;
  source: Extract<ChangeSource, "SELF" | "ONE_CLICK">;
  suppressionKey: string;
  /** The page's language: the notice the person saw there (the one-click header shows none of ours). */
  language?: Language;
  now?: Date;
}): Promise<SetSubscriptionResult> {
  const now = opts.now ?? new Date();
  return opts.db.$transaction(async (tx) => {
    const contact = await tx.contact.findUnique({
      where: { id: opts.contactId },
      select: { id: true, email: true, marketingOptOutAt: true },
    });
    if (!contact) return fail("not_found", { reason: "unknown_contact" });
    // Archived topics can still be left (an old mail's one-click), never joined.
    const topic = await tx.topic.findUnique({
      where: { id: opts.topicId },
      select: { id: true, key: true, nameSv: true, nameEn: true, isMarketing: true, archivedAt: true },
    });
    if (!topic || (topic.archivedAt && opts.state === "SUBSCRIBED"))
      return fail("not_found", { reason: "unknown_topic" });
    const view = { id: topic.id, nameSv: topic.nameSv, nameEn: topic.nameEn };

    const current = await tx.subscription.findUnique({
      where: { contactId_topicId: { contactId: contact.id, topicId: topic.id } },
      select: { state: true },
    });
    const liftsOptOut = opts.state === "SUBSCRIBED" && topic.isMarketing && contact.marketingOptOutAt !== null;
    // No row means not subscribed: leaving a topic one never joined changes nothing.
    const changesTopic = (current?.state ?? "UNSUBSCRIBED") !== opts.state;
    if (!changesTopic && !liftsOptOut) return { ok: true, changed: false, state: opts.state, topic: view } as const;

    const evidence = await resolveEvidence(tx, personEvidence(opts.source, "PREFERENCE_TOPICS", opts.language), now);
    if (changesTopic) {
      await applySubscriptionChange(tx, {
        evidence,
        contactId: contact.id,
        topicId: topic.id,
        state: opts.state,
        source: opts.source,
        now,
      });
    }
    const fields: AuditField[] = ["subscriptions"];
    if (liftsOptOut) {
      await tx.contact.update({ where: { id: contact.id }, data: { marketingOptOutAt: null } });
      await recordAllMarketingEvidence(tx, { contactId: contact.id, state: "SUBSCRIBED", evidence, at: now });
      await liftSuppression(tx, {
        addressHashes: [hashAddress(contact.email, opts.suppressionKey)],
        reason: "UNSUBSCRIBED_ALL",
      });
      fields.push("marketingOptOutAt");
    }
    await recordAuditEvent(
      tx,
      {
        actor: { type: "CONTACT", id: contact.id },
        action: opts.state === "SUBSCRIBED" ? "subscription.subscribed" : "subscription.unsubscribed",
        subject: { type: "Contact", id: contact.id },
        fields,
        personalValues: { topic: topic.key, from: current?.state ?? null, to: opts.state, source: opts.source },
      },
      now,
    );
    return { ok: true, changed: true, state: opts.state, topic: view } as const;
  });
}
