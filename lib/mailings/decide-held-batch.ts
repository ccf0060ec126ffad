// Staff decide about a batch whose outcome is unknown (HELD: a request may have reached the provider, and its 24-hour
// idempotency window has passed, so sending it again might mail the same people twice). "Send again" queues its
// deliveries and clears expandedAt, so the dispatcher's expansion re-enqueues the batch (the web app never creates
// jobs itself); "skip" records them as failed with the reason. Either is audited, in one transaction.
import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { StaffPrincipal } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { loadMailingForStaff } from "@/lib/access/load-mailing-for-staff";
import { fail, type Because, type Forbidden, type NotFound } from "@/lib/result";
import { z } from "zod";

export const decideHeldBatchInput = z.object({
  mailingId: z.string().min(1).max(100),
  batch: z.coerce.number().int().min(0).max(1_000_000),
  decision: z.enum(["send_again", "skip"]),
});
export type DecideHeldBatchInput = z.infer<typeof decideHeldBatchInput>;

export type DecideHeldBatchResult =
  | { ok: true; deliveries: number }
  | NotFound
  | Forbidden
  | Because<"invalid", "bad_input">
  | Because<"conflict", "wrong_state" | "nothing_held">;

export const SKIPPED_ERROR = "outcome unknown: skipped by staff";

export async function decideHeldBatch(opts: {
  db: Db;
  staff: StaffPrincipal;
  input: unknown;
  now?: Date;
}): Promise<DecideHeldBatchResult> {
  const parsed = decideHeldBatchInput.safeParse(opts.input);
  if (!parsed.success) return fail("invalid", { reason: "bad_input" });
  const { mailingId, batch, decision } = parsed.data;
  const now = opts.now ?? new Date();
  return opts.db.$transaction(async (tx) => {
    const mailing = await loadMailingForStaff({ db: tx, staff: opts.staff, id: mailingId });
    if (!mailing.ok) return mailing;
    // A finished or cancelled mailing sends nothing more; its held rows were closed with it.
    if (mailing.value.status !== "SENDING" && mailing.value.status !== "PAUSED")
      return fail("conflict", { reason: "wrong_state" });
    const where = { mailingId, batch, status: "HELD" as const };
    const changed =
      decision === "send_again"
        ? await tx.delivery.updateMany({
            where,
            data: { status: "QUEUED", firstTriedAt: null, error: null, updatedAt: now },
          })
        : await tx.delivery.updateMany({ where, data: { status: "FAILED", error: SKIPPED_ERROR, updatedAt: now } });
    if (changed.count === 0) return fail("conflict", { reason: "nothing_held" });
    if (decision === "send_again") await tx.mailing.update({ where: { id: mailingId }, data: { expandedAt: null } });
    await recordAuditEvent(
      tx,
      {
        actor: { type: "STAFF", id: opts.staff.id },
        action: decision === "send_again" ? "mailing.held_batch_sent_again" : "mailing.held_batch_skipped",
        subject: { type: "Mailing", id: mailingId },
        personalValues: { batch, deliveries: changed.count },
      },
      now,
    );
    return { ok: true as const, deliveries: changed.count };
  });
}
