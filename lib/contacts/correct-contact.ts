// The person corrects their own name, phone, job title or language (GDPR Art. 16): applied at once, in one
// transaction with an audit entry (field names in the chain, old and new values outside it) and a completed
// RECTIFICATION request.
import "server-only";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { recordPrivacyRequest } from "@/lib/privacy-requests/record-privacy-request";
import { fail, fieldErrorCodes, invalid, type Because, type Invalid } from "@/lib/result";
import { CORRECTION_FIELDS, correctionSchema, type Correction } from "./correction-schema";

export type CorrectContactResult =
  { ok: true; changed: (keyof Correction)[] } | Invalid | Because<"not_found", "unknown_contact">;

export async function correctContact(opts: {
  db: Db;
  contactId: string;
  input: unknown;
  now?: Date;
}): Promise<CorrectContactResult> {
  const parsed = correctionSchema.safeParse(opts.input);
  if (!parsed.success) return invalid(fieldErrorCodes(parsed.error));
  const next = parsed.data;
  const now = opts.now ?? new Date();

  return opts.db.$transaction(async (tx) => {
    const current = await tx.contact.findUnique({
      where: { id: opts.contactId },
      select: { name: true, phone: true, jobTitle: true, language: true },
    });
    if (!current) return fail("not_found", { reason: "unknown_contact" });
    const changed = CORRECTION_FIELDS.filter((f) => current[f] !== next[f]);
    if (changed.length === 0) return { ok: true as const, changed };

    const data: Prisma.ContactUpdateInput = {};
    const values: Record<string, { from: string | null; to: string | null }> = {};
    for (const f of changed) {
      Object.assign(data, { [f]: next[f] });
      values[f] = { from: current[f], to: next[f] };
    }
    await tx.contact.update({ where: { id: opts.contactId }, data });
    const actor = { type: "CONTACT" as const, id: opts.contactId };
    await recordAuditEvent(
      tx,
      {
        actor,
        action: "contact.corrected_by_self",
        subject: { type: "Contact", id: opts.contactId },
        fields: changed,
        personalValues: values,
      },
      now,
    );
    await recordPrivacyRequest(tx, {
      contactId: opts.contactId,
      type: "RECTIFICATION",
      channel: "SELF_SERVICE",
      status: "COMPLETED",
      actor,
      outcome: `Corrected by the person: ${changed.join(", ")}`,
      now,
    });
    return { ok: true as const, changed };
  });
}
