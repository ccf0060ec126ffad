// The open privacy requests (received or in progress) as figures and as the few due first: what "to handle" on the
// request register and the privacy part of the dashboard show. Counted in SQL by status, type and how soon each falls
// due (by its effective due date, the extended one when there is one), so a backlog of thousands costs one grouped
// read of the open rows (index [status, dueAt]) and one short ordered read, never a page of every open request.
import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import type { PrivacyRequestType } from "@/lib/generated/prisma/enums";

const DAY = 86_400_000;

/** How soon an open request falls due, by its effective due date. */
export const DUE_BUCKETS = ["overdue", "within7Days", "within30Days", "later"] as const;
export type DueBucket = (typeof DUE_BUCKETS)[number];

export type OpenRequestFigures = {
  open: number;
  byBucket: Record<DueBucket, number>;
  byDue: { bucket: DueBucket; RECEIVED: number; IN_PROGRESS: number }[];
  byType: { type: PrivacyRequestType; count: number }[];
};

type Group = { status: "RECEIVED" | "IN_PROGRESS"; type: PrivacyRequestType; bucket: DueBucket; n: number };

export async function countOpenRequests(db: DbOrTx, now: Date): Promise<OpenRequestFigures> {
  const groups = await db.$queryRaw<Group[]>`
    SELECT r.status::text AS status, r.type::text AS type,
           CASE WHEN r.due < ${now} THEN 'overdue'
                WHEN r.due < ${new Date(+now + 7 * DAY)} THEN 'within7Days'
                WHEN r.due < ${new Date(+now + 30 * DAY)} THEN 'within30Days'
                ELSE 'later' END AS bucket,
           count(*)::int AS n
      FROM (SELECT status, type, COALESCE("extendedDueAt", "dueAt") AS due FROM "PrivacyRequest"
             WHERE "completedAt" IS NULL AND status IN ('RECEIVED', 'IN_PROGRESS')) r
     GROUP BY 1, 2, 3`;
  const byBucket = Object.fromEntries(DUE_BUCKETS.map((b) => [b, 0])) as Record<DueBucket, number>;
  const byDue = DUE_BUCKETS.map((bucket) => ({ bucket, RECEIVED: 0, IN_PROGRESS: 0 }));
  const byType = new Map<PrivacyRequestType, number>();
  let open = 0;
  for (const g of groups) {
    const n = Number(g.n);
    open += n;
    byBucket[g.bucket] += n;
    byDue[DUE_BUCKETS.indexOf(g.bucket)]![g.status] += n;
    byType.set(g.type, (byType.get(g.type) ?? 0) + n);
  }
  return {
    open,
    byBucket,
    byDue,
    byType: [...byType].map(([type, count]) => ({ type, count })).sort((a, b) => b.count - a.count),
  };
}

/** The ids of the `limit` open requests due first (effective due date, then id), in that order. */
export async function openRequestsDueFirst(db: DbOrTx, limit: number): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM "PrivacyRequest"
     WHERE "completedAt" IS NULL AND status IN ('RECEIVED', 'IN_PROGRESS')
     ORDER BY COALESCE("extendedDueAt", "dueAt"), id
     LIMIT ${limit}`;
  return rows.map((r) => r.id);
}
