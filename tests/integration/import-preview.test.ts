// CSV import, issue 12: a row's own category and language win over the batch's defaults (which fill only empty
// cells), the preview counts and shows each kind of row, and the rejected rows come back as a CSV file staff can
// correct and import again. Each test has its own staff member and mail domain.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffPrincipal } from "@/lib/auth/permissions";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { buildRejectedRowsCsv } from "@/lib/import/build-rejected-rows-csv";
import { importContacts } from "@/lib/import/import-contacts";
import type { ImportOptionsInput } from "@/lib/import/import-options";
import { parseImportFile } from "@/lib/import/parse-import-file";
import { readImportRow } from "@/lib/import/read-import-row";
import { suggestColumnMapping } from "@/lib/import/suggest-column-mapping";
import { summariseImportPreview } from "@/lib/import/summarise-import-preview";
import { validateImportRows } from "@/lib/import/validate-import-rows";
import { defaultLegalBases } from "@/lib/policy/purposes";
import { hashAddress } from "@/lib/suppression/hash-address";
import { createTestDb, type TestDb } from "../support/db";
import { makeContact, makeStaffUser, unique } from "../factories";

const KEY = "import-preview-test-suppression-key";
const OPTIONS: ImportOptionsInput = {
  category: "PROSPECT",
  defaultLanguage: "en",
  sourceType: "IMPORTED",
  sourceDetail: "CRM export 2026-11",
  sourceDate: "2026-11-02",
  duplicates: "update",
};

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.close());

async function setUp() {
  const staff: StaffPrincipal = await makeStaffUser(t.db, "ADMIN");
  const tag = unique();
  return { staff, tag, domain: `defaults${tag}.example` };
}

async function preview(staff: StaffPrincipal, csv: string, options: ImportOptionsInput = OPTIONS) {
  const parsed = parseImportFile({ content: csv });
  if (!parsed.ok) throw new Error(parsed.error.code);
  const result = await validateImportRows({
    db: t.db,
    rows: parsed.data.rows,
    mapping: suggestColumnMapping({ headers: parsed.data.headers }),
    options,
    suppressionKey: KEY,
    staff,
  });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return { file: parsed.data, data: result.data };
}

const sortedBases = (list: { purpose: string; basis: string }[]) => list.map((b) => `${b.purpose}:${b.basis}`).sort();

describe("a batch's defaults and the file's own columns", () => {
  it("takes the file's category and language, fills only empty cells from the defaults, and says which is which", async () => {
    const { staff, domain, tag } = await setUp();
    const org = `Kundbolaget ${tag} AB`;
    const csv = [
      "Namn;E-post;Kategori;Språk;Organisation",
      `Karin Kund;karin@${domain};Kund;sv;${org}`,
      `Per Prospekt;per@${domain};;;`,
      `Lena Leverantör;lena@${domain};SUPPLIER_CONTACT;;`,
      `Okänd Kategori;okand@${domain};styrelse;;`,
    ].join("\n");
    const { data } = await preview(staff, csv);
    expect(data.rows.map((r) => [r.rowNumber, r.status, r.record?.category ?? null])).toEqual([
      [2, "create", "CUSTOMER_CONTACT"],
      [3, "create", null],
      [4, "create", "SUPPLIER_CONTACT"],
      [5, "invalid", null],
    ]);
    expect(data.rows[3]!.errors).toEqual([{ field: "category", code: "category_invalid" }]);

    const summary = await summariseImportPreview({ db: t.db, preview: data, sample: 20 });
    expect(summary.create.map((r) => [r.rowNumber, r.category, r.language])).toEqual([
      [2, { value: "CUSTOMER_CONTACT", from: "file" }, { value: "sv", from: "file" }],
      [3, { value: "PROSPECT", from: "default" }, { value: "en", from: "default" }],
      [4, { value: "SUPPLIER_CONTACT", from: "file" }, { value: "en", from: "default" }],
    ]);

    const result = await importContacts({
      db: t.db,
      rows: data.rows,
      options: data.options,
      staff,
      suppressionKey: KEY,
    });
    expect(result).toMatchObject({ created: 3, refused: 1, organisationsCreated: 1 });
    const contacts = await t.db.contact.findMany({
      where: { email: { endsWith: `@${domain}` } },
      include: { legalBases: true, roles: { include: { organisation: true } } },
      orderBy: { email: "asc" },
    });
    expect(contacts.map((c) => [c.email, c.category, c.language])).toEqual([
      [`karin@${domain}`, "CUSTOMER_CONTACT", "sv"],
      [`lena@${domain}`, "SUPPLIER_CONTACT", "en"],
      [`per@${domain}`, "PROSPECT", "en"],
    ]);
    // Each contact's legal bases are the policy's defaults for its own category, not for the batch's.
    for (const c of contacts) expect(sortedBases(c.legalBases)).toEqual(sortedBases(defaultLegalBases(c.category)));
    expect(sortedBases(defaultLegalBases("CUSTOMER_CONTACT"))).not.toEqual(sortedBases(defaultLegalBases("PROSPECT")));
    // The new organisation's relationship follows the row that named it, a customer's.
    expect(contacts[0]!.roles[0]!.organisation.relationship).toBe("CUSTOMER");
    expect((await verifyAuditChain({ db: t.db })).ok).toBe(true);
  });

  it("does not change an existing contact's category or fill its empty cells from the defaults on update", async () => {
    const { staff } = await setUp();
    const made = await makeContact(t.db, { category: "PARTNER_CONTACT", language: "sv", suppressionKey: KEY });
    const csv = `Namn;E-post;Kategori;Språk\nNytt Namn;${made.email};Kund;\n`;
    const { data } = await preview(staff, csv);
    const summary = await summariseImportPreview({ db: t.db, preview: data, sample: 20 });
    expect(summary.update).toEqual([{ rowNumber: 2, email: made.email, changes: ["name"] }]);
    await importContacts({ db: t.db, rows: data.rows, options: data.options, staff, suppressionKey: KEY });
    expect(await t.db.contact.findUniqueOrThrow({ where: { id: made.id } })).toMatchObject({
      name: "Nytt Namn",
      category: "PARTNER_CONTACT",
      language: "sv",
    });
  });
});

