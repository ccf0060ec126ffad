// Sets an open request's status (received / in progress), handler and interim outcome. Closing it is
// complete-privacy-request.ts. One transaction with an audit entry naming the changed fields.
import "server-only";
import { z } from "zod";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import { fail, fieldErrorCodes, invalid, type Because, type Invalid, type NotFound } from "@/lib/result";

export const updateRequestSchema = z.object({
  status: z.enum(["RECEIVED", "IN_PROGRESS"], { error: "status_invalid" }),
  handlerId: z.preprocess((v) => (v === "" ? null : v), z.string().max(100).nullable()).default(null),
  outcome: z
    .preprocess(
      (v) => (typeof v === "string" && v.trim() === "" ? null : v),
      z.string().trim().max(2000, { error: "outcome_too_long" }).nullable(),
    )
    .default(null),
});

export type UpdatePrivacyRequestResult =
  { ok: true; changed: string[] } | Invalid | NotFound | Because<"conflict", "closed">;

export async function updatePrivacyRequest(opts: {
  db: Db;
  id: string;
  input: unknown;
  actor: AuditActor;
  now?: Date;
}): Promise<UpdatePrivacyRequestResult> {
  const parsed = updateRequestSchema.safeParse(opts.input);
  if (!parsed.success) return invalid(fieldErrorCodes(parsed.error));
  const now = opts.now ?? new Date();
  const input = parsed.data;
  return opts.db.$transaction(async (tx) => {
    const request = await tx.privacyRequest.findUnique({
      where: { id: opts.id },
      select: { id: true, status: true, handlerId: true, outcome: true, completedAt: true },
    });
    if (!request) return fail("not_found");
    if (request.completedAt) return fail("conflict", { reason: "closed" });
    if (input.handlerId) {
      const handler = await tx.staffUser.findUnique({ where: { id: input.handlerId }, select: { active: true } });
      if (!handler?.active) return invalid({ handlerId: "handler_invalid" });
    }
    const changed = (["status", "handlerId", "outcome"] as const).filter((f) => request[f] !== input[f]);
    if (changed.length === 0) return { ok: true as const, changed: [] };
    await tx.privacyRequest.update({ where: { id: request.id }, data: input });
    await recordAuditEvent(
      tx,
      {
        actor: opts.actor,
        action: "privacy_request.updated",
        subject: { type: "PrivacyRequest", id: request.id },
        fields: [...changed],
      },
      now,
    );
    return { ok: true as const, changed: [...changed] };
  });
}
