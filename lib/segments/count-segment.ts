// The live count of a segment: how many contacts match the filter and, for a topic, how many may be mailed and why the
// others are left out (the first reason of exclusion-sql.ts that applies), with the suppressed split by their
// suppression reason. One scan of ContactFacts, the narrow row per contact the triggers keep (migration contact_facts:
// filtered columns, topic numbers, purposes with a basis, the address's first suppression reason), so ~120 bytes per
// contact and no join but ContactRole for role filters. Joining ~1M subscription and legal-basis rows took 1–3 s;
// tests check the count agrees with exclusionReasonSql (the normalised tables) contact by contact.
import "server-only";
import type { Db, Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SuppressionReason } from "@/lib/generated/prisma/enums";
import { EXCLUSION_REASONS, type ExclusionReason, type MailingTopic } from "./exclusion-sql";
import type { SegmentFilter } from "./segment-filter";
import { fail, type Because } from "@/lib/result";
import { segmentFactsSql } from "./segment-sql";

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

export type CountSegmentResult = { ok: true; count: SegmentCount } | Because<"not_found", "topic_not_found">;

export async function countSegment(opts: {
  db: Db;
  filter: SegmentFilter;
  /** The topic of the mailing; without one only the total is counted. */
  topicId?: string | null;
  /** Decides which roles are current and whose pause of marketing mail is still on; now when not given. */
  today?: Date;
}): Promise<CountSegmentResult> {
  const today = opts.today ?? new Date();
  const facts = segmentFactsSql(opts.filter, today);
  if (!opts.topicId) {
    const total = await opts.db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM ${facts} c`;
    return { ok: true, count: { total: total[0]?.n ?? 0, topic: null } };
  }
  const topic = await opts.db.topic.findUnique({
    where: { id: opts.topicId },
    select: { id: true, number: true, purpose: true, isMarketing: true, isRequired: true },
  });
  if (!topic) return fail("not_found", { reason: "topic_not_found" });
  const rows = await inCountTransaction(opts.db, (tx) =>
    tx.$queryRaw<{ reason: number; suppression: SuppressionReason | null; n: number }[]>(
      breakdownSql(topic, facts, today),
    ),
  );
  return {
    ok: true,
    count: {
      topic: { id: topic.id, purpose: topic.purpose, isMarketing: topic.isMarketing, isRequired: topic.isRequired },
      ...tally(rows),
    },
  };
}

// Same order of reasons as exclusionReasonSql; a reason is its index in EXCLUSION_REASONS (-1: eligible), small
// integers being cheaper to group than text. The suppression list counts with every scope for marketing topics and
// only scope ALL otherwise, as in exclusionReasonSql; the facts keep the first reason of each.
function breakdownSql(topic: MailingTopic & { number: number }, facts: Prisma.Sql, now: Date): Prisma.Sql {
  const reason = (r: ExclusionReason) => Prisma.raw(String(EXCLUSION_REASONS.indexOf(r)));
  const suppressed = topic.isMarketing ? Prisma.sql`c."suppressedAny"` : Prisma.sql`c."suppressedAll"`;
  const n = Prisma.sql`${topic.number}::smallint`;
  return Prisma.sql`SELECT x.reason, x.suppression::text AS suppression, count(*)::int AS n FROM (
      SELECT CASE
        WHEN ${suppressed} IS NOT NULL THEN ${reason("SUPPRESSED")}
        WHEN ${topic.isMarketing} AND c."optedOut" THEN ${reason("OPTED_OUT")}
        WHEN ${topic.isMarketing} AND c."pausedUntil" > ${now} THEN ${reason("PAUSED")}
        WHEN ${topic.isRequired} THEN -1
        WHEN ${n} = ANY(c."topicsOff") THEN ${reason("UNSUBSCRIBED_TOPIC")}
        WHEN NOT (${n} = ANY(c."topicsOn")) THEN ${reason("NOT_SUBSCRIBED")}
        WHEN NOT (${topic.purpose}::"Purpose" = ANY(c."purposes")) THEN ${reason("NO_BASIS")}
        ELSE -1 END AS reason,
        ${suppressed} AS suppression
      FROM ${facts} c
    ) x GROUP BY x.reason, x.suppression`;
}

function tally(rows: { reason: number; suppression: SuppressionReason | null; n: number }[]) {
  const excluded = Object.fromEntries(EXCLUSION_REASONS.map((r) => [r, 0])) as Record<ExclusionReason, number>;
  const suppressedBy = Object.fromEntries(SUPPRESSION_REASONS.map((r) => [r, 0])) as Record<SuppressionReason, number>;
  let total = 0;
  let eligible = 0;
  for (const row of rows) {
    total += row.n;
    const reason = EXCLUSION_REASONS[row.reason];
    if (!reason) eligible += row.n;
    else excluded[reason] += row.n;
    if (reason === "SUPPRESSED" && row.suppression) suppressedBy[row.suppression] += row.n;
  }
  return { total, eligible, excluded, suppressedBy };
}

// The breakdown reads the whole segment once: no JIT compilation (it costs more than it saves here) and enough memory
// for a role filter's hash join to stay in memory.
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
