// Staff add a role: the contact at an organisation, from a date. Both ends are checked: the contact must be the
// caller's to change and so must the organisation. One transaction with its audit entry.
import "server-only";
import { loadContactForStaff } from "@/lib/access/load-contact-for-staff";
import { loadOrganisationForStaff } from "@/lib/access/load-organisation-for-staff";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { can, type StaffPrincipal } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { fieldErrorCodes, type Forbidden, type Invalid, type NotFound } from "@/lib/result";
import { addRoleSchema } from "./role-schemas";

export type RoleChangeResult = { ok: true; roleId: string } | Invalid | Forbidden | NotFound;

export const day = (d: Date) => d.toISOString().slice(0, 10);

export async function addRole(opts: {
  db: Db;
  staff: StaffPrincipal;
  contactId: string;
  input: unknown;
  now?: Date;
}): Promise<RoleChangeResult> {
  if (!can(opts.staff, "roles.write")) return { ok: false, code: "forbidden" };
  const parsed = addRoleSchema.safeParse(opts.input);
  if (!parsed.success) return { ok: false, code: "invalid", fieldErrors: fieldErrorCodes(parsed.error) };
  const input = parsed.data;
  const now = opts.now ?? new Date();
  return opts.db.$transaction(async (tx) => {
    // Both ends are checked: the contact must be the caller's to change (a role at one's own organisation must not
    // hand over someone else's contact) and so must the organisation the role is at.
    const loaded = await loadContactForStaff({
      db: tx,
      staff: opts.staff,
      id: opts.contactId,
      permission: "roles.write",
      now,
    });
    if (!loaded.ok) return loaded;
    const contact = loaded.contact;
    const org = await loadOrganisationForStaff({
      db: tx,
      staff: opts.staff,
      id: input.organisationId,
      permission: "roles.write",
    });
    if (!org.ok && org.code === "not_found")
      return { ok: false as const, code: "invalid" as const, fieldErrors: { organisationId: "organisation_required" } };
    if (!org.ok) return org;
    const role = await tx.contactRole.create({
      data: {
        contactId: contact.id,
        organisationId: input.organisationId,
        type: input.type,
        title: input.title,
        startsOn: input.startsOn,
      },
      select: { id: true },
    });
    await recordAuditEvent(
      tx,
      {
        actor: { type: "STAFF", id: opts.staff.id },
        action: "contact.role_added",
        subject: { type: "Contact", id: contact.id },
        fields: ["roles"],
        personalValues: {
          roleId: role.id,
          organisationId: input.organisationId,
          type: input.type,
          title: input.title,
          startsOn: day(input.startsOn),
        },
      },
      now,
    );
    return { ok: true as const, roleId: role.id };
  });
}
