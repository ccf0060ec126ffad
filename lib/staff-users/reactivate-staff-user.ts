// An admin lets a deactivated staff member sign in again, with the role they had. Audited in the same transaction.
import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { can, type StaffPrincipal } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { lockStaffTarget } from "./admin-guard";
import type { SetStaffActiveResult } from "./deactivate-staff-user";

export async function reactivateStaffUser(opts: {
  db: Db;
  actor: StaffPrincipal;
  staffUserId: string;
  now?: Date;
}): Promise<SetStaffActiveResult> {
  if (!can(opts.actor, "staff.manage")) return { ok: false, code: "forbidden" };
  return opts.db.$transaction(async (tx): Promise<SetStaffActiveResult> => {
    const target = await lockStaffTarget(tx, opts.staffUserId);
    if (!target) return { ok: false, code: "not_found" };
    if (target.active) return { ok: true, changed: false, sessionsEnded: 0 };
    await tx.staffUser.update({ where: { id: target.id }, data: { active: true } });
    await recordAuditEvent(
      tx,
      {
        actor: { type: "STAFF", id: opts.actor.id },
        action: "staff.reactivated",
        subject: { type: "StaffUser", id: target.id },
        fields: ["active"],
      },
      opts.now,
    );
    return { ok: true, changed: true, sessionsEnded: 0 };
  });
}
