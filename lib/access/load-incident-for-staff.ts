// An incident to read or act on: privacy officers and admins only (incidents.manage), decided before the lookup.
import type { StaffPrincipal } from "@/lib/auth/permissions";
import type { DbOrTx } from "@/lib/db/client";
import { loadForStaff } from "./load-for-staff";

export function loadIncidentForStaff(opts: { db: DbOrTx; staff: StaffPrincipal; id: string }) {
  return loadForStaff(opts.staff, "incidents.manage", opts.id, (id) =>
    opts.db.incident.findUnique({ where: { id }, select: { id: true, reference: true, closedAt: true } }),
  );
}