describe("the import preview", () => {
  it("counts new, updated, skipped, rejected and blocked rows and shows the first of each kind", async () => {
    const { staff, domain } = await setUp();
    const existing = await makeContact(t.db, { jobTitle: "Driftchef", suppressionKey: KEY });
    const same = await t.db.contact.findUniqueOrThrow({
      where: { id: (await makeContact(t.db, { suppressionKey: KEY })).id },
    });
    for (const [local, reason] of [
      ["erased", "ERASED"],
      ["bounced", "HARD_BOUNCE"],
    ] as const)
      await t.db.suppression.create({
        data: { addressHash: hashAddress(`${local}@${domain}`, KEY), reason, scope: "ALL" },
      });
    const csv = [
      "Namn;E-post;Titel",
      `Ny Ett;ny.ett@${domain};`,
      `Ny Två;ny.tva@${domain};`,
      `Nytt Namn;${existing.email};IT-chef`,
      `${same.name};${same.email};`,
      `Dålig;inte-en-adress;`,
      `;inget.namn@${domain};`,
      `Raderad;erased@${domain};`,
      `Studsad;bounced@${domain};`,
    ].join("\n");
    const override = { reason: "Met again at the fair", rows: [9] };
    const { data } = await preview(staff, csv, { ...OPTIONS, suppressionOverride: override });
    // The classification's own counts stay as they were (invalid = rejected + blocked).
    expect(data.counts).toEqual({ create: 3, update: 2, skip: 0, invalid: 3 });

    const summary = await summariseImportPreview({ db: t.db, preview: data, sample: 20 });
    expect(summary.counts).toEqual({ create: 3, update: 2, skip: 0, rejected: 2, suppressed: 1, overridden: 1 });
    expect(summary.create.map((r) => [r.rowNumber, r.overridden])).toEqual([
      [2, false],
      [3, false],
      [9, true],
    ]);
    expect(summary.update).toEqual([
      { rowNumber: 4, email: existing.email, changes: ["name", "jobTitle"] },
      { rowNumber: 5, email: same.email, changes: [] },
    ]);
    expect(summary.rejected).toEqual([
      { rowNumber: 6, errors: [{ field: "email", code: "email_invalid" }] },
      { rowNumber: 7, errors: [{ field: "name", code: "name_required" }] },
    ]);
    expect(summary.suppressed).toMatchObject([
      { rowNumber: 8, email: `erased@${domain}`, overridden: false, suppression: { matches: [{ reason: "ERASED" }] } },
      {
        rowNumber: 9,
        email: `bounced@${domain}`,
        overridden: true,
        suppression: { matches: [{ reason: "HARD_BOUNCE" }] },
      },
    ]);

    // Only the first rows of each kind are shown; the counts stay whole.
    const first = await summariseImportPreview({ db: t.db, preview: data, sample: 1 });
    expect(first.counts).toEqual(summary.counts);
    expect([first.create, first.update, first.rejected, first.suppressed].map((l) => l.length)).toEqual([1, 1, 1, 1]);

    // Skipping existing addresses moves both update rows to skipped.
    const skipping = await preview(staff, csv, { ...OPTIONS, duplicates: "skip", suppressionOverride: override });
    const skipped = await summariseImportPreview({ db: t.db, preview: skipping.data, sample: 20 });
    expect(skipped.counts).toMatchObject({ update: 0, skip: 2 });
    expect(skipped.skip.map((r) => r.rowNumber)).toEqual([4, 5]);

    // The preview wrote nothing.
    expect(await t.db.contact.count({ where: { email: { endsWith: `@${domain}` } } })).toBe(0);
  });
});

