// The only way a staff page, action or route gets a contact to act on: the contact together with the caller's right
// to it (lib/access/contact-ownership.ts). An id from a form or a URL is a request, never a proof.
import type { Permission, StaffPrincipal } from "@/lib/auth/permissions";
import { can } from "@/lib/auth/permissions";
import type { DbOrTx } from "@/lib/db/client";
import { mayChangeContactWithRoles } from "./contact-ownership";
import { FORBIDDEN, NOT_FOUND, type Refusal } from "./refusal";

export type StaffContact = { id: string };

export async function loadContactForStaff(opts: {
  db: DbOrTx;
  staff: StaffPrincipal;
  id: string;
  permission: Permission;
  now?: Date;
}): Promise<{ ok: true; contact: StaffContact } | Refusal> {
  // Refused before the lookup, so a role without the permission cannot even learn whether the id exists.
  if (!can(opts.staff, opts.permission)) return FORBIDDEN;
  if (typeof opts.id !== "string" || opts.id === "") return NOT_FOUND;
  const contact = await opts.db.contact.findUnique({
    where: { id: opts.id },
    select: {
      id: true,
      roles: { select: { endsOn: true, organisation: { select: { accountManagerId: true } } } },
    },
  });
  if (!contact) return NOT_FOUND;
  if (!mayChangeContactWithRoles(opts.staff, opts.permission, contact.roles, opts.now ?? new Date())) return FORBIDDEN;
  return { ok: true, contact: { id: contact.id } };
}
