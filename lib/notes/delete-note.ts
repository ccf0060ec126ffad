// Staff delete a note (a mistake, or the person asked for its correction): the same rights as adding one. The audit
// entry names the field only; the note's text already sits in the "contact.note_added" entry until erasure clears it.
import "server-only";
import type { Forbidden, NotFound } from "@/lib/result";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { can, type StaffPrincipal } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { loadContactForStaff } from "@/lib/access/load-contact-for-staff";

export async function deleteNote(opts: {
  db: Db;
  staff: StaffPrincipal;
  contactId: string;
  noteId: string;
  now?: Date;
}): Promise<{ ok: true } | Forbidden | NotFound> {
  if (!can(opts.staff, "notes.write")) return { ok: false, code: "forbidden" };
  return opts.db.$transaction(async (tx) => {
    const access = await loadContactForStaff({
      db: tx,
      staff: opts.staff,
      id: opts.contactId,
      permission: "notes.write",
    });
    if (!access.ok) return access;
    const { count } = await tx.staffNote.deleteMany({ where: { id: opts.noteId, contactId: opts.contactId } });
    if (count === 0) return { ok: false as const, code: "not_found" as const };
    await recordAuditEvent(
      tx,
      {
        actor: { type: "STAFF", id: opts.staff.id },
        action: "contact.note_deleted",
        subject: { type: "Contact", id: opts.contactId },
        fields: ["notes"],
        personalValues: { notes: { id: opts.noteId } },
      },
      opts.now,
    );
    return { ok: true as const };
  });
}
