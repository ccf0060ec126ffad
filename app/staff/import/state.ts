// What the import action hands back to its form: the step, the CSV text kept for the next post, the mapping per
// column, the preview's counts and per-row issues, and the result.
export type RowIssue = { row: number; field: string; reason: string };

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
  errorRows?: RowIssue[];
  errorTotal?: number;
  result?: { created: number; updated: number; skipped: number; refused: number };
  notImported?: RowIssue[];
};

export const OPTION_FIELDS = [
  "category",
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
  values: { category: "PROSPECT", sourceType: "IMPORTED", duplicates: "skip" },
  csv: "",
  headers: [],
  columnLabels: [],
  mapping: {},
});
