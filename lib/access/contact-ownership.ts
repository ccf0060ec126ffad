// Which organisations decide who may change a contact, as a pure rule shared by the one-contact loader and the
// import's batch check, so the two can never disagree.
//
// The contact's open roles decide (no end date, or one still ahead): the account managers of those organisations may
// change the contact. A contact whose roles have all ended belongs to the organisations it was at, so their account
// managers keep it. A contact with no role at all belongs to no organisation: only roles whose rights are not limited
// to their own organisations (admin, privacy officer) may change it. Without this last rule, any account manager
// could change every prospect without an organisation, and adding a role at their own organisation to someone else's
// contact would hand them that contact.
import { can, limitedToOwnOrganisations, type Permission, type StaffPrincipal } from "@/lib/auth/permissions";

export type OwnershipRole = { endsOn: Date | null; organisation: { accountManagerId: string | null } };

/** A role is open on `now`'s day while it has no end date or its end date is later (as segments count "current"). */
function isOpen(role: OwnershipRole, now: Date): boolean {
  if (!role.endsOn) return true;
  return role.endsOn.toISOString().slice(0, 10) > now.toISOString().slice(0, 10);
}

export function decidingOrganisations(roles: OwnershipRole[], now: Date): OwnershipRole["organisation"][] {
  const open = roles.filter((r) => isOpen(r, now));
  return (open.length > 0 ? open : roles).map((r) => r.organisation);
}

export function mayChangeContactWithRoles(
  staff: StaffPrincipal,
  permission: Permission,
  roles: OwnershipRole[],
  now: Date,
): boolean {
  if (!can(staff, permission)) return false;
  if (!limitedToOwnOrganisations(staff, permission)) return true;
  return decidingOrganisations(roles, now).some((organisation) => can(staff, permission, { organisation }));
}
