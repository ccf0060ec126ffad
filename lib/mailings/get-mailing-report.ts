// The report of a mailing: its totals (the progress page's tally) and a delivery timeline from the 10 minutes the
// send started in: what was handed to the provider, delivered, bounced, marked as spam and unsubscribed per 10
// minutes, or per hour when the events span more than six hours. A delivery's provider outcome is stamped on its row
// when the webhook moves it (Delivery.updatedAt, apply-resend-event.ts), and a trigger keeps the events per 10-minute
// slot (MailingTimeline), so the report reads a few hundred rows, never the send log. Opens are not recorded (the
// webhook ignores them), so there is no opened line.
import "server-only";
import type { Forbidden, NotFound } from "@/lib/result";
import type { StaffPrincipal } from "@/lib/auth/permissions";
import type { DbOrTx } from "@/lib/db/client";
import type { MailingStatus } from "@/lib/generated/prisma/enums";
import { loadMailingForStaff } from "@/lib/access/load-mailing-for-staff";
import { countDeliveries, type DeliveryCounts } from "./get-mailing-progress";
import { countLeavingReasonsForMailing, type MailingLeavingReasons } from "./count-leaving-reasons-for-mailing";

export const TIMELINE_SERIES = ["sent", "delivered", "bounced", "complained", "unsubscribed"] as const;
export type TimelineSeries = (typeof TIMELINE_SERIES)[number];
export type TimelineBucket = { start: Date } & Record<TimelineSeries, number>;

export type MailingReport = {
  mailing: { id: string; name: string; status: MailingStatus; startedAt: Date | null; finishedAt: Date | null };
  totals: DeliveryCounts;
  /** Why people left through this mailing's footer link (answers to "why are you leaving?"), per reason. */
  leaving: MailingLeavingReasons;
  /** Null until sending has started. */
  timeline: null | {
    bucketMinutes: 10 | 60;
    buckets: TimelineBucket[];
    /** Events later than the timeline's end (72 hours) are counted in its last bucket. */
    foldedAfterHours: number | null;
  };
};

export type GetMailingReportResult = { ok: true; report: MailingReport } | Forbidden | NotFound;

const SLOT_MINUTES = 10;
const SLOT_MS = SLOT_MINUTES * 60_000;
const MAX_HOURS = 72;
const MAX_SLOT = (MAX_HOURS * 60) / SLOT_MINUTES - 1;
/** Up to six hours of events are shown per 10 minutes (36 bars at most); longer, per hour (72 at most). */
const FINE_SLOTS = (6 * 60) / SLOT_MINUTES;

type Row = { slot: number; kind: TimelineSeries; n: number };

export async function getMailingReport(opts: {
  db: DbOrTx;
  staff: StaffPrincipal;
  mailingId: string;
}): Promise<GetMailingReportResult> {
  const access = await loadMailingForStaff({ db: opts.db, staff: opts.staff, id: opts.mailingId });
  if (!access.ok) return access;
  const mailing = await opts.db.mailing.findUnique({
    where: { id: access.value.id },
    select: { id: true, name: true, status: true, startedAt: true, finishedAt: true },
  });
  if (!mailing) return { ok: false, code: "not_found" };
  const [totals, leaving] = await Promise.all([
    countDeliveries(opts.db, mailing.id),
    countLeavingReasonsForMailing(opts.db, mailing.id),
  ]);
  if (!mailing.startedAt) return { ok: true, report: { mailing, totals, leaving, timeline: null } };

  // Slots are aligned to the clock (UTC); the timeline starts at the slot the send started in.
  const start = new Date(Math.floor(+mailing.startedAt / SLOT_MS) * SLOT_MS);
  const rows = await opts.db.$queryRaw<Row[]>`
    SELECT GREATEST(0, LEAST(${MAX_SLOT}::int,
             floor((extract(epoch FROM t."slot") - ${+start / 1000}::float8) / ${SLOT_MS / 1000}::float8)::int)) AS slot,
           t."kind", sum(t."n")::int AS n
      FROM "MailingTimeline" t
     WHERE t."mailingId" = ${mailing.id} AND t."n" <> 0
     GROUP BY 1, 2`;
  return { ok: true, report: { mailing, totals, leaving, timeline: toTimeline(start, rows) } };
}

function toTimeline(start: Date, rows: Row[]): NonNullable<MailingReport["timeline"]> {
  const last = Math.max(0, ...rows.map((r) => Number(r.slot)));
  const bucketMinutes = last < FINE_SLOTS ? 10 : 60;
  const perBucket = bucketMinutes / SLOT_MINUTES;
  const count = Math.floor(last / perBucket) + 1;
  const buckets: TimelineBucket[] = Array.from({ length: count }, (_, i) => ({
    start: new Date(+start + i * bucketMinutes * 60_000),
    sent: 0,
    delivered: 0,
    bounced: 0,
    complained: 0,
    unsubscribed: 0,
  }));
  for (const r of rows) buckets[Math.floor(Number(r.slot) / perBucket)]![r.kind] += Number(r.n);
  return { bucketMinutes, buckets, foldedAfterHours: last >= MAX_SLOT ? MAX_HOURS : null };
}
