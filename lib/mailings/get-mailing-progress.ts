// How far a mailing has come, read from its tally (MailingTally: a row per status and skip reason, kept by a trigger
// on Delivery), so the progress page stays cheap to poll every two seconds at a million deliveries: it reads a dozen
// rows instead of counting the send log. Counts only: no recipient.
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
  /** Outcome unknown past the provider's idempotency window: waiting for staff to send again or skip. */
  held: number;
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
  /** The provider keeps failing this mailing's batches (mailing-stall.ts); null while it does not. */
  stall: MailingStall | null;
};

export type MailingStall = {
  /** A MailErrorCode, or "paced" (waiting out the provider's Retry-After). */
  code: string;
  /** The provider's HTTP status; null when no answer came. */
  status: number | null;
  since: Date;
  /** Whole minutes since the first failure, at the time of reading. */
  minutes: number;
  /** The provider asked for no calls before this. */
  retryAt: Date | null;
};

export function stallOf(
  m: { stallCode: string | null; stallStatus: number | null; stallSince: Date | null; stallRetryAt: Date | null },
  now = new Date(),
): MailingStall | null {
  if (!m.stallCode || !m.stallSince) return null;
  return {
    code: m.stallCode,
    status: m.stallStatus,
    since: m.stallSince,
    minutes: Math.max(0, Math.floor((now.getTime() - m.stallSince.getTime()) / 60_000)),
    retryAt: m.stallRetryAt,
  };
}

export type GetMailingProgressResult = { ok: true; progress: MailingProgress } | Forbidden | NotFound;

const SENT: ReadonlySet<DeliveryStatus> = new Set(["SENT", "DELIVERED", "DELAYED", "BOUNCED", "COMPLAINED"]);

export function emptyCounts(): DeliveryCounts {
  return {
    total: 0,
    queued: 0,
    held: 0,
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
  if (status === "HELD") c.held += n;
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
  return (await countDeliveriesOf(db, [mailingId])).get(mailingId)!;
}

/** The counts of several mailings (the list page's), from their tallies in one query. */
export async function countDeliveriesOf(db: DbOrTx, mailingIds: string[]): Promise<Map<string, DeliveryCounts>> {
  const counts = new Map(mailingIds.map((id) => [id, emptyCounts()]));
  if (mailingIds.length === 0) return counts;
  const rows = await db.mailingTally.findMany({
    where: { mailingId: { in: mailingIds }, OR: [{ n: { not: 0 } }, { unsubscribed: { not: 0 } }] },
    select: { mailingId: true, status: true, skipReason: true, n: true, unsubscribed: true },
  });
  for (const r of rows) {
    const c = counts.get(r.mailingId)!;
    addGroup(c, r.status, r.n, r.skipReason || null);
    c.unsubscribed += r.unsubscribed;
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
    select: {
      id: true,
      status: true,
      scheduledAt: true,
      startedAt: true,
      pausedAt: true,
      finishedAt: true,
      stallCode: true,
      stallStatus: true,
      stallSince: true,
      stallRetryAt: true,
    },
  });
  if (!mailing) return { ok: false, code: "not_found" };
  const { stallCode, stallStatus, stallSince, stallRetryAt, ...rest } = mailing;
  return {
    ok: true,
    progress: {
      ...rest,
      counts: await countDeliveries(opts.db, mailing.id),
      stall: stallOf({ stallCode, stallStatus, stallSince, stallRetryAt }),
    },
  };
}
