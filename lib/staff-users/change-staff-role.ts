// An admin changes a staff member's role. Refused for the admin's own account and for the last active admin; audited
// with the old and new role in the same transaction. Sessions stay: every page and action reads the role afresh.
import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { can, type StaffPrincipal } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { lockStaffTarget, refuseLosingAdmin, type StaffChangeRefusal } from "./admin-guard";
import { fail, fieldErrorCodes, type Invalid, type Forbidden } from "@/lib/result";
import { changeStaffRoleSchema } from "./staff-user-schemas";

export type ChangeStaffRoleResult = { ok: true; changed: boolean } | StaffChangeRefusal | Forbidden | Invalid;

export async function changeStaffRole(opts: {
  db: Db;
  actor: StaffPrincipal;
  staffUserId: string;
  input: unknown;
  now?: Date;
}): Promise<ChangeStaffRoleResult> {
  if (!can(opts.actor, "staff.manage")) return { ok: false, code: "forbidden" };
  const parsed = changeStaffRoleSchema.safeParse(opts.input);
  if (!parsed.success) return { ok: false, code: "invalid", fieldErrors: fieldErrorCodes(parsed.error) };
  const role = parsed.data.role;
  return opts.db.$transaction(async (tx): Promise<ChangeStaffRoleResult> => {
    const target = await lockStaffTarget(tx, opts.staffUserId);
    if (!target) return { ok: false, code: "not_found" };
    if (target.role === role) return { ok: true, changed: false };
    if (target.id === opts.actor.id) return fail("conflict", { reason: "self" });
    if (target.role === "ADMIN") {
      const refusal = await refuseLosingAdmin(tx, opts.actor.id, target);
      if (refusal) return refusal;
    }
    await tx.staffUser.update({ where: { id: target.id }, data: { role } });
    await recordAuditEvent(
      tx,
      {
        actor: { type: "STAFF", id: opts.actor.id },
        action: "staff.role_changed",
        subject: { type: "StaffUser", id: target.id },
        fields: ["role"],
        personalValues: { role: { from: target.role, to: role } },
      },
      opts.now,
    );
    return { ok: true, changed: true };
  });
}
