// The one rule for a batch's defaults: the file's own cell wins; the default chosen for the whole file fills only an
// empty cell (or a column the file does not have). The preview shows where each value came from, and the import
// writes exactly what the preview showed, so both call this. Only new contacts take defaults: an update changes only
// what the file's cells give (import-changes.ts).
import type { ContactCategory, Language } from "@/lib/generated/prisma/enums";
import type { ImportOptions } from "./import-options";
import type { ImportRecord } from "./read-import-row";

export type ValueFrom = "file" | "default";
export type FromFileOrDefault<T> = { value: T; from: ValueFrom };

export type ResolvedImportValues = {
  category: FromFileOrDefault<ContactCategory>;
  language: FromFileOrDefault<Language>;
};

export function resolveImportDefaults(
  record: Pick<ImportRecord, "category" | "language">,
  options: Pick<ImportOptions, "category" | "defaultLanguage">,
): ResolvedImportValues {
  return {
    category: pick(record.category, options.category),
    language: pick(record.language, options.defaultLanguage),
  };
}

const pick = <T>(fromFile: T | null, fallback: T): FromFileOrDefault<T> =>
  fromFile !== null ? { value: fromFile, from: "file" } : { value: fallback, from: "default" };
