// /staff/incidents/new: record a personal data incident (incidents.manage). Discovery defaults to now, Stockholm time.
import type { Metadata } from "next";
import Link from "@/app/_components/link";
import { requireStaff } from "@/lib/auth/current-staff";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { getI18n } from "@/lib/i18n/server";
import { toStockholmLocalTime } from "@/lib/time/stockholm-day";
import { incidentOptions } from "../_components/incident-options";
import { RecordIncidentForm } from "./record-form";

export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;

export async function generateMetadata({ searchParams }: { searchParams: Promise<SearchParams> }): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t("accountability.incidents.form.title") };
}

export default async function NewIncidentPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireStaff("incidents.manage", { returnTo: "/staff/incidents/new" });
  const { lang, t } = await getI18n(searchParams);
  return (
    <article aria-labelledby="inc-new-heading">
      <h1 id="inc-new-heading">{t("accountability.incidents.form.heading")}</h1>
      <p className="lead">{t("accountability.incidents.form.lead")}</p>
      <ClientMessages lang={lang} paths={["accountability.incidents.form"]}>
        <RecordIncidentForm lang={lang} now={toStockholmLocalTime(new Date())} options={incidentOptions(lang)} />
      </ClientMessages>
      <p>
        <Link href="/staff/incidents">{t("accountability.incidents.form.back")}</Link>
      </p>
    </article>
  );
}
