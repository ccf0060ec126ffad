// The batch form of loadContactForStaff, for the CSV import: which of many existing contacts the caller may change,
// decided by the same rule (contact-ownership.ts) with one query per chunk instead of one per row.
import type { Permission, StaffPrincipal } from "@/lib/auth/permissions";
import { can, limitedToOwnOrganisations } from "@/lib/auth/permissions";
import type { DbOrTx } from "@/lib/db/client";
import { mayChangeContactWithRoles, type OwnershipRole } from "./contact-ownership";

const CHUNK = 5000;

export async function contactsStaffMayChange(opts: {
  db: DbOrTx;
  staff: StaffPrincipal;
  ids: string[];
  permission: Permission;
  now?: Date;
}): Promise<Set<string>> {
  if (!can(opts.staff, opts.permission)) return new Set();
  if (!limitedToOwnOrganisations(opts.staff, opts.permission)) return new Set(opts.ids);
  const now = opts.now ?? new Date();
  const roles = new Map<string, OwnershipRole[]>(opts.ids.map((id) => [id, []]));
  for (let i = 0; i < opts.ids.length; i += CHUNK) {
    const found = await opts.db.contactRole.findMany({
      where: { contactId: { in: opts.ids.slice(i, i + CHUNK) } },
      select: { contactId: true, endsOn: true, organisation: { select: { accountManagerId: true } } },
    });
    for (const r of found) roles.get(r.contactId)?.push(r);
  }
  const allowed = new Set<string>();
  for (const [id, list] of roles)
    if (mayChangeContactWithRoles(opts.staff, opts.permission, list, now)) allowed.add(id);
  return allowed;
}
