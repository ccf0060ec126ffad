// Staff add a role (the contact at an organisation) or end one on a date; the contact stays in the register. Account
// managers may do this only at organisations they manage. Each change in one transaction with its audit entry.
import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { loadContactForStaff } from "@/lib/access/load-contact-for-staff";
import { loadContactRoleForStaff } from "@/lib/access/load-contact-role-for-staff";
import { loadOrganisationForStaff } from "@/lib/access/load-organisation-for-staff";
import { can, type StaffPrincipal } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { addRoleSchema, endRoleSchema, fieldErrorCodes } from "./schemas";

export type RoleChangeResult =
  | { ok: true; roleId: string }
  | { ok: false; code: "invalid"; fieldErrors: Record<string, string> }
  | { ok: false; code: "forbidden" | "not_found" };

const day = (d: Date) => d.toISOString().slice(0, 10);

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

export async function endRole(opts: {
  db: Db;
  staff: StaffPrincipal;
  contactId: string;
  input: unknown;
  now?: Date;
}): Promise<RoleChangeResult> {
  if (!can(opts.staff, "roles.write")) return { ok: false, code: "forbidden" };
  const parsed = endRoleSchema.safeParse(opts.input);
  if (!parsed.success) return { ok: false, code: "invalid", fieldErrors: fieldErrorCodes(parsed.error) };
  const input = parsed.data;
  const now = opts.now ?? new Date();
  return opts.db.$transaction(async (tx) => {
    const loaded = await loadContactRoleForStaff({
      db: tx,
      staff: opts.staff,
      contactId: opts.contactId,
      roleId: input.roleId,
      now,
    });
    if (!loaded.ok) return loaded;
    const role = loaded.role;
    if (input.endsOn < role.startsOn)
      return { ok: false as const, code: "invalid" as const, fieldErrors: { endsOn: "end_before_start" } };
    await tx.contactRole.update({ where: { id: role.id }, data: { endsOn: input.endsOn } });
    await recordAuditEvent(
      tx,
      {
        actor: { type: "STAFF", id: opts.staff.id },
        action: "contact.role_ended",
        subject: { type: "Contact", id: role.contactId },
        fields: ["roles"],
        personalValues: { roleId: role.id, from: role.endsOn ? day(role.endsOn) : null, to: day(input.endsOn) },
      },
      now,
    );
    return { ok: true as const, roleId: role.id };
  });
}
