// Staff notes on contacts: account managers write them only for contacts of organisations they manage, the privacy
// officer and admins anywhere; roles with contacts.readNotes read them; marketing and support never receive a note's
// text in any response. The person sees their notes (text and date, author only as "staff") in "my data" and the
// export; erasure deletes the notes and clears their text from the audit trail.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import type { StaffPrincipal } from "@/lib/auth/permissions";
import { getContactRecord } from "@/lib/contacts/get-contact-record";
import { exportContactData } from "@/lib/export/export-contact-data";
import { addNote } from "@/lib/notes/add-note";
import { deleteNote } from "@/lib/notes/delete-note";
import { eraseContactByStaff } from "@/lib/contacts/erase-contact-by-staff";
import { listNotes } from "@/lib/notes/list-notes";
import { viewContact } from "@/lib/contacts/view-contact";
import { createTestDb, type TestDb } from "../support/db";
import { makeContact, makeOrganisation, makeStaffUser } from "../factories";

const KEY = "k".repeat(40);
const SECRET = "Vill bli uppringd efter semestern – nämnde flytt till Umeå";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.close());

/** Staff in every role; Lena at Karin's organisation, Maria at Johan's. */
async function makeStaffAndContacts() {
  const ADMIN: StaffPrincipal = await makeStaffUser(t.db, "ADMIN");
  const PRIVACY: StaffPrincipal = await makeStaffUser(t.db, "PRIVACY_OFFICER");
  const KARIN: StaffPrincipal = await makeStaffUser(t.db, "ACCOUNT_MANAGER", { name: "Karin Berg" });
  const JOHAN: StaffPrincipal = await makeStaffUser(t.db, "ACCOUNT_MANAGER", { name: "Johan Ek" });
  const MARKETING: StaffPrincipal = await makeStaffUser(t.db, "MARKETING");
  const SUPPORT: StaffPrincipal = await makeStaffUser(t.db, "SUPPORT");
  const nordlys = await makeOrganisation(t.db, { accountManagerId: KARIN.id });
  const kvarnby = await makeOrganisation(t.db, { accountManagerId: JOHAN.id });
  const LENA = (await makeContact(t.db, { organisationId: nordlys.id, suppressionKey: KEY })).id;
  const MARIA = (await makeContact(t.db, { organisationId: kvarnby.id, suppressionKey: KEY })).id;
  return { ADMIN, PRIVACY, KARIN, JOHAN, MARKETING, SUPPORT, LENA, MARIA };
}

/** As above, and Karin has written the note about Lena. */
async function withKarinsNote() {
  const world = await makeStaffAndContacts();
  const r = await addNote({ db: t.db, staff: world.KARIN, contactId: world.LENA, input: { body: `  ${SECRET}  ` } });
  expect(r.ok).toBe(true);
  return world;
}

describe("writing notes", () => {
  it("an account manager adds a note to a contact of an organisation she manages, audited with the text outside the chain", async () => {
    const { KARIN, LENA } = await makeStaffAndContacts();
    const r = await addNote({ db: t.db, staff: KARIN, contactId: LENA, input: { body: `  ${SECRET}  ` } });
    expect(r.ok).toBe(true);
    const notes = await t.db.staffNote.findMany({ where: { contactId: LENA } });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ body: SECRET, authorId: KARIN.id });
    const [entry] = await t.db.auditEvent.findMany({ where: { action: "contact.note_added", subjectId: LENA } });
    expect(entry).toMatchObject({ actorType: "STAFF", actorId: KARIN.id, subjectType: "Contact", fields: ["notes"] });
    expect(entry?.personalValues).toEqual({ notes: { id: notes[0]!.id, body: SECRET } });
  });

  it("refuses an account manager for another's contact, and marketing and support everywhere", async () => {
    const { ADMIN, KARIN, MARKETING, SUPPORT, LENA, MARIA } = await makeStaffAndContacts();
    expect(await addNote({ db: t.db, staff: KARIN, contactId: MARIA, input: { body: "x" } })).toEqual({
      ok: false,
      code: "forbidden",
    });
    for (const staff of [MARKETING, SUPPORT]) {
      expect(await addNote({ db: t.db, staff, contactId: LENA, input: { body: "x" } })).toEqual({
        ok: false,
        code: "forbidden",
      });
    }
    expect(await addNote({ db: t.db, staff: ADMIN, contactId: "nobody", input: { body: "x" } })).toEqual({
      ok: false,
      code: "not_found",
    });
    expect(await t.db.staffNote.count({ where: { contactId: MARIA } })).toBe(0);
  });

  it("the privacy officer and admins add notes anywhere; empty and over-long notes are refused per field", async () => {
    const { ADMIN, PRIVACY, MARIA } = await makeStaffAndContacts();
    expect((await addNote({ db: t.db, staff: PRIVACY, contactId: MARIA, input: { body: "Begärt utdrag" } })).ok).toBe(
      true,
    );
    expect((await addNote({ db: t.db, staff: ADMIN, contactId: MARIA, input: { body: "Ring i mars" } })).ok).toBe(true);
    expect(await addNote({ db: t.db, staff: ADMIN, contactId: MARIA, input: { body: "   " } })).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { body: "note_required" },
    });
    expect(await addNote({ db: t.db, staff: ADMIN, contactId: MARIA, input: { body: "a".repeat(2001) } })).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { body: "note_too_long" },
    });
  });

  it("deleting a note needs the same right, audited", async () => {
    const { KARIN, JOHAN, MARIA } = await makeStaffAndContacts();
    const r = await addNote({ db: t.db, staff: JOHAN, contactId: MARIA, input: { body: "Fel kontakt" } });
    if (!r.ok) throw new Error("note not added");
    expect(await deleteNote({ db: t.db, staff: KARIN, contactId: MARIA, noteId: r.id })).toEqual({
      ok: false,
      code: "forbidden",
    });
    expect(await deleteNote({ db: t.db, staff: JOHAN, contactId: MARIA, noteId: r.id })).toEqual({ ok: true });
    expect(await deleteNote({ db: t.db, staff: JOHAN, contactId: MARIA, noteId: r.id })).toEqual({
      ok: false,
      code: "not_found",
    });
    expect(await t.db.auditEvent.count({ where: { action: "contact.note_deleted", subjectId: MARIA } })).toBe(1);
  });
});

