"use server";
// The CSV import's one server action: "preview" reads the uploaded file (or the CSV text kept from the previous
// preview), suggests or applies the column mapping and validates every row; "import" re-parses and re-validates the
// same text and imports it in one transaction (lib/import). Access is checked here and again by the page.
import { checkStaff } from "@/lib/auth/current-staff";
import { getDb } from "@/lib/db/client";
import { getConfig } from "@/lib/env/config";
import { getActionI18n } from "@/lib/i18n/server";
import { currentSessionOwner } from "@/lib/auth/session-owner";
import { importContacts } from "@/lib/import/import-contacts";
import {
  finishImportProgress,
  isProgressId,
  reportImportProgress,
  startImportProgress,
} from "@/lib/import/import-progress";
import type { SuppressionReason } from "@/lib/generated/prisma/enums";
import type { ImportOptionsInput } from "@/lib/import/import-options";
import { IMPORT_LIMITS, parseImportFile } from "@/lib/import/parse-import-file";
import type { RowError } from "@/lib/import/read-import-row";
import { IMPORT_FIELDS, suggestColumnMapping, type ColumnMapping } from "@/lib/import/suggest-column-mapping";
import { validateImportRows } from "@/lib/import/validate-import-rows";
import { OPTION_FIELDS, type ImportFormState, type RowIssue } from "./state";
import { textsAt } from "@/lib/i18n/texts-at";

const MAX_ERRORS_SHOWN = 200;

const str = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
};

/** "4, 17 23" → [4, 17, 23]; null when anything else is written. */
function rowNumbers(text: string): number[] | null {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  if (!parts.every((p) => /^[1-9]\d{0,6}$/.test(p))) return null;
  return [...new Set(parts.map(Number))];
}

