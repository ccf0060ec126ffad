// How many rows a list matches: exact when counting is cheap (up to EXACT_COUNT_LIMIT, which stops reading at the
// limit), otherwise PostgreSQL's own estimate for the same query, flagged so the page says "about 312,000". An exact
// count of a million matches reads a million rows on every page view, and nobody acts on the last digit.
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DbOrTx } from "./client";

export const EXACT_COUNT_LIMIT = 10_000;

export type RowCount = { n: number; exact: boolean };

/** `from` is the query's `FROM … WHERE …`, as the list reads it. */
export async function countOrEstimate(db: DbOrTx, from: Prisma.Sql, limit = EXACT_COUNT_LIMIT): Promise<RowCount> {
  const [counted] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM (SELECT 1 ${from} LIMIT ${
    limit + 1
  }) AS t`;
  const n = counted?.n ?? 0;
  if (n <= limit) return { n, exact: true };
  const plan = await db.$queryRaw<Record<string, unknown>[]>`EXPLAIN (FORMAT JSON) SELECT 1 ${from}`;
  // Below the limit the estimate is wrong (more than `limit` rows were just read): say "more than" that many.
  return { n: roundEstimate(Math.max(planRows(plan), limit + 1)), exact: false };
}

/** Three significant digits: 312,487 → 312,000. An estimate shown to the last digit would claim a precision it lacks. */
export function roundEstimate(n: number): number {
  if (n < 1000) return n;
  const step = 10 ** (Math.floor(Math.log10(n)) - 2);
  return Math.round(n / step) * step;
}

function planRows(result: Record<string, unknown>[]): number {
  const cell = result[0] ? Object.values(result[0])[0] : undefined;
  const parsed: unknown = typeof cell === "string" ? JSON.parse(cell) : cell;
  const rows = (parsed as { Plan?: { "Plan Rows"?: unknown } }[] | undefined)?.[0]?.Plan?.["Plan Rows"];
  return typeof rows === "number" && Number.isFinite(rows) ? rows : 0;
}
