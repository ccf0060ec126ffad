import { describe, expect, it } from "vitest";
import { parseImportFile } from "@/lib/import/parse-import-file";
import { readImportRow } from "@/lib/import/read-import-row";
import { suggestColumnMapping } from "@/lib/import/suggest-column-mapping";
import { generateImportCsv } from "../fixtures/import/generate-import-csv";

describe("parseImportFile", () => {
  it("reads a Swedish Excel file: BOM, semicolons, CRLF, quoted fields with delimiters, quotes and newlines", () => {
    const csv =
      '\uFEFFNamn;E-post;Titel\r\n"Åsa Öberg";asa@example.se;"IT-chef; drift"\r\n\r\nBo;bo@example.se;"Sa ""hej""\r\nigen"\r\n';
    const r = parseImportFile({ content: csv });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.delimiter).toBe(";");
    expect(r.data.headers).toEqual(["Namn", "E-post", "Titel"]);
    expect(r.data.rows).toEqual([
      { rowNumber: 2, cells: ["Åsa Öberg", "asa@example.se", "IT-chef; drift"] },
      { rowNumber: 4, cells: ["Bo", "bo@example.se", 'Sa "hej"\r\nigen'] },
    ]);
  });

  it("reads comma-separated files and bytes, with or without a final newline", () => {
    const bytes = new TextEncoder().encode('Name,Email\n"Smith, Ann",ann@example.com');
    const r = parseImportFile({ content: bytes });
    expect(r.ok && r.data.delimiter).toBe(",");
    expect(r.ok && r.data.rows).toEqual([{ rowNumber: 2, cells: ["Smith, Ann", "ann@example.com"] }]);
  });

  it("refuses files over the limits, unterminated quotes, empty files and bytes that are not UTF-8", () => {
    expect(parseImportFile({ content: "a;b\n1;2\n3;4\n", limits: { maxRows: 1 } })).toEqual({
      ok: false,
      error: { code: "too_many_rows" },
    });
    expect(parseImportFile({ content: "x".repeat(101), limits: { maxBytes: 100 } })).toEqual({
      ok: false,
      error: { code: "file_too_large" },
    });
    expect(parseImportFile({ content: 'a;b\n1;"open\n' })).toEqual({
      ok: false,
      error: { code: "unterminated_quote", line: 2 },
    });
    expect(parseImportFile({ content: "\uFEFF \r\n" })).toEqual({ ok: false, error: { code: "file_empty" } });
    expect(parseImportFile({ content: new Uint8Array([0x4e, 0x61, 0xff, 0x0a]) })).toEqual({
      ok: false,
      error: { code: "file_not_utf8" },
    });
  });

  it("parses a generated 50,000-row file well within a second or two", () => {
    const { csv } = generateImportCsv(50_000);
    const started = performance.now();
    const r = parseImportFile({ content: csv });
    expect(r.ok && r.data.rows.length).toBe(50_000);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe("suggestColumnMapping", () => {
  it("maps Swedish headers", () => {
    expect(
      suggestColumnMapping({
        headers: ["Namn", "E-post", "Telefon", "Titel", "Språk", "Organisation", "Organisationsnummer", "Roll"],
      }),
    ).toEqual({
      name: 0,
      email: 1,
      phone: 2,
      jobTitle: 3,
      language: 4,
      organisationName: 5,
      orgNumber: 6,
      roleType: 7,
    });
  });

  it("maps English CRM headers and leaves unknown columns out", () => {
    expect(
      suggestColumnMapping({
        headers: ["First name", "Last name", "E-mail", "Phone", "Job title", "Company", "Role", "Lead score"],
      }),
    ).toEqual({ firstName: 0, lastName: 1, email: 2, phone: 3, jobTitle: 4, organisationName: 5, roleType: 6 });
    expect(suggestColumnMapping({ headers: ["Email", "Name", "Language"] })).toEqual({
      email: 0,
      name: 1,
      language: 2,
    });
  });
});

describe("readImportRow", () => {
  const mapping = { name: 0, email: 1, phone: 2, language: 3, orgNumber: 4, roleType: 5 };

  it("normalises a good row", () => {
    expect(
      readImportRow(
        [" Åsa Öberg ", " Asa@Example.SE ", "070-123 45 67", "Svenska", "5560160680", "Teknisk kontakt"],
        mapping,
      ),
    ).toEqual({
      record: {
        name: "Åsa Öberg",
        email: "asa@example.se",
        phone: "+46701234567",
        jobTitle: null,
        language: "sv",
        organisationName: null,
        orgNumber: "556016-0680",
        roleType: "TECHNICAL_CONTACT",
        category: null,
      },
      errors: [],
    });
  });

  it("reads the file's category by its Swedish or English name, and refuses an unknown one", () => {
    const withCategory = { email: 0, category: 1 };
    const categoryOf = (cell: string) => readImportRow(["a@example.se", cell], withCategory);
    expect(categoryOf("Kund").record?.category).toBe("CUSTOMER_CONTACT");
    expect(categoryOf("prospect").record?.category).toBe("PROSPECT");
    expect(categoryOf("Kontaktperson hos partner").record?.category).toBe("PARTNER_CONTACT");
    expect(categoryOf("SUPPLIER_CONTACT").record?.category).toBe("SUPPLIER_CONTACT");
    expect(categoryOf("").record?.category).toBeNull();
    expect(categoryOf("styrelse").errors).toEqual([{ field: "category", code: "category_invalid" }]);
  });

  it("reads a cell guarded against formula injection as written, and only such a cell", () => {
    const r = readImportRow(["'+46 70 123 45 67", "a@example.se", "'Bo"], { phone: 0, email: 1, name: 2 });
    expect(r.record).toMatchObject({ phone: "+46701234567", name: "'Bo" });
  });

  it("reports every bad field with a stable code", () => {
    expect(readImportRow(["X", "nope", "12", "klingon", "123", "boss"], mapping).errors).toEqual([
      { field: "email", code: "email_invalid" },
      { field: "phone", code: "phone_invalid" },
      { field: "language", code: "language_invalid" },
      { field: "orgNumber", code: "org_number_invalid" },
      { field: "roleType", code: "role_invalid" },
    ]);
    expect(readImportRow(["X", ""], mapping).errors).toEqual([{ field: "email", code: "email_required" }]);
  });

  it("joins first and last name when there is no name column", () => {
    const r = readImportRow(["Ann", "Berg", "ann@example.com"], { firstName: 0, lastName: 1, email: 2 });
    expect(r.record?.name).toBe("Ann Berg");
  });
});
