// Reads an uploaded CSV file (UTF-8 with or without BOM; comma or semicolon as Swedish Excel writes it; RFC 4180
// quoting, parsed by csv-parse) into headers and rows. Limits keep one upload from exhausting the server: a file the limits refuse is
// refused whole, with a code the page can explain.
import { CsvError, parse } from "csv-parse/sync";
import { z } from "zod";

export const IMPORT_LIMITS = { maxBytes: 10 * 1024 * 1024, maxRows: 100_000, maxColumns: 100 } as const;

export type ParseErrorCode =
  | "file_empty"
  | "file_too_large"
  | "file_not_utf8"
  | "too_many_rows"
  | "too_many_columns"
  | "unterminated_quote"
  | "header_empty";

export type ParsedRow = {
  /** Line in the file where the record starts (the header is line 1), as a spreadsheet shows it. */
  rowNumber: number;
  cells: string[];
};

export type ParsedImportFile = { delimiter: "," | ";"; headers: string[]; rows: ParsedRow[] };

export type ParseImportFileResult =
  { ok: true; data: ParsedImportFile } | { ok: false; error: { code: ParseErrorCode; line?: number } };

export const parseImportFileInput = z.object({
  content: z.union([z.string(), z.instanceof(Uint8Array)]),
  limits: z
    .object({ maxBytes: z.number().int().positive(), maxRows: z.number().int().positive() })
    .partial()
    .optional(),
});
export type ParseImportFileInput = z.input<typeof parseImportFileInput>;

export function parseImportFile(input: ParseImportFileInput): ParseImportFileResult {
  const { content, limits } = parseImportFileInput.parse(input);
  const maxBytes = limits?.maxBytes ?? IMPORT_LIMITS.maxBytes;
  const maxRows = limits?.maxRows ?? IMPORT_LIMITS.maxRows;

  const bytes = typeof content === "string" ? Buffer.byteLength(content, "utf8") : content.byteLength;
  if (bytes > maxBytes) return fail("file_too_large");
  let text: string;
  if (typeof content === "string") text = content;
  else {
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(content);
    } catch {
      return fail("file_not_utf8");
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === "") return fail("file_empty");

  const delimiter = detectDelimiter(text);
  // csv-parse (RFC 4180) does the reading. Row numbers are counted from each record's raw text, as a spreadsheet
  // numbers lines (csv-parse's own line count takes CRLF inside quotes as two lines).
  const records: ParsedRow[] = [];
  let parsed: { record: string[]; raw: string }[];
  try {
    parsed = parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
      raw: true,
    }) as unknown as typeof parsed;
  } catch (e) {
    if (e instanceof CsvError && e.code === "CSV_QUOTE_NOT_CLOSED") return fail("unterminated_quote", Number(e.lines));
    throw e;
  }
  let line = 1;
  for (const { record, raw } of parsed) {
    const startLine = line;
    line += raw.match(/\r\n|\r|\n/g)?.length ?? 0;
    if (record.length > IMPORT_LIMITS.maxColumns) return fail("too_many_columns", startLine);
    // Blank lines (and lines of only delimiters) are not records.
    if (record.some((c) => c.trim() !== "")) records.push({ rowNumber: startLine, cells: record });
    // The header is not a data row.
    if (records.length > maxRows + 1) return fail("too_many_rows");
  }

  const [header, ...rows] = records;
  if (!header) return fail("file_empty");
  const headers = header.cells.map((h) => h.trim());
  if (headers.every((h) => h === "")) return fail("header_empty");
  return { ok: true, data: { delimiter, headers, rows } };
}

/** The delimiter that occurs more often outside quotes on the first line; comma when neither does. */
function detectDelimiter(text: string): "," | ";" {
  let commas = 0;
  let semicolons = 0;
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === "\n" || ch === "\r")) break;
    else if (!inQuotes && ch === ",") commas++;
    else if (!inQuotes && ch === ";") semicolons++;
  }
  return semicolons > commas ? ";" : ",";
}

function fail(code: ParseErrorCode, line?: number): ParseImportFileResult {
  return { ok: false, error: line === undefined ? { code } : { code, line } };
}
