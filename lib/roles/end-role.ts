// Staff end a role on a date; the contact stays in the register. The caller must be allowed the contact and the
// role's organisation (lib/access/load-contact-role-for-staff.ts). One transaction with its audit entry.
import "server-only";
import { loadContactRoleForStaff } from "@/lib/access/load-contact-role-for-staff";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { can, type StaffPrincipal } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { fieldErrorCodes } from "@/lib/result";
import { day, type RoleChangeResult } from "./add-role";
import { endRoleSchema } from "./role-schemas";

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
