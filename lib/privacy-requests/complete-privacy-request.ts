// Closes a request as completed or rejected, with the outcome the person was told. One transaction with its audit
// entry; a closed request cannot be changed again.
import "server-only";
import { z } from "zod";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import { fail, fieldErrorCodes, invalid, type Because, type Invalid, type NotFound } from "@/lib/result";

export const completeRequestSchema = z.object({
  status: z.enum(["COMPLETED", "REJECTED"], { error: "status_invalid" }),
  outcome: z
    .string({ error: "outcome_required" })
    .trim()
    .min(1, { error: "outcome_required" })
    .max(2000, { error: "outcome_too_long" }),
});

export type CompletePrivacyRequestResult = { ok: true } | Invalid | NotFound | Because<"conflict", "closed">;

export async function completePrivacyRequest(opts: {
  db: Db;
  id: string;
  input: unknown;
  actor: AuditActor;
  /** The staff member closing it becomes the handler when none was set. */
  handlerId?: string;
  now?: Date;
}): Promise<CompletePrivacyRequestResult> {
  const parsed = completeRequestSchema.safeParse(opts.input);
  if (!parsed.success) return invalid(fieldErrorCodes(parsed.error));
  const now = opts.now ?? new Date();
  return opts.db.$transaction(async (tx) => {
    const request = await tx.privacyRequest.findUnique({
      where: { id: opts.id },
      select: { id: true, handlerId: true, completedAt: true },
    });
    if (!request) return fail("not_found");
    if (request.completedAt) return fail("conflict", { reason: "closed" });
    await tx.privacyRequest.update({
      where: { id: request.id },
      data: {
        status: parsed.data.status,
        outcome: parsed.data.outcome,
        completedAt: now,
        handlerId: request.handlerId ?? opts.handlerId ?? null,
      },
    });
    await recordAuditEvent(
      tx,
      {
        actor: opts.actor,
        action: "privacy_request.completed",
        subject: { type: "PrivacyRequest", id: request.id },
        fields: ["status", "outcome", "completedAt"],
      },
      now,
    );
    return { ok: true as const };
  });
}