describe("the rejected rows as a CSV file", () => {
  it("gives the file's own columns, the reason and the code, with a BOM, semicolons and formulas defused", async () => {
    const { staff, domain } = await setUp();
    await t.db.suppression.create({
      data: { addressHash: hashAddress(`erased@${domain}`, KEY), reason: "ERASED", scope: "ALL" },
    });
    const existing = await makeContact(t.db, { suppressionKey: KEY });
    const csv = [
      "Namn,E-post,Telefon,Anteckning",
      `Good Row,good@${domain},,`,
      `"=HYPERLINK(""http://evil.example"")",not-an-address,,"semi;colon"`,
      `Bad Phone,bad.phone@${domain},+46 12,@SUM(A1)`,
      `Erased Person,erased@${domain},,-2+3`,
      `Already There,${existing.email},,`,
    ].join("\n");
    const { file, data } = await preview(staff, csv, { ...OPTIONS, duplicates: "skip" });
    const rejected = data.rows.filter((r) => r.status === "invalid");
    expect(rejected.map((r) => r.rowNumber)).toEqual([3, 4, 5]);

    const en = buildRejectedRowsCsv({ headers: file.headers, rows: file.rows, rejected: data.rows, lang: "en" });
    expect(en.charCodeAt(0)).toBe(0xfeff);
    const lines = en.slice(1).split("\r\n");
    expect(lines).toEqual([
      "Namn;E-post;Telefon;Anteckning;Reason;Error code",
      `"'=HYPERLINK(""http://evil.example"")";not-an-address;;"semi;colon";The email address is not valid.;email_invalid`,
      `Bad Phone;bad.phone@${domain};'+46 12;'@SUM(A1);The phone number is not valid.;phone_invalid`,
      `Erased Person;erased@${domain};;'-2+3;The address is on the suppression list: was erased at their request.;suppressed`,
      "",
    ]);
    // In Swedish, and the skipped row (already in the register) is not handed back in either language.
    const sv = buildRejectedRowsCsv({ headers: file.headers, rows: file.rows, rejected: data.rows, lang: "sv" });
    expect(sv.slice(1).split("\r\n")[0]).toBe("Namn;E-post;Telefon;Anteckning;Orsak;Felkod");
    expect(sv).toContain(";Telefonnumret är inte giltigt.;phone_invalid");
    expect(sv).not.toContain(existing.email);

    // The file reads back through the import: same rows and cells, the guard's apostrophe dropped, so a corrected
    // row imports.
    const back = parseImportFile({ content: en.replace("+46 12", "+46 70 123 45 67") });
    if (!back.ok) throw new Error(back.error.code);
    expect(back.data.delimiter).toBe(";");
    expect(back.data.headers).toEqual([...file.headers, "Reason", "Error code"]);
    expect(back.data.rows.map((r) => r.cells[0])).toEqual([
      `'=HYPERLINK("http://evil.example")`,
      "Bad Phone",
      "Erased Person",
    ]);
    const mapping = suggestColumnMapping({ headers: back.data.headers });
    expect(readImportRow(back.data.rows[1]!.cells, mapping)).toMatchObject({
      record: { email: `bad.phone@${domain}`, phone: "+46701234567" },
    });
  });
});