export async function importAction(prev: ImportFormState, form: FormData): Promise<ImportFormState> {
  const { lang, t } = await getActionI18n();
  const errors = textsAt(lang, "staffImport.errors");
  const fields = textsAt(lang, "staffImport.fields");
  const values = Object.fromEntries(OPTION_FIELDS.map((n) => [n, str(form, n)])) as Record<
    (typeof OPTION_FIELDS)[number],
    string
  >;
  const base: ImportFormState = { ...prev, step: "upload", message: "", fieldErrors: {}, values };
  const access = await checkStaff("contacts.import");
  if (!access.ok) return { ...base, message: t("staffImport.forbidden") };
  const intent = str(form, "intent") === "import" ? "import" : "preview";

  // The file: a new upload wins over the text kept from the last preview.
  let csv = str(form, "csv");
  const file = form.get("file");
  if (file instanceof File && file.size > 0) {
    if (file.size > IMPORT_LIMITS.maxBytes) return fileError(base, errors, "file_too_large", t("staffImport.invalid"));
    const bytes = new Uint8Array(await file.arrayBuffer());
    try {
      csv = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      return fileError(base, errors, "file_not_utf8", t("staffImport.invalid"));
    }
  }
  if (csv === "") return fileError(base, errors, "file_required", t("staffImport.invalid"));
  const parsed = parseImportFile({ content: csv });
  if (!parsed.ok) return fileError(base, errors, parsed.error.code, t("staffImport.invalid"));
  const { headers, rows } = parsed.data;

  // The mapping: the staff member's choice when the headers are the same as last time, else the suggestion.
  const sameHeaders = prev.headers.length === headers.length && prev.headers.every((h, i) => h === headers[i]);
  let mapping: ColumnMapping;
  if (sameHeaders && form.has("col_0")) {
    mapping = {};
    headers.forEach((_, i) => {
      const field = str(form, `col_${i}`);
      if ((IMPORT_FIELDS as readonly string[]).includes(field) && mapping[field as keyof ColumnMapping] === undefined)
        mapping[field as keyof ColumnMapping] = i;
    });
  } else mapping = suggestColumnMapping({ headers });
  const mappingByColumn: Record<string, string> = {};
  for (const [field, i] of Object.entries(mapping)) mappingByColumn[String(i)] = field;

  // The override names rows one by one; a reason alone (or rows alone) is refused by the options schema.
  const overrideRows = rowNumbers(values.overrideRows);
  if (overrideRows === null)
    return {
      ...base,
      message: t("staffImport.invalid"),
      fieldErrors: { overrideRows: errors.override_rows_invalid ?? "" },
    };
  const options: ImportOptionsInput = {
    category: values.category as ImportOptionsInput["category"],
    sourceType: values.sourceType as ImportOptionsInput["sourceType"],
    sourceDetail: values.sourceDetail,
    sourceDate: values.sourceDate || undefined,
    duplicates: values.duplicates as ImportOptionsInput["duplicates"],
    suppressionOverride:
      values.overrideReason.trim() || overrideRows.length > 0
        ? { reason: values.overrideReason, rows: overrideRows }
        : undefined,
  };
  const withFile = {
    ...base,
    csv,
    headers,
    columnLabels: headers.map((h) => t("staffImport.column", { header: h })),
    mapping: mappingByColumn,
  };
  // The progress bar: known from here on, since checking the rows again against the register takes a while too.
  const progressId = str(form, "progressId");
  const owner = intent === "import" ? await currentSessionOwner() : null;
  const tracked = isProgressId(progressId) && owner !== null;
  if (tracked) {
    startImportProgress(progressId, owner);
    reportImportProgress(progressId, { phase: "checking", done: 0, total: rows.length });
  }
  try {
    const db = await getDb();
    const suppressionKey = getConfig().suppressionKey;
    const preview = await validateImportRows({ db, rows, mapping, options, suppressionKey, staff: access.staff });
    if (!preview.ok) {
      const fieldErrors: Record<string, string> = {};
      for (const [k, code] of Object.entries(preview.fieldErrors)) {
        const key = k.replace(/^options\./, "");
        const field =
          key === "suppressionOverride.reason"
            ? "overrideReason"
            : key === "suppressionOverride.rows"
              ? "overrideRows"
              : (key.split(".")[0] ?? "form");
        fieldErrors[field] = errors[code] ?? errors.invalid ?? code;
      }
      if (preview.formError) fieldErrors.col_0 = errors[preview.formError] ?? preview.formError;
      return { ...withFile, step: "preview", message: t("staffImport.invalid"), fieldErrors, counts: undefined };
    }
    // A suppressed row says why (erased, bounced, …), so staff can decide whether to name it in the override.
    const reasonOf = (e: RowError, suppression?: { matches: { reason: SuppressionReason }[] }) =>
      e.code === "suppressed" && suppression
        ? t("staffImport.suppressedBecause", {
            reasons: suppression.matches.map((s) => t(`enums.suppressionReason.inSentence.${s.reason}`)).join(", "),
          })
        : (errors[e.code] ?? e.code);
    const issues = (
      list: { rowNumber: number; errors: RowError[]; suppression?: { matches: { reason: SuppressionReason }[] } }[],
    ) =>
      list.flatMap((r) =>
        r.errors.map((e): RowIssue => ({
          row: r.rowNumber,
          field: fields[e.field] ?? e.field,
          reason: reasonOf(e, r.suppression),
        })),
      );
    if (intent === "preview") {
      const bad = preview.data.rows.filter((r) => r.errors.length > 0);
      return {
        ...withFile,
        step: "preview",
        counts: preview.data.counts,
        summary: t("staffImport.counts", preview.data.counts),
        errorRows: issues(bad.slice(0, MAX_ERRORS_SHOWN)),
        errorTotal: bad.length,
      };
    }
    const summary = await importContacts({
      db,
      rows: preview.data.rows,
      options,
      staff: access.staff,
      suppressionKey,
      onProgress: async (p) => {
        if (!tracked) return;
        reportImportProgress(progressId, p);
        // On the embedded database every statement runs inside this process without waiting for I/O, so the server
        // would answer the progress poll only after the whole import; give it 10 ms between steps (a few dozen steps).
        await new Promise((resolve) => setTimeout(resolve, 10));
      },
    });
    return {
      ...withFile,
      step: "result",
      csv: "",
      result: {
        created: summary.created,
        updated: summary.updated,
        skipped: summary.skipped,
        refused: summary.refused,
      },
      summary: t("staffImport.result", {
        created: summary.created,
        updated: summary.updated,
        skipped: summary.skipped,
        refused: summary.refused,
      }),
      notImported: issues(summary.notImported),
    };
  } catch {
    return { ...withFile, step: csv ? "preview" : "upload", message: t("staffImport.failed") };
  } finally {
    if (tracked) finishImportProgress(progressId);
  }
}

function fileError(
  base: ImportFormState,
  errors: Record<string, string>,
  code: string,
  message: string,
): ImportFormState {
  return {
    ...base,
    csv: "",
    headers: [],
    columnLabels: [],
    mapping: {},
    message,
    fieldErrors: { file: errors[code] ?? errors.invalid ?? code },
  };
}
