// A spam complaint is the strongest "stop" a person can give: they leave every marketing topic at once, as with
// "unsubscribe from all marketing" (lib/subscriptions/unsubscribe-from-all.ts), but inside the webhook's transaction
// and recorded as the system acting on a complaint, not as the person's own click.
import "server-only";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import type { Tx } from "@/lib/db/client";
import { applySubscriptionChange } from "@/lib/subscriptions/apply-subscription-change";
import type { AuditField } from "@/lib/audit/audit-fields";
import { recordAllMarketingEvidence, resolveEvidence } from "@/lib/evidence/record-choice-evidence";

export async function optOutAfterComplaint(
  tx: Tx,
  opts: { contactId: string; actor: AuditActor; cause: { event: string; deliveryId: string }; now: Date },
): Promise<{ changed: boolean }> {
  const contact = await tx.contact.findUnique({
    where: { id: opts.contactId },
    select: { id: true, marketingOptOutAt: true },
  });
  if (!contact) return { changed: false };
  const subscribed = await tx.subscription.findMany({
    where: { contactId: contact.id, state: "SUBSCRIBED", topic: { isMarketing: true } },
    select: { topicId: true },
  });
  if (contact.marketingOptOutAt && subscribed.length === 0) return { changed: false };

  const evidence = await resolveEvidence(tx, { channel: "COMPLAINT", actor: { type: "SYSTEM" } }, opts.now);
  for (const s of subscribed) {
    await applySubscriptionChange(tx, {
      evidence,
      contactId: contact.id,
      topicId: s.topicId,
      state: "UNSUBSCRIBED",
      source: "COMPLAINT",
      now: opts.now,
    });
  }
  const fields: AuditField[] = ["subscriptions"];
  if (!contact.marketingOptOutAt) {
    await tx.contact.update({ where: { id: contact.id }, data: { marketingOptOutAt: opts.now } });
    await recordAllMarketingEvidence(tx, { contactId: contact.id, state: "UNSUBSCRIBED", evidence, at: opts.now });
    fields.unshift("marketingOptOutAt");
  }
  // The same action as the person's own opt-out, so the CRM changes feed (/api/v1/changes) passes it on.
  await recordAuditEvent(
    tx,
    {
      actor: opts.actor,
      action: "contact.marketing_opt_out",
      subject: { type: "Contact", id: contact.id },
      fields,
      personalValues: { topicsStopped: subscribed.length, source: "COMPLAINT", ...opts.cause },
    },
    opts.now,
  );
  return { changed: true };
}
