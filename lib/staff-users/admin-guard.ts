// The rules every change of a staff user's role or active state obeys, checked inside the caller's transaction:
// nobody demotes or deactivates themselves (a slip would lock them out mid-task), and the last active admin stays.
// An advisory lock serialises these changes, so two admins demoting each other at once cannot leave none.
import "server-only";
import type { Tx } from "@/lib/db/client";
import type { StaffRole } from "@/lib/generated/prisma/enums";
import { fail, type Because, type NotFound } from "@/lib/result";

const STAFF_ADMIN_LOCK_KEY = 7_240_611_130;

export type StaffChangeRefusal = NotFound | Because<"conflict", "self" | "last_admin">;

export type StaffTarget = { id: string; email: string; role: StaffRole; active: boolean };

/** Locks staff administration for this transaction and loads the target. */
export async function lockStaffTarget(tx: Tx, id: string): Promise<StaffTarget | null> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${STAFF_ADMIN_LOCK_KEY}::bigint)`;
  return tx.staffUser.findUnique({ where: { id }, select: { id: true, email: true, role: true, active: true } });
}

/**
 * Whether `target` may stop being an active admin (demoted or deactivated). Returns a refusal, or null when allowed.
 * Targets that are not active admins never count against the last-admin rule.
 */
export async function refuseLosingAdmin(
  tx: Tx,
  actorId: string,
  target: StaffTarget,
): Promise<StaffChangeRefusal | null> {
  if (target.id === actorId) return fail("conflict", { reason: "self" });
  if (target.role !== "ADMIN" || !target.active) return null;
  const others = await tx.staffUser.count({ where: { role: "ADMIN", active: true, id: { not: target.id } } });
  return others === 0 ? fail("conflict", { reason: "last_admin" }) : null;
}
