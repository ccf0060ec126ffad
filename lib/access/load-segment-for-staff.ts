// A segment to act on: shared by everyone who may manage segments.
import type { StaffPrincipal } from "@/lib/auth/permissions";
import type { DbOrTx } from "@/lib/db/client";
import { loadForStaff } from "./load-for-staff";

export function loadSegmentForStaff(opts: { db: DbOrTx; staff: StaffPrincipal; id: string }) {
  return loadForStaff(opts.staff, "segments.manage", opts.id, (id) =>
    opts.db.segment.findUnique({ where: { id }, select: { id: true, name: true, filter: true, archivedAt: true } }),
  );
}
