// How many people of a mailing's segment may receive it right now, for the confirmation before sending. A count only
// (no recipient), from the segments' own counter; suppression is checked again per recipient at send time anyway.
import "server-only";
import type { Forbidden, NotFound } from "@/lib/result";
import { can, type StaffPrincipal } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { countSegment } from "@/lib/segments/count-segment";
import { parseStoredFilter } from "@/lib/segments/segment-filter";

export type CountMailingRecipientsResult = { ok: true; eligible: number } | Forbidden | NotFound;

export async function countMailingRecipients(opts: {
  db: Db;
  staff: StaffPrincipal;
  segmentId: string;
  topicId: string;
  today?: Date;
}): Promise<CountMailingRecipientsResult> {
  if (!can(opts.staff, "mailings.send")) return { ok: false, code: "forbidden" };
  const segment = await opts.db.segment.findUnique({ where: { id: opts.segmentId }, select: { filter: true } });
  if (!segment) return { ok: false, code: "not_found" };
  // A stored filter that no longer validates matches nobody (parseStoredFilter), so nobody is mailed.
  const filter = parseStoredFilter(segment.filter);
  if (!filter) return { ok: true, eligible: 0 };
  const r = await countSegment({ db: opts.db, filter, topicId: opts.topicId, today: opts.today });
  if (!r.ok) return { ok: false, code: "not_found" };
  return { ok: true, eligible: r.count.topic ? r.count.eligible : r.count.total };
}
