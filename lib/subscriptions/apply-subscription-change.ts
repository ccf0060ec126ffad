// The one way a subscription changes: the current row, a history row and the change's evidence (lib/evidence/)
// together, inside the caller's transaction. The audit entry is the caller's (one per act of the person, not one per
// topic).
import type { Tx } from "@/lib/db/client";
import type { ChangeSource, SubscriptionState } from "@/lib/generated/prisma/enums";
import { recordTopicEvidence, type Evidence } from "@/lib/evidence/record-choice-evidence";

export async function applySubscriptionChange(
  tx: Tx,
  change: {
    contactId: string;
    topicId: string;
    state: SubscriptionState;
    source: ChangeSource;
    /** Staff who made the change (source STAFF or IMPORT). */
    staffId?: string | null;
    evidence: Evidence;
    now: Date;
  },
): Promise<void> {
  const { contactId, topicId, state, source, now } = change;
  const staffId = change.staffId ?? null;
  await tx.subscription.upsert({
    where: { contactId_topicId: { contactId, topicId } },
    create: { contactId, topicId, state, source, staffId, changedAt: now },
    update: { state, source, changedAt: now, staffId },
  });
  await tx.subscriptionChange.create({ data: { contactId, topicId, state, source, staffId, at: now } });
  await recordTopicEvidence(tx, { contactId, topicId, state, evidence: change.evidence, at: now });
}
