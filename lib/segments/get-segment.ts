// One saved segment, for its edit page and the mailing form.
import "server-only";
import type { Db } from "@/lib/db/client";
import { parseStoredFilter, type SegmentFilter } from "./segment-filter";

export type SegmentDetail = {
  id: string;
  name: string;
  /** Null when the stored filter no longer validates (the segment then matches nobody). */
  filter: SegmentFilter | null;
  archivedAt: Date | null;
  updatedAt: Date;
};

export async function getSegment(opts: { db: Db; id: string }): Promise<SegmentDetail | null> {
  const r = await opts.db.segment.findUnique({
    where: { id: opts.id },
    select: { id: true, name: true, filter: true, archivedAt: true, updatedAt: true },
  });
  return r ? { ...r, filter: parseStoredFilter(r.filter) } : null;
}
