// Why people left, from the answers to "why are you leaving?" (LeavingAnswer): per Stockholm month (the last `months`,
// current last) and per topic over the same months, each split by reason. One grouped read over the answers of those
// months (index LeavingAnswer(createdAt)); the register's size does not matter. "All marketing" (an unsubscribe from
// everything) is its own row, topicId null. Answers go with an erased contact, so the figures count the living.
import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import type { LeavingReason } from "@/lib/generated/prisma/enums";
import { LEAVING_REASONS } from "@/lib/subscriptions/leaving-survey-input";

export type ReasonCounts = Record<LeavingReason, number>;
export type LeavingMonth = { month: string } & ReasonCounts;
export type LeavingTopic = { topicId: string | null; nameSv: string | null; nameEn: string | null } & ReasonCounts;
export type LeavingReasons = { byMonth: LeavingMonth[]; byTopic: LeavingTopic[] };

export const noReasons = (): ReasonCounts => Object.fromEntries(LEAVING_REASONS.map((r) => [r, 0])) as ReasonCounts;

/** Months as YYYY-MM on Stockholm's clock, the last `n` ending with the current one. */
export function lastStockholmMonths(now: Date, n: number): string[] {
  const current = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", year: "numeric", month: "2-digit" })
    .format(now)
    .slice(0, 7);
  const [y, m] = current.split("-").map(Number) as [number, number];
  return Array.from({ length: n }, (_, i) => new Date(Date.UTC(y, m - 1 - (n - 1 - i), 1)).toISOString().slice(0, 7));
}

export async function countLeavingReasons(opts: { db: DbOrTx; now: Date; months?: number }): Promise<LeavingReasons> {
  const months = lastStockholmMonths(opts.now, opts.months ?? 6);
  // A day early, so the first Stockholm month is whole whatever the offset; rows outside the months are dropped.
  const since = new Date(Date.parse(`${months[0]}-01T00:00:00Z`) - 86_400_000);
  const rows = await opts.db.$queryRaw<
    {
      month: string;
      topicId: string | null;
      nameSv: string | null;
      nameEn: string | null;
      reason: LeavingReason;
      n: number;
    }[]
  >`
    SELECT to_char(date_trunc('month', (a."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Stockholm'), 'YYYY-MM')
             AS month,
           a."topicId", t."nameSv", t."nameEn", a.reason::text AS reason, count(*)::int AS n
      FROM "LeavingAnswer" a LEFT JOIN "Topic" t ON t.id = a."topicId"
     WHERE a."createdAt" >= ${since}
     GROUP BY 1, 2, 3, 4, 5`;
  const byMonth = new Map(months.map((month) => [month, { month, ...noReasons() }]));
  const byTopic = new Map<string, LeavingTopic>();
  for (const r of rows) {
    const month = byMonth.get(r.month);
    if (!month) continue;
    month[r.reason] += Number(r.n);
    const key = r.topicId ?? "";
    const topic = byTopic.get(key) ?? { topicId: r.topicId, nameSv: r.nameSv, nameEn: r.nameEn, ...noReasons() };
    topic[r.reason] += Number(r.n);
    byTopic.set(key, topic);
  }
  const total = (t: ReasonCounts) => LEAVING_REASONS.reduce((s, r) => s + t[r], 0);
  return {
    byMonth: [...byMonth.values()],
    byTopic: [...byTopic.values()].sort((a, b) => total(b) - total(a)),
  };
}
