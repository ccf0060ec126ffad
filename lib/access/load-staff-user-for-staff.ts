// A staff account to act on: admins only (staff.manage); the self and last-admin rules stay in lib/staff-users.
import type { StaffPrincipal } from "@/lib/auth/permissions";
import type { DbOrTx } from "@/lib/db/client";
import { loadForStaff } from "./load-for-staff";

export function loadStaffUserForStaff(opts: { db: DbOrTx; staff: StaffPrincipal; id: string }) {
  return loadForStaff(opts.staff, "staff.manage", opts.id, (id) =>
    opts.db.staffUser.findUnique({ where: { id }, select: { id: true, email: true, role: true, active: true } }),
  );
}
