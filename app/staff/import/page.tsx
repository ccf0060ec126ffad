import type { Metadata } from "next";
import { getPolicy } from "@/lib/policy/current-policy";
import { categoryOptions } from "@/lib/policy/policy-labels";
import { requireStaff } from "@/lib/auth/current-staff";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { getI18n } from "@/lib/i18n/server";
import { IMPORT_FIELDS } from "@/lib/import/suggest-column-mapping";

import { ImportForm } from "./import-form";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
export const dynamic = "force-dynamic";

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t("staffImport.title") };
}

export default async function ImportPage({ searchParams }: Props) {
  await requireStaff("contacts.import", { returnTo: "/staff/import" });
  const { lang, t } = await getI18n(searchParams);
  return (
    <article aria-labelledby="import-heading">
      <h1 id="import-heading">{t("staffImport.title")}</h1>
      <p>{t("staffImport.lead")}</p>
      <ClientMessages lang={lang} paths={["staffImport"]}>
        <ImportForm
          categories={categoryOptions(getPolicy(), lang)}
          languages={(["sv", "en"] as const).map((k) => ({ value: k, label: t(`register.languages.${k}`) }))}
          sourceTypes={(["IMPORTED", "MET_AT_EVENT"] as const).map((k) => ({
            value: k,
            label: t(`enums.sourceType.label.${k}`),
          }))}
          fields={IMPORT_FIELDS.map((f) => ({ value: f, label: t(`staffImport.fields.${f}`) }))}
        />
      </ClientMessages>
    </article>
  );
}
