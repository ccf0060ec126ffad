// The preview's summary (lib/import/summarise-import-preview.ts) as texts in the staff member's language: the counts
// sentence, one table per kind of row with where each new contact's category and language come from, and the
// rejected rows' issues. Pure: the action calls it with its translator.
import type { Translator } from "@/lib/i18n/translator";
import type { ImportPreviewSummary } from "@/lib/import/summarise-import-preview";
import type { ValueFrom } from "@/lib/import/resolve-import-defaults";
import { rejectionReason, suppressedBecause, type RejectedRow } from "@/lib/import/build-rejected-rows-csv";
import type { PreviewTable, RowIssue } from "./state";

/** staffImport.errors and staffImport.fields, by code (textsAt). */
type Texts = { errors: Record<string, string>; fields: Record<string, string> };

/** A row's issues, one per error; a suppressed row says why (erased, bounced, …) so staff can decide on the override. */
export function rowIssues(t: Translator, texts: Texts, list: RejectedRow[]): RowIssue[] {
  return list.flatMap((r) =>
    r.errors.map((e): RowIssue => ({
      row: r.rowNumber,
      field: texts.fields[e.field] ?? e.field,
      reason: rejectionReason(t, texts.errors, r, e),
    })),
  );
}

export function previewView(t: Translator, texts: Texts, s: ImportPreviewSummary) {
  const from = (value: string, source: ValueFrom) =>
    t(source === "file" ? "staffImport.fromFile" : "staffImport.fromDefault", { value });
  const col = (
    k: "row" | "email" | "name" | "category" | "language" | "changes" | "reason" | "outcome" | "deletedOn",
  ) => t(`staffImport.columns.${k}`);
  const shown = (list: unknown[], total: number) =>
    total > list.length ? t("staffImport.shown", { shown: list.length, total }) : undefined;
  const heading = (kind: keyof typeof s.counts | "blocked", count: number) =>
    t(`staffImport.sections.${kind === "blocked" ? "suppressed" : (kind as "create")}`, { count });
  const blocked = s.counts.suppressed + s.counts.overridden;

  const tables: PreviewTable[] = [
    {
      id: "preview-create",
      heading: heading("create", s.counts.create),
      shown: shown(s.create, s.counts.create),
      heads: [col("row"), col("email"), col("name"), col("category"), col("language")],
      rows: s.create.map((r) => ({
        row: r.rowNumber,
        cells: [
          r.email,
          r.name,
          from(t(`enums.contactCategory.label.${r.category.value}`), r.category.from),
          from(t(`register.languages.${r.language.value}`), r.language.from),
        ],
      })),
    },
    {
      id: "preview-update",
      heading: heading("update", s.counts.update),
      shown: shown(s.update, s.counts.update),
      heads: [col("row"), col("email"), col("changes")],
      rows: s.update.map((r) => ({
        row: r.rowNumber,
        cells: [
          r.email,
          r.changes.length ? r.changes.map((f) => t(`staffImport.fields.${f}`)).join(", ") : t("staffImport.noChanges"),
        ],
      })),
    },
    {
      id: "preview-skip",
      heading: heading("skip", s.counts.skip),
      shown: shown(s.skip, s.counts.skip),
      heads: [col("row"), col("email")],
      rows: s.skip.map((r) => ({ row: r.rowNumber, cells: [r.email] })),
    },
    {
      id: "preview-suppressed",
      heading: heading("blocked", blocked),
      shown: shown(s.suppressed, blocked),
      heads: [col("row"), col("email"), col("reason"), col("outcome")],
      rows: s.suppressed.map((r) => ({
        row: r.rowNumber,
        cells: [
          r.email,
          suppressedBecause(t, r.suppression),
          t(r.overridden ? "staffImport.suppressedOverridden" : "staffImport.suppressedRefused"),
        ],
      })),
    },
    {
      id: "preview-reregistered",
      heading: t("staffImport.sections.reregistered", { count: s.reregistered.total }),
      shown: shown(s.reregistered.rows, s.reregistered.total),
      heads: [col("row"), col("email"), col("deletedOn")],
      rows: s.reregistered.rows.map((r) => ({ row: r.rowNumber, cells: [r.email, r.deletedOn] })),
    },
  ];
  return {
    counts: t("staffImport.counts", s.counts),
    tables: tables.filter((x) => x.rows.length > 0),
    rejected: { heading: heading("rejected", s.counts.rejected), shown: shown(s.rejected, s.counts.rejected) },
    errorRows: rowIssues(t, texts, s.rejected),
  };
}
