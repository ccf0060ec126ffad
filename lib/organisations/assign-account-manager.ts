// Several organisations handed to one account manager at once (someone leaves, a book of customers moves), from the
// organisation list's bulk action. All or nothing: every organisation is loaded through the access loader first, and
// if the caller may not change one of them nothing is changed. Each organisation that changes gets its own audit
// entry, in the same transaction. The rules are saveOrganisation's: an active manager, and an account manager cannot
// hand an organisation to someone else.
import "server-only";
import { z } from "zod";
import { loadOrganisationForStaff } from "@/lib/access/load-organisation-for-staff";
import { recordAuditEvents } from "@/lib/audit/record-audit-event";
import { can, type StaffPrincipal } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { fieldErrorCodes, invalid, type Forbidden, type Invalid, type NotFound } from "@/lib/result";

/** A page of the organisation list, with room to spare. */
export const MAX_ASSIGNED = 200;

export const assignAccountManagerSchema = z.object({
  ids: z.array(z.string().min(1).max(64)).min(1, "nothing_selected").max(MAX_ASSIGNED, "too_many"),
  /** A staff member's id, or "none" to leave the organisations without an account manager. */
  accountManagerId: z.string().min(1, "account_manager_invalid").max(64),
});

export type AssignAccountManagerResult =
  { ok: true; changed: number; managerName: string | null } | Invalid | Forbidden | NotFound;

export async function assignAccountManager(opts: {
  db: Db;
  staff: StaffPrincipal;
  input: unknown;
  now?: Date;
}): Promise<AssignAccountManagerResult> {
  if (!can(opts.staff, "organisations.write")) return { ok: false, code: "forbidden" };
  const parsed = assignAccountManagerSchema.safeParse(opts.input);
  if (!parsed.success) return { ok: false, code: "invalid", fieldErrors: fieldErrorCodes(parsed.error) };
  const ids = [...new Set(parsed.data.ids)];
  const managerId = parsed.data.accountManagerId === "none" ? null : parsed.data.accountManagerId;
  if (!can(opts.staff, "organisations.write", { organisation: { accountManagerId: managerId } }))
    return invalid({ accountManagerId: "account_manager_own_only" });
  const now = opts.now ?? new Date();

  return opts.db.$transaction(async (tx): Promise<AssignAccountManagerResult> => {
    let managerName: string | null = null;
    if (managerId) {
      const manager = await tx.staffUser.findUnique({
        where: { id: managerId },
        select: { active: true, name: true, email: true },
      });
      if (!manager?.active) return invalid({ accountManagerId: "account_manager_invalid" });
      managerName = manager.name ?? manager.email;
    }
    const changing: { id: string; from: string | null }[] = [];
    for (const id of ids) {
      const access = await loadOrganisationForStaff({
        db: tx,
        staff: opts.staff,
        id,
        permission: "organisations.write",
      });
      if (!access.ok) return access;
      if (access.organisation.accountManagerId !== managerId)
        changing.push({ id, from: access.organisation.accountManagerId });
    }
    if (changing.length > 0) {
      await tx.organisation.updateMany({
        where: { id: { in: changing.map((c) => c.id) } },
        data: { accountManagerId: managerId },
      });
      await recordAuditEvents(
        tx,
        changing.map((c) => ({
          actor: { type: "STAFF" as const, id: opts.staff.id },
          action: "organisation.updated" as const,
          subject: { type: "Organisation", id: c.id },
          fields: ["accountManagerId"] as const,
          personalValues: { accountManagerId: { from: c.from, to: managerId } },
        })),
        now,
      );
    }
    return { ok: true, changed: changing.length, managerName };
  });
}
