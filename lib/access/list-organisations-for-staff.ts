// The organisations a staff member may attach contacts to (pickers on the new-contact and add-role pages): every
// organisation for roles whose rights are not limited, only the ones they manage for account managers. The same rule
// as loadOrganisationForStaff, applied in the query instead of per row.
import { can, limitedToOwnOrganisations, type Permission, type StaffPrincipal } from "@/lib/auth/permissions";
import type { DbOrTx } from "@/lib/db/client";

export async function listOrganisationsForStaff(opts: {
  db: DbOrTx;
  staff: StaffPrincipal;
  permission: Permission;
}): Promise<{ id: string; name: string }[]> {
  if (!can(opts.staff, opts.permission)) return [];
  const where = limitedToOwnOrganisations(opts.staff, opts.permission) ? { accountManagerId: opts.staff.id } : {};
  return opts.db.organisation.findMany({ where, select: { id: true, name: true }, orderBy: { name: "asc" } });
}
