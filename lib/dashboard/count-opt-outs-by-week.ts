// Opt-outs from all marketing per Stockholm week (Monday to Sunday), the last `weeks` weeks with the current one last,
// split by how the person opted out. The audit trail is the record: every opt-out from all marketing is one
// `contact.marketing_opt_out` entry, whose personal values name the source (the preference page, the one-click
// link in a mail, or a spam complaint). Erasure clears those values, so an erased person's opt-out still counts,
// under "not recorded".
import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import { stockholmDayStart } from "@/lib/time/stockholm-day";

export const OPT_OUT_SOURCES = ["SELF", "ONE_CLICK", "COMPLAINT", "UNKNOWN"] as const;
export type OptOutSource = (typeof OPT_OUT_SOURCES)[number];

export type OptOutWeek = { week: string } & Record<OptOutSource, number>;

const DAY = 86_400_000;
const dayFormat = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", dateStyle: "short" });

/** The Mondays (YYYY-MM-DD, Stockholm) of the last `n` weeks, oldest first, the current week last. */
export function lastWeekStarts(now: Date, n: number): string[] {
  const today = dayFormat.format(now);
  const weekday = (new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
  const monday = Date.parse(`${today}T12:00:00Z`) - weekday * DAY;
  return Array.from({ length: n }, (_, i) => new Date(monday - (n - 1 - i) * 7 * DAY).toISOString().slice(0, 10));
}

export async function countOptOutsByWeek(opts: { db: DbOrTx; now: Date; weeks?: number }): Promise<OptOutWeek[]> {
  const weeks = lastWeekStarts(opts.now, opts.weeks ?? 12);
  const since = stockholmDayStart(weeks[0]!);
  // Index AuditEvent(action, at): a range over this one action since the first Monday. "at" is UTC without a zone:
  // say so, then read the week on Stockholm's clock (date_trunc('week') starts on Monday).
  const rows = await opts.db.$queryRaw<{ week: string; source: string | null; n: number }[]>`
    SELECT to_char(date_trunc('week', ("at" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Stockholm'), 'YYYY-MM-DD') AS week,
           "personalValues"->>'source' AS source, count(*)::int AS n
      FROM "AuditEvent"
     WHERE action = 'contact.marketing_opt_out' AND "at" >= ${since}
     GROUP BY 1, 2`;
  const byWeek = new Map(weeks.map((week) => [week, { week, SELF: 0, ONE_CLICK: 0, COMPLAINT: 0, UNKNOWN: 0 }]));
  for (const r of rows) {
    const row = byWeek.get(r.week);
    if (!row) continue;
    const source: OptOutSource = (OPT_OUT_SOURCES as readonly string[]).includes(r.source ?? "")
      ? (r.source as OptOutSource)
      : "UNKNOWN";
    row[source] += Number(r.n);
  }
  return [...byWeek.values()];
}
