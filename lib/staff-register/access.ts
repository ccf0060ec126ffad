// The one place that loads what a staff change concerns together with the caller's right to it. An account manager
// may change a contact when they manage one of the contact's organisations (or the contact belongs to none yet);
// everyone else as their role allows (lib/auth/permissions.ts decides, here we only supply the resource).
import type { DbOrTx } from "@/lib/db/client";
import { can, type Permission, type StaffPrincipal } from "@/lib/auth/permissions";

export type Refusal = { ok: false; code: "forbidden" | "not_found" };

export async function mayChangeOrganisation(
  db: DbOrTx,
  staff: StaffPrincipal,
  organisationId: string,
  permission: Permission = "organisations.write",
): Promise<{ ok: true } | Refusal> {
  const org = await db.organisation.findUnique({ where: { id: organisationId }, select: { accountManagerId: true } });
  if (!org) return { ok: false, code: "not_found" };
  return can(staff, permission, { organisation: org }) ? { ok: true } : { ok: false, code: "forbidden" };
}

export async function mayChangeContact(
  db: DbOrTx,
  staff: StaffPrincipal,
  contactId: string,
  permission: Permission = "contacts.write",
): Promise<{ ok: true } | Refusal> {
  const contact = await db.contact.findUnique({
    where: { id: contactId },
    select: { roles: { select: { organisation: { select: { accountManagerId: true } } } } },
  });
  if (!contact) return { ok: false, code: "not_found" };
  const orgs = contact.roles.map((r) => r.organisation);
  const allowed =
    orgs.length === 0 ? can(staff, permission) : orgs.some((organisation) => can(staff, permission, { organisation }));
  return allowed ? { ok: true } : { ok: false, code: "forbidden" };
}

/** Whether the caller may change the contact, for showing or hiding controls (the use-cases check again). */
export async function contactWritable(db: DbOrTx, staff: StaffPrincipal, contactId: string): Promise<boolean> {
  return (await mayChangeContact(db, staff, contactId)).ok;
}
