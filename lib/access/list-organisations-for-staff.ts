// The organisations a staff member may attach contacts to (pickers on the new-contact and add-role pages): only the
// ones they manage for account managers (a short list, shown as a select), every organisation for roles whose rights
// are not limited, which a register holds tens of thousands of: those forms search instead
// (/staff/organisations/search) and the use-case checks the choice (loadOrganisationForStaff). The same rule as
// loadOrganisationForStaff, applied in the query instead of per row.
import { can, limitedToOwnOrganisations, type Permission, type StaffPrincipal } from "@/lib/auth/permissions";
import type { DbOrTx } from "@/lib/db/client";

export type OrganisationChoices =
  { kind: "list"; organisations: { id: string; name: string }[] } | { kind: "search" } | { kind: "none" };

export async function listOrganisationsForStaff(opts: {
  db: DbOrTx;
  staff: StaffPrincipal;
  permission: Permission;
}): Promise<OrganisationChoices> {
  if (!can(opts.staff, opts.permission)) return { kind: "none" };
  if (!limitedToOwnOrganisations(opts.staff, opts.permission)) return { kind: "search" };
  const organisations = await opts.db.organisation.findMany({
    where: { accountManagerId: opts.staff.id },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
  return { kind: "list", organisations };
}
