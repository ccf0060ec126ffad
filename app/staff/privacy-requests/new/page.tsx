import type { Metadata } from "next";
import Link from "next/link";
import { requireStaff } from "@/lib/auth/current-staff";
import { getI18n } from "@/lib/i18n/server";
import { RecordRequestForm } from "./record-form";

export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;

export async function generateMetadata({ searchParams }: { searchParams: Promise<SearchParams> }): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t.accountability.requests.form.title };
}

export default async function NewPrivacyRequestPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireStaff("privacyRequests.write", { returnTo: "/staff/privacy-requests/new" });
  const { lang, t: all } = await getI18n(searchParams);
  const t = all.accountability.requests;
  const staffChannels = ["EMAIL", "PHONE", "LETTER"] as const;
  return (
    <article aria-labelledby="pr-new-heading">
      <h1 id="pr-new-heading">{t.form.heading}</h1>
      <p className="lead">{t.form.lead}</p>
      <RecordRequestForm
        lang={lang}
        today={new Date().toISOString().slice(0, 10)}
        texts={{ ...t.form, open: t.detail.title }}
        types={Object.entries(t.types).map(([value, label]) => ({ value, label }))}
        channels={staffChannels.map((c) => ({ value: c, label: t.channels[c] }))}
      />
      <p>
        <Link href="/staff/privacy-requests">{t.form.back}</Link>
      </p>
    </article>
  );
}
