// The contact list's CSV export: every contact the filters match (streamed in batches, in name order) or only the
// rows ticked; readable values next to codes; formulas defused; audited before the first row; and only for the roles
// that may take the list out of the register.
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportContacts } from "@/lib/contacts/export-contacts";
import { createTestDb, type TestDb } from "../support/db";
import { makeContact, makeOrganisation, makeStaffUser, unique } from "../factories";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t.close());

async function readAll(chunks: AsyncIterable<string>): Promise<string> {
  let s = "";
  for await (const c of chunks) s += c;
  return s;
}
const rowsOf = (csv: string) =>
  parse(csv.replace(/^\uFEFF/, ""), { delimiter: ";", relax_column_count: false }) as string[][];

describe("exportContacts", () => {
  it("exports every contact the filter matches, across batches, in name order, with words next to codes", async () => {
    const word = `Exp${unique()}`;
    const org = await makeOrganisation(t.db, { name: `${word} AB` });
    // More than one batch of 1,000, so the keyset cursor between batches is exercised (inserted in bulk: the factory
    // makes one contact per transaction).
    const made = Array.from({ length: 1005 }, (_, i) => `exp_${word}_${i}`);
    await t.db.contact.createMany({
      data: made.map((id, i) => ({
        id,
        name: `${word} ${String(i).padStart(4, "0")}`,
        email: `${id}@export.example`.toLowerCase(),
        language: i % 2 ? ("en" as const) : ("sv" as const),
        category: "CUSTOMER_CONTACT" as const,
        sourceType: "STAFF_ENTRY" as const,
      })),
    });
    await t.db.contactRole.createMany({
      data: made.map((contactId) => ({
        contactId,
        organisationId: org.id,
        type: "OTHER" as const,
        startsOn: new Date(),
      })),
    });
    await makeContact(t.db, { name: `Someone else ${unique()}` });
    const staff = await makeStaffUser(t.db, "MARKETING");
    const r = await exportContacts({ db: t.db, staff, input: { q: word }, lang: "en" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.count).toBe(1005);
    const csv = await readAll(r.chunks);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const rows = rowsOf(csv);
    expect(rows[0]).toEqual([
      "id",
      "Name",
      "Email",
      "Organisation",
      "Category",
      "Category code",
      "Language",
      "Opted out of all marketing",
      "Registered",
    ]);
    const body = rows.slice(1);
    expect(body).toHaveLength(1005);
    expect(new Set(body.map((x) => x[0]))).toEqual(new Set(made));
    expect(body.map((x) => x[1])).toEqual([...body.map((x) => x[1])].sort());
    expect(body[0]!.slice(3, 7)).toEqual([`${word} AB`, "Contact person at a customer", "CUSTOMER_CONTACT", "Swedish"]);
  });

  it("exports only the ticked rows, and refuses an empty selection instead of exporting everyone", async () => {
    const a = await makeContact(t.db);
    const b = await makeContact(t.db);
    await makeContact(t.db);
    const staff = await makeStaffUser(t.db, "ADMIN");
    const r = await exportContacts({
      db: t.db,
      staff,
      input: { only: "selected", ids: [a.id, b.id, a.id] },
      lang: "sv",
    });
    expect(r.ok && r.count).toBe(2);
    if (!r.ok) return;
    const rows = rowsOf(await readAll(r.chunks));
    expect(rows[0]![1]).toBe("Namn");
    expect(
      rows
        .slice(1)
        .map((x) => x[0])
        .sort(),
    ).toEqual([a.id, b.id].sort());

    const none = await exportContacts({ db: t.db, staff, input: { only: "selected", ids: [] }, lang: "sv" });
    expect(none).toEqual({ ok: false, code: "invalid", fieldErrors: { ids: "nothing_selected" } });
  });

  it("defuses cells a spreadsheet would run as a formula", async () => {
    const c = await makeContact(t.db, { name: `=HYPERLINK("http://evil.example") ${unique()}` });
    const staff = await makeStaffUser(t.db, "ADMIN");
    const r = await exportContacts({ db: t.db, staff, input: { ids: [c.id] }, lang: "en" });
    if (!r.ok) throw new Error("export refused");
    const rows = rowsOf(await readAll(r.chunks));
    expect(rows[1]![1]!.startsWith(`'=HYPERLINK("http://evil.example")`)).toBe(true);
  });

  it("records who exported what before any row leaves", async () => {
    const c = await makeContact(t.db);
    const staff = await makeStaffUser(t.db, "PRIVACY_OFFICER");
    const r = await exportContacts({ db: t.db, staff, input: { ids: [c.id] }, lang: "en" });
    expect(r.ok).toBe(true);
    // Audited although the stream was never read.
    const entry = await t.db.auditEvent.findFirst({
      where: { action: "contacts.exported", actorId: staff.id },
      select: { subjectType: true, subjectId: true, fields: true, personalValues: true },
    });
    expect(entry).toMatchObject({
      subjectType: "ContactList",
      subjectId: "selection",
      fields: ["id"],
      personalValues: { count: 1, contactIds: [c.id] },
    });
    const byFilter = await exportContacts({
      db: t.db,
      staff,
      input: { q: "nobody-by-this-name", category: "PROSPECT" },
      lang: "en",
    });
    expect(byFilter.ok && byFilter.count).toBe(0);
    const filterEntry = await t.db.auditEvent.findFirst({
      where: { action: "contacts.exported", actorId: staff.id, subjectId: "filter" },
      select: { personalValues: true },
    });
    expect(filterEntry?.personalValues).toEqual({
      count: 0,
      filter: { q: "nobody-by-this-name", category: "PROSPECT" },
    });
  });

  it("is refused to account managers and support, who keep the register in the app", async () => {
    for (const role of ["ACCOUNT_MANAGER", "SUPPORT"] as const) {
      const staff = await makeStaffUser(t.db, role);
      const r = await exportContacts({ db: t.db, staff, input: {}, lang: "en" });
      expect(r, role).toEqual({ ok: false, code: "forbidden" });
      expect(await t.db.auditEvent.count({ where: { action: "contacts.exported", actorId: staff.id } })).toBe(0);
    }
  });

  it("answers a field error for more ids than a page holds", async () => {
    const staff = await makeStaffUser(t.db, "ADMIN");
    const ids = Array.from({ length: 501 }, (_, i) => `id${i}`);
    const r = await exportContacts({ db: t.db, staff, input: { ids }, lang: "en" });
    expect(r).toEqual({ ok: false, code: "invalid", fieldErrors: { ids: "too_many" } });
  });
});
