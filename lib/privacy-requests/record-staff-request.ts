// Records a privacy request that reached staff by email, phone or letter. The person is found by email address; an
// address not in the register (or no address, only a reference) keeps a non-personal reference instead, as erased
// contacts' requests do. Due one month from the day it was received; one transaction with its audit entry.
import "server-only";
import { z } from "zod";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import { normaliseEmail } from "@/lib/contacts/normalise";
import type { Db } from "@/lib/db/client";
import { hashAddress } from "@/lib/suppression/hash-address";
import { privacyRequestDueAt } from "./due-date";
import { fieldErrorCodes, invalid, type Invalid } from "@/lib/result";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** At most this many days back: older paper mail is still recorded, but by the date staff actually got it. */
export const MAX_RECEIVED_DAYS_AGO = 30;

export const staffRequestSchema = z
  .object({
    type: z.enum(["ACCESS", "RECTIFICATION", "ERASURE", "OBJECTION", "RESTRICTION", "PORTABILITY"], {
      error: "type_invalid",
    }),
    channel: z.enum(["EMAIL", "PHONE", "LETTER"], { error: "channel_invalid" }),
    receivedOn: z
      .string({ error: "received_invalid" })
      .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "received_invalid" })
      .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), { error: "received_invalid" }),
    email: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .max(254, { error: "email_invalid" })
        .pipe(z.email({ error: "email_invalid" }))
        .optional(),
    ),
    reference: z.preprocess(blankToUndefined, z.string().trim().max(100, { error: "reference_too_long" }).optional()),
    details: z.preprocess(blankToUndefined, z.string().trim().max(2000, { error: "details_too_long" }).optional()),
  })
  .refine((v) => v.email || v.reference, { error: "subject_required", path: ["email"] });
export type StaffRequestInput = z.input<typeof staffRequestSchema>;

export type RecordStaffRequestResult = { ok: true; id: string; contactId: string | null; dueAt: Date } | Invalid;

export async function recordStaffRequest(opts: {
  db: Db;
  input: unknown;
  actor: AuditActor;
  suppressionKey: string;
  now?: Date;
}): Promise<RecordStaffRequestResult> {
  const parsed = staffRequestSchema.safeParse(opts.input);
  if (!parsed.success) return invalid(fieldErrorCodes(parsed.error));
  const input = parsed.data;
  const now = opts.now ?? new Date();
  const receivedAt = new Date(`${input.receivedOn}T00:00:00Z`);
  const today = Date.parse(now.toISOString().slice(0, 10) + "T00:00:00Z");
  if (receivedAt.getTime() > today) return invalid({ receivedOn: "received_in_future" });
  if (receivedAt.getTime() < today - MAX_RECEIVED_DAYS_AGO * 86_400_000)
    return invalid({ receivedOn: "received_too_old" });

  return opts.db.$transaction(async (tx) => {
    const email = input.email ? normaliseEmail(input.email) : undefined;
    const contact = email ? await tx.contact.findUnique({ where: { email }, select: { id: true } }) : null;
    const subjectRef = contact
      ? null
      : email
        ? hashAddress(email, opts.suppressionKey).slice(0, 12)
        : (input.reference ?? null);
    const dueAt = privacyRequestDueAt(receivedAt);
    const row = await tx.privacyRequest.create({
      data: {
        contactId: contact?.id ?? null,
        subjectRef,
        type: input.type,
        channel: input.channel,
        receivedAt,
        dueAt,
        status: "RECEIVED",
        details: input.details ?? null,
      },
      select: { id: true },
    });
    await recordAuditEvent(
      tx,
      {
        actor: opts.actor,
        action: "privacy_request.recorded",
        subject: { type: "PrivacyRequest", id: row.id },
        fields: ["type", "channel", "status", "receivedAt"],
      },
      now,
    );
    return { ok: true as const, id: row.id, contactId: contact?.id ?? null, dueAt };
  });
}
