// The only way a staff page, action or route gets an organisation to act on: the organisation together with the
// caller's right to it (account managers change only the organisations they manage; lib/auth/permissions.ts).
import { can, type Permission, type StaffPrincipal } from "@/lib/auth/permissions";
import type { DbOrTx } from "@/lib/db/client";
import { FORBIDDEN, NOT_FOUND, type Refusal } from "./refusal";

export type StaffOrganisation = { id: string; accountManagerId: string | null };

export async function loadOrganisationForStaff(opts: {
  db: DbOrTx;
  staff: StaffPrincipal;
  id: string;
  permission: Permission;
}): Promise<{ ok: true; organisation: StaffOrganisation } | Refusal> {
  if (!can(opts.staff, opts.permission)) return FORBIDDEN;
  if (typeof opts.id !== "string" || opts.id === "") return NOT_FOUND;
  const organisation = await opts.db.organisation.findUnique({
    where: { id: opts.id },
    select: { id: true, accountManagerId: true },
  });
  if (!organisation) return NOT_FOUND;
  return can(opts.staff, opts.permission, { organisation }) ? { ok: true, organisation } : FORBIDDEN;
}
