// What the import action hands back to its form: the step, the CSV text kept for the next post, the mapping per
// column, the preview's counts, its tables of the first rows of each kind and per-row issues, the rejected rows as a
// CSV file to download, and the result.
export type RowIssue = { row: number; field: string; reason: string };

/** One kind of row in the preview (new, to update, skipped, blocked), its first rows as texts ready to show. */
export type PreviewTable = {
  id: string;
  heading: string;
  /** "Showing the first 20 of 312." when more rows are of this kind than are shown. */
  shown?: string;
  heads: string[];
  rows: { row: number; cells: string[] }[];
};

export type ImportFormState = {
  step: "upload" | "preview" | "result";
  message: string;
  fieldErrors: Record<string, string>;
  values: Record<string, string>;
  csv: string;
  headers: string[];
  /** Localised labels of the mapping selects, one per header. */
  columnLabels: string[];
  /** The preview's counts or the result, as a sentence in the staff member's language. */
  summary?: string;
  /** Column index → field name. */
  mapping: Record<string, string>;
  counts?: { create: number; update: number; skip: number; invalid: number };
  /** The preview's sections, in order; the rejected rows are errorRows. */
  tables?: PreviewTable[];
  rejected?: { heading: string; shown?: string };
  /** The rows to hand back (rejected or blocked), with the file's columns and a reason, as a CSV file's text. */
  rejectedCsv?: string;
  errorRows?: RowIssue[];
  result?: { created: number; updated: number; skipped: number; refused: number };
  notImported?: RowIssue[];
};

export const OPTION_FIELDS = [
  "category",
  "defaultLanguage",
  "sourceType",
  "sourceDetail",
  "sourceDate",
  "duplicates",
  "overrideReason",
  "overrideRows",
] as const;

export const initialImportState = (): ImportFormState => ({
  step: "upload",
  message: "",
  fieldErrors: {},
  values: { category: "PROSPECT", defaultLanguage: "sv", sourceType: "IMPORTED", duplicates: "skip" },
  csv: "",
  headers: [],
  columnLabels: [],
  mapping: {},
});
