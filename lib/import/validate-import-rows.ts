// The import preview: reads every row through the mapping, validates and normalises it, and classifies it against
// the register (create, update, skip, or refused with the reason). Writes nothing.
import { z } from "zod";
import type { StaffPrincipal } from "@/lib/auth/permissions";
import type { DbOrTx } from "@/lib/db/client";
import { classifyImportRows, type PreviewRow } from "./classify-import-rows";
import { importOptionsSchema, type ImportOptions, type ImportOptionsInput } from "./import-options";
import type { ParsedRow } from "./parse-import-file";
import { getPolicy } from "@/lib/policy/current-policy";
import { readImportRow } from "./read-import-row";
import { columnMappingSchema, type ColumnMapping } from "./suggest-column-mapping";

export type ImportPreview = {
  options: ImportOptions;
  rows: PreviewRow[];
  counts: { create: number; update: number; skip: number; invalid: number };
};

export type ValidateImportRowsResult =
  | { ok: true; data: ImportPreview }
  | { ok: false; fieldErrors: Record<string, string>; formError?: "email_column_required" };

export const validateImportRowsInput = z.object({
  mapping: columnMappingSchema,
  options: importOptionsSchema,
});

export async function validateImportRows(opts: {
  db: DbOrTx;
  rows: ParsedRow[];
  mapping: ColumnMapping;
  options: ImportOptionsInput;
  /** The suppression HMAC key (getConfig().suppressionKey). */
  suppressionKey: string;
  /** Who imports (account managers: only into their own organisations). */
  staff: StaffPrincipal;
}): Promise<ValidateImportRowsResult> {
  const parsed = validateImportRowsInput.safeParse({ mapping: opts.mapping, options: opts.options });
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[issue.path.join(".") || "form"] ??= issue.message;
    return { ok: false, fieldErrors };
  }
  const { mapping, options } = parsed.data;
  if (mapping.email === undefined) return { ok: false, fieldErrors: {}, formError: "email_column_required" };
  // People are registered only in a category the deployment's policy defines (it gives their bases and deletion date).
  const policy = getPolicy();
  if (!policy.categories[options.category]) return { ok: false, fieldErrors: { category: "category_not_in_policy" } };

  const read = opts.rows.map((row): PreviewRow => {
    const { record, errors } = readImportRow(row.cells, mapping);
    if (record?.category && !policy.categories[record.category])
      return {
        rowNumber: row.rowNumber,
        status: "invalid",
        record: null,
        errors: [{ field: "category", code: "category_not_in_policy" }],
      };
    return record
      ? { rowNumber: row.rowNumber, status: "create", record, errors: [] }
      : { rowNumber: row.rowNumber, status: "invalid", record: null, errors };
  });
  const rows = await classifyImportRows({
    db: opts.db,
    rows: read,
    options,
    suppressionKey: opts.suppressionKey,
    staff: opts.staff,
  });
  return { ok: true, data: { options, rows, counts: countRows(rows) } };
}

export function countRows(rows: PreviewRow[]): ImportPreview["counts"] {
  const counts = { create: 0, update: 0, skip: 0, invalid: 0 };
  for (const r of rows) counts[r.status]++;
  return counts;
}