describe("reading notes", () => {
  it("roles with contacts.readNotes list them with their author", async () => {
    const { ADMIN, PRIVACY, KARIN, JOHAN, LENA } = await withKarinsNote();
    for (const staff of [ADMIN, PRIVACY, KARIN, JOHAN]) {
      const r = await listNotes({ db: t.db, staff, contactId: LENA });
      expect(r.ok && r.notes.map((n) => [n.body, n.author])).toEqual([[SECRET, "Karin Berg"]]);
    }
    const view = await viewContact({ db: t.db, staff: PRIVACY, contactId: LENA });
    expect(view.ok && view.view.record?.notes.map((n) => n.body)).toEqual([SECRET]);
  });

  it("marketing and support never receive a note's text in any response", async () => {
    const { MARKETING, SUPPORT, LENA } = await withKarinsNote();
    for (const staff of [MARKETING, SUPPORT]) {
      expect(await listNotes({ db: t.db, staff, contactId: LENA })).toEqual({ ok: false, code: "forbidden" });
      const view = await viewContact({ db: t.db, staff, contactId: LENA });
      expect(view.ok).toBe(true);
      // Neither the notes nor the audit entry that holds the text (support otherwise sees past values).
      expect(JSON.stringify(view)).not.toContain("semestern");
      expect(JSON.stringify(view)).not.toContain("Umeå");
    }
  });
});

describe("the person's own view, export and erasure", () => {
  it("my data holds the notes with their date, the author only as staff", async () => {
    const { LENA } = await withKarinsNote();
    const record = await getContactRecord({ db: t.db, contactId: LENA });
    expect(record?.notes).toEqual([{ body: SECRET, createdAt: expect.any(Date) }]);
    expect(JSON.stringify(record?.notes)).not.toContain("Karin");
  });

  it("the export (JSON and CSV) includes the notes", async () => {
    const { LENA } = await withKarinsNote();
    const json = await exportContactData({ db: t.db, contactId: LENA, format: "json", lang: "en" });
    if (!json.ok) throw new Error("export failed");
    const parsed = JSON.parse(json.body) as { notes: { body: string; createdAt: string }[] };
    expect(parsed.notes.map((n) => n.body)).toEqual([SECRET]);
    const csv = await exportContactData({ db: t.db, contactId: LENA, format: "csv", lang: "en" });
    if (!csv.ok) throw new Error("export failed");
    expect(csv.body).toContain(`notes,1,body,${SECRET}`);
    expect(csv.body).toMatch(/notes,1,createdAt,\d{4}-\d\d-\d\dT/);
  });

  it("erasure deletes the notes with the contact and clears their text from the audit trail", async () => {
    const { ADMIN, PRIVACY, JOHAN, MARIA } = await makeStaffAndContacts();
    // Maria has two notes, and a third that Johan added and deleted again.
    for (const [staff, body] of [
      [PRIVACY, "Begärt utdrag"],
      [ADMIN, "Ring i mars"],
    ] as const) {
      expect((await addNote({ db: t.db, staff, contactId: MARIA, input: { body } })).ok).toBe(true);
    }
    const wrong = await addNote({ db: t.db, staff: JOHAN, contactId: MARIA, input: { body: "Fel kontakt" } });
    if (!wrong.ok) throw new Error("note not added");
    expect(await deleteNote({ db: t.db, staff: JOHAN, contactId: MARIA, noteId: wrong.id })).toEqual({ ok: true });
    expect(await t.db.staffNote.count({ where: { contactId: MARIA } })).toBe(2);
    const r = await eraseContactByStaff({
      db: t.db,
      staff: PRIVACY,
      contactId: MARIA,
      input: { channel: "EMAIL", confirm: "on" },
      suppressionKey: KEY,
    });
    expect(r.ok).toBe(true);
    expect(await t.db.staffNote.count({ where: { contactId: MARIA } })).toBe(0);
    const entries = await t.db.auditEvent.findMany({ where: { action: "contact.note_added", subjectId: MARIA } });
    expect(entries).toHaveLength(3);
    expect(entries.every((e) => e.personalValues === null)).toBe(true);
    expect((await verifyAuditChain({ db: t.db })).ok).toBe(true);
  });
});
