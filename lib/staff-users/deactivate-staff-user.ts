// An admin deactivates a staff member: the account stays (for the audit trail and a later reactivation) but can no
// longer sign in, and every session and unused sign-in link of theirs is deleted in the same transaction, so they
// are signed out everywhere at once. Refused for the admin's own account and for the last active admin.
import "server-only";
import { fail, type Forbidden } from "@/lib/result";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { can, type StaffPrincipal } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { lockStaffTarget, refuseLosingAdmin, type StaffChangeRefusal } from "./admin-guard";

export type SetStaffActiveResult =
  { ok: true; changed: boolean; sessionsEnded: number } | StaffChangeRefusal | Forbidden;

export async function deactivateStaffUser(opts: {
  db: Db;
  actor: StaffPrincipal;
  staffUserId: string;
  now?: Date;
}): Promise<SetStaffActiveResult> {
  if (!can(opts.actor, "staff.manage")) return { ok: false, code: "forbidden" };
  return opts.db.$transaction(async (tx): Promise<SetStaffActiveResult> => {
    const target = await lockStaffTarget(tx, opts.staffUserId);
    if (!target) return { ok: false, code: "not_found" };
    if (target.id === opts.actor.id) return fail("conflict", { reason: "self" });
    if (!target.active) return { ok: true, changed: false, sessionsEnded: 0 };
    const refusal = await refuseLosingAdmin(tx, opts.actor.id, target);
    if (refusal) return refusal;
    await tx.staffUser.update({ where: { id: target.id }, data: { active: false } });
    const { count } = await tx.session.deleteMany({ where: { userId: target.id } });
    await tx.verificationToken.deleteMany({ where: { identifier: target.email } });
    await recordAuditEvent(
      tx,
      {
        actor: { type: "STAFF", id: opts.actor.id },
        action: "staff.deactivated",
        subject: { type: "StaffUser", id: target.id },
        fields: ["active"],
      },
      opts.now,
    );
    return { ok: true, changed: true, sessionsEnded: count };
  });
}
