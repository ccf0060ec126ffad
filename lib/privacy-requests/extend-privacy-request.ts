// GDPR Art. 12(3): the one-month deadline may be extended by two further months where necessary, taking into account
// the complexity and number of requests, and the person told why. The extension counts from the original due date,
// never beyond two months in total, and always with a recorded reason.
import "server-only";
import { z } from "zod";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import { privacyRequestDueAt } from "./due-date";
import { fail, fieldErrorCodes, invalid, type Because, type Invalid, type NotFound } from "@/lib/result";

export const extendRequestSchema = z.object({
  months: z.coerce
    .number({ error: "months_invalid" })
    .int({ error: "months_invalid" })
    .min(1, { error: "months_invalid" })
    .max(2, { error: "months_invalid" }),
  reason: z
    .string({ error: "reason_required" })
    .trim()
    .min(10, { error: "reason_required" })
    .max(1000, { error: "reason_too_long" }),
});

export type ExtendPrivacyRequestResult =
  { ok: true; extendedDueAt: Date } | Invalid | NotFound | Because<"conflict", "closed">;

/** The due date `months` after the original one, by the same month arithmetic as the first deadline. */
export function extendedDueDate(dueAt: Date, months: number): Date {
  let due = dueAt;
  for (let i = 0; i < months; i++) due = privacyRequestDueAt(due);
  return due;
}

export async function extendPrivacyRequest(opts: {
  db: Db;
  id: string;
  input: unknown;
  actor: AuditActor;
  now?: Date;
}): Promise<ExtendPrivacyRequestResult> {
  const parsed = extendRequestSchema.safeParse(opts.input);
  if (!parsed.success) return invalid(fieldErrorCodes(parsed.error));
  const now = opts.now ?? new Date();
  return opts.db.$transaction(async (tx) => {
    const request = await tx.privacyRequest.findUnique({
      where: { id: opts.id },
      select: { id: true, dueAt: true, extendedDueAt: true, completedAt: true },
    });
    if (!request) return fail("not_found");
    if (request.completedAt) return fail("conflict", { reason: "closed" });
    const extendedDueAt = extendedDueDate(request.dueAt, parsed.data.months);
    if (request.extendedDueAt && extendedDueAt.getTime() <= request.extendedDueAt.getTime()) {
      return invalid({ months: "not_extendable" });
    }
    await tx.privacyRequest.update({
      where: { id: request.id },
      data: { extendedDueAt, extensionReason: parsed.data.reason },
    });
    await recordAuditEvent(
      tx,
      {
        actor: opts.actor,
        action: "privacy_request.extended",
        subject: { type: "PrivacyRequest", id: request.id },
        fields: ["extendedDueAt", "extensionReason"],
      },
      now,
    );
    return { ok: true as const, extendedDueAt };
  });
}
