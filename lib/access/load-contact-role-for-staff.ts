// A role (the contact at an organisation) to change: the caller must be allowed both the contact and the role's
// organisation, so an account manager who shares a contact with a colleague cannot end the colleague's role.
import type { StaffPrincipal } from "@/lib/auth/permissions";
import { can } from "@/lib/auth/permissions";
import type { DbOrTx } from "@/lib/db/client";
import { loadContactForStaff } from "./load-contact-for-staff";
import { FORBIDDEN, NOT_FOUND, type Refusal } from "./refusal";

export type StaffContactRole = { id: string; contactId: string; startsOn: Date; endsOn: Date | null };

export async function loadContactRoleForStaff(opts: {
  db: DbOrTx;
  staff: StaffPrincipal;
  contactId: string;
  roleId: string;
  now?: Date;
}): Promise<{ ok: true; role: StaffContactRole } | Refusal> {
  const contact = await loadContactForStaff({ ...opts, id: opts.contactId, permission: "roles.write" });
  if (!contact.ok) return contact;
  const role = await opts.db.contactRole.findUnique({
    where: { id: opts.roleId },
    select: {
      id: true,
      contactId: true,
      startsOn: true,
      endsOn: true,
      organisation: { select: { accountManagerId: true } },
    },
  });
  if (!role || role.contactId !== contact.contact.id) return NOT_FOUND;
  if (!can(opts.staff, "roles.write", { organisation: role.organisation })) return FORBIDDEN;
  return { ok: true, role: { id: role.id, contactId: role.contactId, startsOn: role.startsOn, endsOn: role.endsOn } };
}
