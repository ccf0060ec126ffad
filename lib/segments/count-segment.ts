// The live count of a segment: how many contacts match the filter and, for a topic, how many may be mailed and why the
// others are left out (the first reason of exclusion-sql.ts that applies), with the suppressed split by their
// suppression reason. One scan of Contact, reading the topic and purpose arrays the triggers keep on it (joining
// ~1M subscription and legal-basis rows took 1–3 s), plus a hash join with the small suppression list; tests check it
// agrees with exclusionReasonSql (the normalised tables) contact by contact.
import "server-only";
import type { Db, Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SuppressionReason } from "@/lib/generated/prisma/enums";
import { EXCLUSION_REASONS, type ExclusionReason, type MailingTopic } from "./exclusion-sql";
import type { SegmentFilter } from "./segment-filter";
import { segmentConditionSql } from "./segment-sql";

/** When someone is suppressed for several reasons, the breakdown names the first of these. */
export const SUPPRESSION_REASONS = [
  "ERASED",
  "HARD_BOUNCE",
  "COMPLAINT",
  "UNSUBSCRIBED_ALL",
  "MANUAL",
] as const satisfies readonly SuppressionReason[];

export type SegmentBreakdown = {
  eligible: number;
  excluded: Record<ExclusionReason, number>;
  suppressedBy: Record<SuppressionReason, number>;
};

export type SegmentCount = { total: number } & ({ topic: null } | ({ topic: MailingTopic } & SegmentBreakdown));

export type CountSegmentResult = { ok: true; count: SegmentCount } | { ok: false; code: "topic_not_found" };

export async function countSegment(opts: {
  db: Db;
  filter: SegmentFilter;
  /** The topic of the mailing; without one only the total is counted. */
  topicId?: string | null;
  /** Decides which roles are current; today when not given. */
  today?: Date;
}): Promise<CountSegmentResult> {
  const where = segmentConditionSql(opts.filter, opts.today ?? new Date());
  if (!opts.topicId) {
    // One scan (or index scan) of Contact: cheap enough to need no tuning.
    const total = await opts.db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Contact" c WHERE ${where}`;
    return { ok: true, count: { total: total[0]?.n ?? 0, topic: null } };
  }
  const topic = await opts.db.topic.findUnique({
    where: { id: opts.topicId },
    select: { id: true, purpose: true, isMarketing: true },
  });
  if (!topic) return { ok: false, code: "topic_not_found" };
  const rows = await inCountTransaction(opts.db, (tx) =>
    tx.$queryRaw<{ reason: ExclusionReason | null; suppression: number | null; n: number }[]>(
      breakdownSql(topic, where),
    ),
  );
  return { ok: true, count: { topic, ...tally(rows) } };
}

// Same order of reasons as exclusionReasonSql; the suppression list is reduced to one row per address (its first
// reason by SUPPRESSION_REASONS) before the join so that a contact is counted once.
function breakdownSql(topic: MailingTopic, where: Prisma.Sql): Prisma.Sql {
  const priority = Prisma.raw(
    `CASE sp."reason"::text ${SUPPRESSION_REASONS.map((r, i) => `WHEN '${r}' THEN ${i}`).join(" ")} END`,
  );
  return Prisma.sql`SELECT x.reason, x.suppression, count(*)::int AS n FROM (
      SELECT CASE
        WHEN sp.first IS NOT NULL THEN 'SUPPRESSED'
        WHEN ${topic.isMarketing} AND c."marketingOptOutAt" IS NOT NULL THEN 'OPTED_OUT'
        WHEN ${topic.id} = ANY(c."unsubscribedTopicIds") THEN 'UNSUBSCRIBED_TOPIC'
        WHEN NOT (${topic.id} = ANY(c."subscribedTopicIds")) THEN 'NOT_SUBSCRIBED'
        WHEN NOT (${topic.purpose}::"Purpose" = ANY(c."basisPurposes")) THEN 'NO_BASIS'
        ELSE NULL END AS reason,
        sp.first AS suppression
      FROM "Contact" c
      LEFT JOIN (
        SELECT sp."addressHash", min(${priority}) AS first FROM "Suppression" sp
        WHERE sp."scope" = 'ALL' OR ${topic.isMarketing} GROUP BY sp."addressHash"
      ) sp ON sp."addressHash" = c."addressHash"
      WHERE ${where}
    ) x GROUP BY x.reason, x.suppression`;
}

function tally(rows: { reason: ExclusionReason | null; suppression: number | null; n: number }[]) {
  const excluded = Object.fromEntries(EXCLUSION_REASONS.map((r) => [r, 0])) as Record<ExclusionReason, number>;
  const suppressedBy = Object.fromEntries(SUPPRESSION_REASONS.map((r) => [r, 0])) as Record<SuppressionReason, number>;
  let total = 0;
  let eligible = 0;
  for (const row of rows) {
    total += row.n;
    if (row.reason === null) eligible += row.n;
    else excluded[row.reason] += row.n;
    const by = row.suppression === null ? undefined : SUPPRESSION_REASONS[row.suppression];
    if (row.reason === "SUPPRESSED" && by) suppressedBy[by] += row.n;
  }
  return { total, eligible, excluded, suppressedBy };
}

// The breakdown reads the whole segment with its subscription, legal basis and suppression rows once: no JIT
// compilation (it costs more than it saves here) and enough memory for the hash joins to stay in memory.
async function inCountTransaction<T>(db: Db, run: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL jit = off");
      await tx.$executeRawUnsafe("SET LOCAL work_mem = '64MB'");
      return run(tx);
    },
    { timeout: 60_000 },
  );
}
