import type { Metadata } from "next";
import { requireStaff } from "@/lib/auth/current-staff";
import { getI18n } from "@/lib/i18n/server";
import { IMPORT_FIELDS } from "@/lib/import/suggest-column-mapping";
import { CATEGORIES } from "@/lib/enums";
import { ImportForm } from "./import-form";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
export const dynamic = "force-dynamic";

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t.staffImport.title };
}

export default async function ImportPage({ searchParams }: Props) {
  await requireStaff("contacts.import", { returnTo: "/staff/import" });
  const { t } = await getI18n(searchParams);
  const m = t.staffImport;
  return (
    <article aria-labelledby="import-heading">
      <h1 id="import-heading">{m.title}</h1>
      <p>{m.lead}</p>
      <ImportForm
        categories={CATEGORIES.map((k) => ({ value: k, label: t.register.category[k] }))}
        sourceTypes={(["IMPORTED", "MET_AT_EVENT"] as const).map((k) => ({
          value: k,
          label: t.register.sourceType[k],
        }))}
        fields={IMPORT_FIELDS.map((f) => ({ value: f, label: m.fields[f] ?? f }))}
        texts={{
          file: m.file,
          fileHint: m.fileHint,
          optionsHeading: m.optionsHeading,
          category: m.category,
          sourceType: m.sourceType,
          sourceDetail: m.sourceDetail,
          sourceDetailHint: m.sourceDetailHint,
          sourceDate: m.sourceDate,
          dateHint: m.dateHint,
          duplicates: m.duplicates,
          duplicatesSkip: m.duplicatesSkip,
          duplicatesUpdate: m.duplicatesUpdate,
          overrideReason: m.overrideReason,
          overrideHint: m.overrideHint,
          overrideRows: m.overrideRows,
          overrideRowsHint: m.overrideRowsHint,
          preview: m.preview,
          mappingHeading: m.mappingHeading,
          mappingLead: m.mappingLead,
          ignore: m.ignore,
          previewHeading: m.previewHeading,
          errorsHeading: m.errorsHeading,
          noErrors: m.noErrors,
          columnHeads: m.columns,
          importButton: m.importButton,
          resultHeading: m.resultHeading,
          notImportedHeading: m.notImportedHeading,
          allImported: m.allImported,
          progressNote: m.progressNote,
          progress: m.progress,
          again: m.again,
        }}
      />
    </article>
  );
}
