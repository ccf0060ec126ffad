// The privacy officer releases a hold before its end date (the dispute is settled): from the next run the retention
// job deletes what the hold kept, if it is due. A released hold stays listed, with who released it and when.
import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { can, type StaffPrincipal } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { fail, type Because, type Forbidden } from "@/lib/result";

export type ReleaseLegalHoldResult = { ok: true; changed: boolean } | Forbidden | Because<"not_found", "unknown_hold">;

export async function releaseLegalHold(opts: {
  db: Db;
  staff: StaffPrincipal;
  id: string;
  now?: Date;
}): Promise<ReleaseLegalHoldResult> {
  if (!can(opts.staff, "retention.manage")) return { ok: false, code: "forbidden" };
  const now = opts.now ?? new Date();
  return opts.db.$transaction(async (tx) => {
    const hold = await tx.legalHold.findUnique({ where: { id: opts.id }, select: { id: true, releasedAt: true } });
    if (!hold) return fail("not_found", { reason: "unknown_hold" });
    if (hold.releasedAt) return { ok: true as const, changed: false };
    await tx.legalHold.update({ where: { id: hold.id }, data: { releasedAt: now, releasedById: opts.staff.id } });
    await recordAuditEvent(
      tx,
      {
        actor: { type: "STAFF", id: opts.staff.id },
        action: "legalHold.released",
        subject: { type: "LegalHold", id: hold.id },
        fields: ["releasedAt"],
      },
      now,
    );
    return { ok: true as const, changed: true };
  });
}
