// How far a mailing has come, counted from its send log in one grouped query (index [mailingId, status]), so the
// progress page stays cheap to poll every two seconds even at a million deliveries. Counts only: no recipient.
import "server-only";
import type { Forbidden, NotFound } from "@/lib/result";
import type { StaffPrincipal } from "@/lib/auth/permissions";
import type { DbOrTx } from "@/lib/db/client";
import type { DeliveryStatus, MailingStatus } from "@/lib/generated/prisma/enums";
import { loadMailingForStaff } from "@/lib/access/load-mailing-for-staff";

export type DeliveryCounts = {
  total: number;
  /** Waiting for or inside a batch (QUEUED, SENDING). */
  queued: number;
  /** Handed to the provider (SENT and whatever the provider said afterwards). */
  sent: number;
  delivered: number;
  failed: number;
  /** Left out at send time; by skip reason (ERASED, OPTED_OUT, …). */
  suppressed: number;
  suppressedBy: Record<string, number>;
  bounced: number;
  complained: number;
  cancelled: number;
  /** Recipients who unsubscribed through this mailing's links. */
  unsubscribed: number;
};

export type MailingProgress = {
  id: string;
  status: MailingStatus;
  scheduledAt: Date | null;
  startedAt: Date | null;
  pausedAt: Date | null;
  finishedAt: Date | null;
  counts: DeliveryCounts;
};

export type GetMailingProgressResult = { ok: true; progress: MailingProgress } | Forbidden | NotFound;

const SENT: ReadonlySet<DeliveryStatus> = new Set(["SENT", "DELIVERED", "DELAYED", "BOUNCED", "COMPLAINED"]);

type Row = { status: DeliveryStatus; skipReason: string | null; n: number; unsubscribed: number };

export function emptyCounts(): DeliveryCounts {
  return {
    total: 0,
    queued: 0,
    sent: 0,
    delivered: 0,
    failed: 0,
    suppressed: 0,
    suppressedBy: {},
    bounced: 0,
    complained: 0,
    cancelled: 0,
    unsubscribed: 0,
  };
}

/** Adds one (status, count) group to the counts; shared with the list page's per-mailing summary. */
export function addGroup(c: DeliveryCounts, status: DeliveryStatus, n: number, skipReason?: string | null) {
  c.total += n;
  if (status === "QUEUED" || status === "SENDING") c.queued += n;
  if (SENT.has(status)) c.sent += n;
  if (status === "DELIVERED") c.delivered += n;
  if (status === "FAILED") c.failed += n;
  if (status === "BOUNCED") c.bounced += n;
  if (status === "COMPLAINED") c.complained += n;
  if (status === "CANCELLED") c.cancelled += n;
  if (status === "SUPPRESSED") {
    c.suppressed += n;
    const reason = skipReason ?? "UNKNOWN";
    c.suppressedBy[reason] = (c.suppressedBy[reason] ?? 0) + n;
  }
}

export async function countDeliveries(db: DbOrTx, mailingId: string): Promise<DeliveryCounts> {
  // skipReason is set only on SUPPRESSED rows, so grouping by it adds no groups elsewhere.
  const rows = await db.$queryRaw<Row[]>`
    SELECT status::text AS status, "skipReason", count(*)::int AS n, count("unsubscribedAt")::int AS unsubscribed
    FROM "Delivery" WHERE "mailingId" = ${mailingId}
    GROUP BY status, "skipReason"`;
  const counts = emptyCounts();
  for (const r of rows) {
    addGroup(counts, r.status, Number(r.n), r.skipReason);
    counts.unsubscribed += Number(r.unsubscribed);
  }
  return counts;
}

export async function getMailingProgress(opts: {
  db: DbOrTx;
  staff: StaffPrincipal;
  mailingId: string;
}): Promise<GetMailingProgressResult> {
  const access = await loadMailingForStaff({ db: opts.db, staff: opts.staff, id: opts.mailingId });
  if (!access.ok) return access;
  const mailing = await opts.db.mailing.findUnique({
    where: { id: access.value.id },
    select: { id: true, status: true, scheduledAt: true, startedAt: true, pausedAt: true, finishedAt: true },
  });
  if (!mailing) return { ok: false, code: "not_found" };
  return { ok: true, progress: { ...mailing, counts: await countDeliveries(opts.db, mailing.id) } };
}
