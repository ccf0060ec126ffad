// Staff add a role (the contact at an organisation) or end one on a date; the contact stays in the register. Account
// managers may do this only at organisations they manage. Each change in one transaction with its audit entry.
import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
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
    const [contact, org] = await Promise.all([
      tx.contact.findUnique({ where: { id: opts.contactId }, select: { id: true } }),
      tx.organisation.findUnique({ where: { id: input.organisationId }, select: { accountManagerId: true } }),
    ]);
    if (!contact) return { ok: false as const, code: "not_found" as const };
    if (!org)
      return { ok: false as const, code: "invalid" as const, fieldErrors: { organisationId: "organisation_required" } };
    if (!can(opts.staff, "roles.write", { organisation: org }))
      return { ok: false as const, code: "forbidden" as const };
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
    const role = await tx.contactRole.findUnique({
      where: { id: input.roleId },
      select: {
        id: true,
        contactId: true,
        startsOn: true,
        endsOn: true,
        organisation: { select: { accountManagerId: true } },
      },
    });
    if (!role || role.contactId !== opts.contactId) return { ok: false as const, code: "not_found" as const };
    if (!can(opts.staff, "roles.write", { organisation: role.organisation }))
      return { ok: false as const, code: "forbidden" as const };
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
