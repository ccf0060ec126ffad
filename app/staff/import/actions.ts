"use server";
// The CSV import's one server action: "preview" reads the uploaded file (or the CSV text kept from the previous
// preview), suggests or applies the column mapping and validates every row; "import" re-parses and re-validates the
// same text and imports the rows that pass in one transaction (lib/import). Both hand back the rejected rows as a CSV
// file's text, built from the posted text and never stored. Access is checked here and again by the page.
import { checkStaff } from "@/lib/auth/current-staff";
import { getDb } from "@/lib/db/client";
import { getConfig } from "@/lib/env/config";
import { getActionI18n } from "@/lib/i18n/server";
import { logger } from "@/lib/log/logger";
import { importContacts } from "@/lib/import/import-contacts";
import { trackImportProgress } from "@/lib/import/track-import-progress";
import { parseImportFile } from "@/lib/import/parse-import-file";
import {
  columnMappingFromForm,
  formFieldOfOptionError,
  importOptionsFromForm,
  mappingByColumn,
  readUploadedCsv,
} from "@/lib/import/read-import-form";
import { validateImportRows } from "@/lib/import/validate-import-rows";
import { summariseImportPreview } from "@/lib/import/summarise-import-preview";
import { buildRejectedRowsCsv, isRejected } from "@/lib/import/build-rejected-rows-csv";
import { OPTION_FIELDS, type ImportFormState } from "./state";
import { previewView, rowIssues } from "./preview-view";
import { textsAt } from "@/lib/i18n/texts-at";

/** The first rows of each kind the preview shows; the download holds every rejected row. */
const ROWS_SHOWN = 20;

const str = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
};

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

  const upload = await readUploadedCsv(form.get("file"), str(form, "csv"));
  if (!upload.ok) return fileError(base, errors, upload.code, t("staffImport.invalid"));
  const csv = upload.csv;
  const parsed = parseImportFile({ content: csv });
  if (!parsed.ok) return fileError(base, errors, parsed.error.code, t("staffImport.invalid"));
  const { headers, rows } = parsed.data;
  const mapping = columnMappingFromForm({
    headers,
    previousHeaders: prev.headers,
    chosen: (i) => (form.has(`col_${i}`) ? str(form, `col_${i}`) : undefined),
  });
  const read = importOptionsFromForm(values);
  if (!read.ok)
    return {
      ...base,
      message: t("staffImport.invalid"),
      fieldErrors: { overrideRows: errors[read.fieldErrors.overrideRows] ?? "" },
    };
  const options = read.options;
  const withFile = {
    ...base,
    csv,
    headers,
    columnLabels: headers.map((h) => t("staffImport.column", { header: h })),
    mapping: mappingByColumn(mapping),
  };
  // The progress bar: known from here on, since checking the rows again against the register takes a while too.
  const tracker =
    intent === "import" ? await trackImportProgress({ id: form.get("progressId"), staff: access.staff }) : null;
  let outcome: "finished" | "failed" = "failed";
  // Operators see an import begin and end (row counts and the staff user's id, never a row's content); an import
  // with no end line was cut short, and its one transaction was rolled back with it.
  const log = logger().child({ component: "import", staffUserId: access.staff.id, rows: rows.length });
  if (intent === "import") log.info("import started");
  await tracker?.report({ phase: "checking", done: 0, total: rows.length });
  try {
    const db = await getDb();
    const suppressionKey = getConfig().suppressionKey;
    const preview = await validateImportRows({ db, rows, mapping, options, suppressionKey, staff: access.staff });
    if (!preview.ok) {
      const fieldErrors: Record<string, string> = {};
      for (const [k, code] of Object.entries(preview.fieldErrors))
        fieldErrors[formFieldOfOptionError(k)] = errors[code] ?? errors.invalid ?? code;
      if (preview.formError) fieldErrors.col_0 = errors[preview.formError] ?? preview.formError;
      return { ...withFile, step: "preview", message: t("staffImport.invalid"), fieldErrors, counts: undefined };
    }
    const rejectedCsv = (list: Parameters<typeof buildRejectedRowsCsv>[0]["rejected"]) =>
      list.some(isRejected) ? buildRejectedRowsCsv({ headers, rows, rejected: list, lang }) : undefined;
    if (intent === "preview") {
      const summary = await summariseImportPreview({ db, preview: preview.data, sample: ROWS_SHOWN });
      const view = previewView(t, { errors, fields }, summary);
      return {
        ...withFile,
        step: "preview",
        counts: preview.data.counts,
        summary: view.counts,
        tables: view.tables,
        rejected: view.rejected,
        errorRows: view.errorRows,
        rejectedCsv: rejectedCsv(preview.data.rows.filter((r) => r.status === "invalid")),
      };
    }
    const summary = await importContacts({
      db,
      rows: preview.data.rows,
      options,
      staff: access.staff,
      suppressionKey,
      onProgress: tracker?.report,
    });
    outcome = "finished";
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
      notImported: rowIssues(t, { errors, fields }, summary.notImported),
      rejectedCsv: rejectedCsv(summary.notImported),
    };
  } catch (e) {
    if (intent === "import") log.error({ err: e }, "import failed; its transaction was rolled back");
    return { ...withFile, step: csv ? "preview" : "upload", message: t("staffImport.failed") };
  } finally {
    await tracker?.finish(outcome);
    if (intent === "import") log.info({ outcome }, "import ended");
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
