// Saved segments for the segment list and the mailing form's picker. No counts here: a count is a query over the
// whole register, made on request (count-segment.ts).
import "server-only";
import type { Db } from "@/lib/db/client";
import { parseStoredFilter, type SegmentFilter } from "./segment-filter";

export type SegmentRow = {
  id: string;
  name: string;
  /** Null when the stored filter no longer validates (the segment then matches nobody). */
  filter: SegmentFilter | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  archivedAt: Date | null;
};

export async function listSegments(opts: { db: Db; includeArchived?: boolean }): Promise<SegmentRow[]> {
  const rows = await opts.db.segment.findMany({
    where: opts.includeArchived ? {} : { archivedAt: null },
    orderBy: [{ archivedAt: { sort: "desc", nulls: "first" } }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      filter: true,
      createdAt: true,
      updatedAt: true,
      archivedAt: true,
      createdBy: { select: { name: true, email: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    filter: parseStoredFilter(r.filter),
    createdBy: r.createdBy ? (r.createdBy.name ?? r.createdBy.email) : null,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    archivedAt: r.archivedAt,
  }));
}
