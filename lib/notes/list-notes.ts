// The notes about one contact, for roles that may read them (contacts.readNotes: never marketing or support). Staff
// see who wrote each note; the person themselves sees only "staff" (lib/contacts/get-contact-record.ts).
import "server-only";
import type { Forbidden } from "@/lib/result";
import { can, type StaffPrincipal } from "@/lib/auth/permissions";
import type { DbOrTx } from "@/lib/db/client";

export type StaffNoteRow = {
  id: string;
  body: string;
  createdAt: Date;
  author: string | null;
  authorId: string | null;
};

export async function listNotes(opts: {
  db: DbOrTx;
  staff: StaffPrincipal;
  contactId: string;
}): Promise<{ ok: true; notes: StaffNoteRow[] } | Forbidden> {
  if (!can(opts.staff, "contacts.readNotes")) return { ok: false, code: "forbidden" };
  const notes = await opts.db.staffNote.findMany({
    where: { contactId: opts.contactId },
    orderBy: { createdAt: "desc" },
    select: { id: true, body: true, createdAt: true, authorId: true, author: { select: { name: true, email: true } } },
  });
  return {
    ok: true,
    notes: notes.map((n) => ({
      id: n.id,
      body: n.body,
      createdAt: n.createdAt,
      authorId: n.authorId,
      author: n.author ? (n.author.name ?? n.author.email) : null,
    })),
  };
}
