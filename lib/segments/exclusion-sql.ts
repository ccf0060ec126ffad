// Who in a segment may not receive a mailing on a topic, and why: the one definition used by the live count's
// breakdown, the expansion of a mailing into deliveries, and the check made again for each recipient at send time.
// Order matters: the first reason that applies is the one reported.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Purpose } from "@/lib/generated/prisma/enums";

/** `isRequired`: a required notice (Topic.isRequired) skips the subscription and basis checks; ALL-scope suppressions
 * (erased, hard bounce) still stop it, as nothing can be mailed there. */
export type MailingTopic = { id: string; purpose: Purpose; isMarketing: boolean; isRequired: boolean };

export const EXCLUSION_REASONS = [
  "SUPPRESSED", // address on the suppression list (erased, bounced, complained, manual, unsubscribed from all)
  "OPTED_OUT", // unsubscribed from all marketing (marketing topics only)
  "PAUSED", // paused marketing mail until after the moment of selection (marketing topics only)
  "UNSUBSCRIBED_TOPIC", // unsubscribed from this topic
  "NOT_SUBSCRIBED", // never subscribed to this topic (not a default for their category, not chosen)
  "NO_BASIS", // no legal basis recorded for the topic's purpose (e.g. a supplier contact and marketing)
] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

function suppressedSql(topic: MailingTopic): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM "Suppression" sp WHERE sp."addressHash" = c."addressHash"
    AND (sp."scope" = 'ALL' OR ${topic.isMarketing}))`;
}

function subscriptionStateSql(topic: MailingTopic): Prisma.Sql {
  return Prisma.sql`(SELECT s."state"::text FROM "Subscription" s WHERE s."contactId" = c."id" AND s."topicId" = ${topic.id})`;
}

function hasBasisSql(topic: MailingTopic): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM "ContactLegalBasis" b WHERE b."contactId" = c."id"
    AND b."purpose" = ${topic.purpose}::"Purpose")`;
}

/** Paused at `now`: a pause whose end has passed is no pause, so nothing has to clear it. */
function pausedSql(now: Date): Prisma.Sql {
  return Prisma.sql`c."marketingPausedUntil" > ${now}`;
}

/** The reason `c` is left out at `now`, or NULL when they may be mailed. */
export function exclusionReasonSql(topic: MailingTopic, now: Date): Prisma.Sql {
  return Prisma.sql`CASE
    WHEN ${suppressedSql(topic)} THEN 'SUPPRESSED'
    WHEN ${topic.isMarketing} AND c."marketingOptOutAt" IS NOT NULL THEN 'OPTED_OUT'
    WHEN ${topic.isMarketing} AND ${pausedSql(now)} THEN 'PAUSED'
    WHEN ${topic.isRequired} THEN NULL
    WHEN ${subscriptionStateSql(topic)} = 'UNSUBSCRIBED' THEN 'UNSUBSCRIBED_TOPIC'
    WHEN ${subscriptionStateSql(topic)} IS NULL THEN 'NOT_SUBSCRIBED'
    WHEN NOT ${hasBasisSql(topic)} THEN 'NO_BASIS'
    ELSE NULL END`;
}

/** The same rules as a condition that planners turn into (anti-)joins: true when `c` may be mailed at `now`. */
export function eligibleConditionSql(topic: MailingTopic, now: Date): Prisma.Sql {
  return Prisma.sql`NOT ${suppressedSql(topic)}
    AND (NOT ${topic.isMarketing} OR (c."marketingOptOutAt" IS NULL
      AND (c."marketingPausedUntil" IS NULL OR c."marketingPausedUntil" <= ${now})))
    AND (${topic.isRequired} OR (EXISTS (SELECT 1 FROM "Subscription" s WHERE s."contactId" = c."id"
      AND s."topicId" = ${topic.id} AND s."state" = 'SUBSCRIBED')
    AND ${hasBasisSql(topic)}))`;
}
