// The one way a subscription changes: the current row and a history row together, inside the caller's transaction.
// The audit entry is the caller's (one per act of the person, not one per topic).
import type { Tx } from "@/lib/db/client";
import type { ChangeSource, SubscriptionState } from "@/lib/generated/prisma/enums";

export async function applySubscriptionChange(
  tx: Tx,
  change: { contactId: string; topicId: string; state: SubscriptionState; source: ChangeSource; now: Date },
): Promise<void> {
  const { contactId, topicId, state, source, now } = change;
  await tx.subscription.upsert({
    where: { contactId_topicId: { contactId, topicId } },
    create: { contactId, topicId, state, source, changedAt: now },
    update: { state, source, changedAt: now, staffId: null },
  });
  await tx.subscriptionChange.create({ data: { contactId, topicId, state, source, at: now } });
}
