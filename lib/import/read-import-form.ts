// What the import form posts, read into what lib/import works with: the file's text (a new upload wins over the text
// kept from the last preview), the column mapping (the staff member's choice while the headers stay the same, else
// the suggestion), and the options with the override's row numbers. Also where a validation error of the options
// shows on the form. Pure: no database, no texts; the action maps the codes to the staff member's language.
import type { ImportOptionsInput } from "./import-options";
import { IMPORT_LIMITS } from "./parse-import-file";
import { IMPORT_FIELDS, suggestColumnMapping, type ColumnMapping } from "./suggest-column-mapping";

export const IMPORT_OPTION_FIELDS = [
  "category",
  "defaultLanguage",
  "sourceType",
  "sourceDetail",
  "sourceDate",
  "duplicates",
  "overrideReason",
  "overrideRows",
] as const;
export type ImportOptionValues = Record<(typeof IMPORT_OPTION_FIELDS)[number], string>;

export type UploadCode = "file_too_large" | "file_not_utf8" | "file_required";

export async function readUploadedCsv(
  file: FormDataEntryValue | null,
  keptCsv: string,
): Promise<{ ok: true; csv: string } | { ok: false; code: UploadCode }> {
  let csv = keptCsv;
  if (file instanceof File && file.size > 0) {
    if (file.size > IMPORT_LIMITS.maxBytes) return { ok: false, code: "file_too_large" };
    try {
      csv = new TextDecoder("utf-8", { fatal: true }).decode(new Uint8Array(await file.arrayBuffer()));
    } catch {
      return { ok: false, code: "file_not_utf8" };
    }
  }
  return csv === "" ? { ok: false, code: "file_required" } : { ok: true, csv };
}

/** The mapping chosen in the form's col_<i> selects while the headers are those of the last preview, else suggested. */
export function columnMappingFromForm(opts: {
  headers: string[];
  previousHeaders: string[];
  /** The field chosen for column i, or undefined when the form has no choice (first preview). */
  chosen: (column: number) => string | undefined;
}): ColumnMapping {
  const { headers, previousHeaders } = opts;
  const sameHeaders = previousHeaders.length === headers.length && previousHeaders.every((h, i) => h === headers[i]);
  if (!sameHeaders || opts.chosen(0) === undefined) return suggestColumnMapping({ headers });
  const mapping: ColumnMapping = {};
  headers.forEach((_, i) => {
    const field = opts.chosen(i) ?? "";
    if ((IMPORT_FIELDS as readonly string[]).includes(field) && mapping[field as keyof ColumnMapping] === undefined)
      mapping[field as keyof ColumnMapping] = i;
  });
  return mapping;
}

/** Column index → field name, as the form's selects show it. */
export function mappingByColumn(mapping: ColumnMapping): Record<string, string> {
  return Object.fromEntries(Object.entries(mapping).map(([field, i]) => [String(i), field]));
}

/** "4, 17 23" → [4, 17, 23]; null when anything else is written. */
export function parseRowNumbers(text: string): number[] | null {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  if (!parts.every((p) => /^[1-9]\d{0,6}$/.test(p))) return null;
  return [...new Set(parts.map(Number))];
}

/**
 * The options as the import takes them; `override_rows_invalid` when the override's rows are not row numbers. The
 * override names rows one by one; a reason alone (or rows alone) is refused later by the options schema.
 */
export function importOptionsFromForm(
  values: ImportOptionValues,
): { ok: true; options: ImportOptionsInput } | { ok: false; fieldErrors: { overrideRows: "override_rows_invalid" } } {
  const overrideRows = parseRowNumbers(values.overrideRows);
  if (overrideRows === null) return { ok: false, fieldErrors: { overrideRows: "override_rows_invalid" } };
  return {
    ok: true,
    options: {
      category: values.category as ImportOptionsInput["category"],
      defaultLanguage: (values.defaultLanguage || undefined) as ImportOptionsInput["defaultLanguage"],
      sourceType: values.sourceType as ImportOptionsInput["sourceType"],
      sourceDetail: values.sourceDetail,
      sourceDate: values.sourceDate || undefined,
      duplicates: values.duplicates as ImportOptionsInput["duplicates"],
      suppressionOverride:
        values.overrideReason.trim() || overrideRows.length > 0
          ? { reason: values.overrideReason, rows: overrideRows }
          : undefined,
    },
  };
}

/** The form field where an options error is shown ("options.suppressionOverride.reason" → "overrideReason"). */
export function formFieldOfOptionError(key: string): string {
  const path = key.replace(/^options\./, "");
  if (path === "suppressionOverride.reason") return "overrideReason";
  if (path === "suppressionOverride.rows") return "overrideRows";
  return path.split(".")[0] || "form";
}
