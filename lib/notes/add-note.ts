// Staff add a note to a contact (account managers for contacts of organisations they manage, the privacy officer and
// admins anywhere; lib/access/contact-ownership.ts decides). The text is personal data about the contact: the audit
// entry names the field in the chain and keeps the text in personalValues, which erasure clears; the note itself is
// deleted with the contact (cascade). The person sees their notes in "my data" and the export (GDPR Art. 15).
import "server-only";
import type { Forbidden, Invalid, NotFound } from "@/lib/result";
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { can, type StaffPrincipal } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { loadContactForStaff } from "@/lib/access/load-contact-for-staff";

export const NOTE_MAX_LENGTH = 2000;

export const noteSchema = z.object({
  body: z
    .string({ error: "note_required" })
    .trim()
    .min(1, { error: "note_required" })
    .max(NOTE_MAX_LENGTH, { error: "note_too_long" }),
});

export type AddNoteResult = { ok: true; id: string } | Forbidden | NotFound | Invalid;

export async function addNote(opts: {
  db: Db;
  staff: StaffPrincipal;
  contactId: string;
  input: unknown;
  now?: Date;
}): Promise<AddNoteResult> {
  if (!can(opts.staff, "notes.write")) return { ok: false, code: "forbidden" };
  const now = opts.now ?? new Date();
  return opts.db.$transaction(async (tx): Promise<AddNoteResult> => {
    const access = await loadContactForStaff({
      db: tx,
      staff: opts.staff,
      id: opts.contactId,
      permission: "notes.write",
    });
    if (!access.ok) return access;
    const parsed = noteSchema.safeParse(opts.input);
    if (!parsed.success) {
      const code = parsed.error.issues[0]?.message ?? "note_required";
      return { ok: false, code: "invalid", fieldErrors: { body: code } };
    }
    const note = await tx.staffNote.create({
      data: { contactId: opts.contactId, authorId: opts.staff.id, body: parsed.data.body, createdAt: now },
      select: { id: true },
    });
    await recordAuditEvent(
      tx,
      {
        actor: { type: "STAFF", id: opts.staff.id },
        action: "contact.note_added",
        subject: { type: "Contact", id: opts.contactId },
        fields: ["notes"],
        personalValues: { notes: { id: note.id, body: parsed.data.body } },
      },
      now,
    );
    return { ok: true, id: note.id };
  });
}
