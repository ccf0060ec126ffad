import type { Metadata } from "next";
import Link from "@/app/_components/link";
import { requireStaff } from "@/lib/auth/current-staff";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { getI18n } from "@/lib/i18n/server";
import { textsAt } from "@/lib/i18n/texts-at";
import { RecordRequestForm } from "./record-form";
import { today } from "@/app/staff/_components/format";

export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;

export async function generateMetadata({ searchParams }: { searchParams: Promise<SearchParams> }): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t("accountability.requests.form.title") };
}

export default async function NewPrivacyRequestPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireStaff("privacyRequests.write", { returnTo: "/staff/privacy-requests/new" });
  const { lang, t } = await getI18n(searchParams);
  const staffChannels = ["EMAIL", "PHONE", "LETTER"] as const;
  return (
    <article aria-labelledby="pr-new-heading">
      <h1 id="pr-new-heading">{t("accountability.requests.form.heading")}</h1>
      <p className="lead">{t("accountability.requests.form.lead")}</p>
      <ClientMessages lang={lang} paths={["accountability.requests.form", "accountability.requests.detail.title"]}>
        <RecordRequestForm
          lang={lang}
          today={today()}
          types={Object.entries(textsAt(lang, "enums.requestType")).map(([value, label]) => ({ value, label }))}
          channels={staffChannels.map((c) => ({ value: c, label: t(`enums.requestChannel.${c}`) }))}
        />
      </ClientMessages>
      <p>
        <Link href="/staff/privacy-requests">{t("accountability.requests.form.back")}</Link>
      </p>
    </article>
  );
}
