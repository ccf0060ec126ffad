// The rejected rows of an import as a CSV file staff can correct and import again: the file's own columns, cell for
// cell as uploaded, and two more, the reason in the staff member's language and the error code. Built in memory from
// the text the form already holds (nothing is written to disk) and handed to the browser, which offers it as a
// download, in the spreadsheet format of lib/csv/spreadsheet-csv.ts (parse-import-file.ts reads semicolons and
// commas both; read-import-row.ts drops the formula guard's apostrophe again on the way back in).
import { spreadsheetCsv } from "@/lib/csv/spreadsheet-csv";
import type { SuppressionReason } from "@/lib/generated/prisma/enums";
import type { Language } from "@/lib/i18n/languages";
import { textsAt } from "@/lib/i18n/texts-at";
import { translatorFor, type Translator } from "@/lib/i18n/translator";
import type { ParsedRow } from "./parse-import-file";
import type { RowError } from "./read-import-row";

export type RejectedRow = {
  rowNumber: number;
  errors: RowError[];
  suppression?: { matches: { reason: SuppressionReason }[]; overridden?: boolean };
};

/** Why a row is refused, in the translator's language; a suppressed row says why its address is (erased, bounced …). */
export function rejectionReason(t: Translator, errorTexts: Record<string, string>, row: RejectedRow, e: RowError) {
  return e.code === "suppressed" && row.suppression
    ? suppressedBecause(t, row.suppression)
    : (errorTexts[e.code] ?? e.code);
}

export const suppressedBecause = (t: Translator, s: { matches: { reason: SuppressionReason }[] }) =>
  t("staffImport.suppressedBecause", {
    reasons: s.matches.map((m) => t(`enums.suppressionReason.inSentence.${m.reason}`)).join(", "),
  });

/** The rows to hand back: refused ones, not rows only skipped because their address is already in the register. */
export const isRejected = (r: Pick<RejectedRow, "errors">) => r.errors.some((e) => e.code !== "duplicate_existing");

export function buildRejectedRowsCsv(opts: {
  headers: string[];
  /** The file's rows as parsed (original cells). */
  rows: ParsedRow[];
  rejected: RejectedRow[];
  lang: Language;
}): string {
  const t = translatorFor(opts.lang);
  const texts = textsAt(opts.lang, "staffImport.errors");
  const cellsByRow = new Map(opts.rows.map((r) => [r.rowNumber, r.cells]));
  const rejected = opts.rejected.filter(isRejected);
  const width = Math.max(opts.headers.length, ...rejected.map((r) => cellsByRow.get(r.rowNumber)?.length ?? 0));
  const pad = (cells: string[]) => [...cells, ...Array<string>(width - cells.length).fill("")];
  const lines = [
    [...pad(opts.headers), t("staffImport.rejectedCsv.reason"), t("staffImport.rejectedCsv.code")],
    ...rejected.map((r) => [
      ...pad(cellsByRow.get(r.rowNumber) ?? []),
      r.errors.map((e) => rejectionReason(t, texts, r, e)).join(" "),
      r.errors.map((e) => e.code).join(", "),
    ]),
  ];
  return spreadsheetCsv(lines);
}
