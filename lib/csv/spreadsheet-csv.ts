// CSV for people who open it in a spreadsheet (Excel, Numbers, LibreOffice), written by csv-stringify so quoting is
// the library's, not ours: UTF-8 with a byte-order mark (Excel otherwise reads å, ä, ö as Latin-1), semicolons as
// Swedish Excel writes and reads them, CRLF. A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR) gets a
// leading apostrophe (OWASP's advice against CSV injection); the import drops it again on the way back in.
import { stringify } from "csv-stringify/sync";

export const CSV_BOM = "\uFEFF";
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell as a spreadsheet will show it and never run it. */
export const guardFormula = (value: string): string => (FORMULA_START.test(value) ? `'${value}` : value);

/** Lines of CSV (no BOM: the first chunk of a file adds CSV_BOM once). */
export function spreadsheetCsvLines(rows: readonly (readonly string[])[]): string {
  return stringify(
    rows.map((r) => r.map(guardFormula)),
    { delimiter: ";", record_delimiter: "windows", quoted_match: /[;"\r\n]/ },
  );
}

/** A whole file: BOM, then the lines. */
export const spreadsheetCsv = (rows: readonly (readonly string[])[]): string => CSV_BOM + spreadsheetCsvLines(rows);

/** The Content-Type and Content-Disposition of a CSV download. */
export function csvDownloadHeaders(filename: string): Record<string, string> {
  return {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": `attachment; filename="${filename}"`,
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  };
}
