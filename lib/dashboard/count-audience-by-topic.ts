// Marketing's audience per topic: who is subscribed and may be mailed, who is subscribed but stopped (opted out of all
// marketing, paused it, suppressed, or without a legal basis for the topic's purpose), and who unsubscribed from it. The same
// rules as a mailing's exclusions (lib/segments/exclusion-sql.ts), read from ContactFacts as the segment count does
// (lib/segments/count-segment.ts), so the dashboard and a mailing's count cannot disagree.
import "server-only";
import type { DbOrTx } from "@/lib/db/client";

export type TopicAudience = {
  topicId: string;
  nameSv: string;
  nameEn: string;
  /** Subscribed and may be mailed on the topic now. */
  eligible: number;
  /** Subscribed, but opted out of all marketing, paused it, suppressed, or without a legal basis. */
  stopped: number;
  /** Unsubscribed from the topic. */
  unsubscribed: number;
};

type Row = { topicId: string; nameSv: string; nameEn: string; eligible: number; subscribed: number; off: number };

export async function countAudienceByTopic(opts: { db: DbOrTx; now?: Date }): Promise<TopicAudience[]> {
  const now = opts.now ?? new Date();
  // One pass over ContactFacts (~120 bytes a contact, no index: every row counts), each contact's topic numbers
  // unnested and grouped in SQL by topic; one row per live topic comes back (topics nobody chose, with zeros).
  // Topics join on their unique "number" (index Topic_number_key).
  const rows = await opts.db.$queryRaw<Row[]>`
    WITH a AS (
      SELECT t.id,
             count(*) FILTER (WHERE x.subscribed AND
               (CASE WHEN t."isMarketing" THEN c."suppressedAny" IS NULL AND NOT c."optedOut"
                       AND (c."pausedUntil" IS NULL OR c."pausedUntil" <= ${now})
                     ELSE c."suppressedAll" IS NULL END)
               AND t.purpose = ANY(c.purposes))::int AS eligible,
             count(*) FILTER (WHERE x.subscribed)::int AS subscribed,
             count(*) FILTER (WHERE NOT x.subscribed)::int AS off
        FROM "ContactFacts" c
       CROSS JOIN LATERAL (
             SELECT n, true AS subscribed FROM unnest(c."topicsOn") n
             UNION ALL
             SELECT n, false FROM unnest(c."topicsOff") n) x
        JOIN "Topic" t ON t.number = x.n
       GROUP BY t.id)
    SELECT t.id AS "topicId", t."nameSv", t."nameEn",
           coalesce(a.eligible, 0) AS eligible, coalesce(a.subscribed, 0) AS subscribed, coalesce(a.off, 0) AS off
      FROM "Topic" t LEFT JOIN a ON a.id = t.id
     WHERE t."archivedAt" IS NULL
     ORDER BY t."sortOrder", t."nameSv"`;
  return rows.map((r) => ({
    topicId: r.topicId,
    nameSv: r.nameSv,
    nameEn: r.nameEn,
    eligible: Number(r.eligible),
    stopped: Number(r.subscribed) - Number(r.eligible),
    unsubscribed: Number(r.off),
  }));
}
