// The shared core of start, pause, resume and cancel: permission, the allowed "from" states, one conditional update
// and its audit entry in one transaction. The workers read Mailing.status before every batch, so a change here takes
// effect within one batch.
import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { AuditAction } from "@/lib/audit/audit-actions";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import type { Db, Tx } from "@/lib/db/client";
import type { MailingStatus, Prisma } from "@/lib/generated/prisma/client";
import { loadMailingForStaff } from "@/lib/access/load-mailing-for-staff";
import { fail, type Because, type Forbidden, type NotFound } from "@/lib/result";

export type MailingStateResult = { ok: true } | NotFound | Forbidden | Because<"conflict", "wrong_state">;

export async function changeMailingState(opts: {
  db: Db;
  staff: CurrentStaff;
  mailingId: string;
  from: readonly MailingStatus[];
  data: Prisma.MailingUpdateInput;
  action: AuditAction;
  now: Date;
  /** Extra work in the same transaction (e.g. cancelling queued deliveries). */
  also?: (tx: Tx) => Promise<void>;
}): Promise<MailingStateResult> {
  return opts.db.$transaction(async (tx) => {
    const mailing = await loadMailingForStaff({ db: tx, staff: opts.staff, id: opts.mailingId });
    if (!mailing.ok) return mailing;
    const updated = await tx.mailing.updateMany({
      where: { id: opts.mailingId, status: { in: [...opts.from] } },
      data: opts.data as Prisma.MailingUpdateManyMutationInput,
    });
    if (updated.count === 0) return fail("conflict", { reason: "wrong_state" });
    await opts.also?.(tx);
    await recordAuditEvent(
      tx,
      {
        actor: { type: "STAFF", id: opts.staff.id },
        action: opts.action,
        subject: { type: "Mailing", id: opts.mailingId },
      },
      opts.now,
    );
    return { ok: true as const };
  });
}
