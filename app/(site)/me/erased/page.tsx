// After erasure: a confirmation that holds no personal data (the person no longer exists in the register).
import type { Metadata } from "next";
import Link from "@/app/_components/link";
import { getI18n } from "@/lib/i18n/server";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t("myData.erase.doneTitle"), robots: { index: false, follow: false } };
}

export default async function ErasedPage({ searchParams }: Props) {
  const { lang, t } = await getI18n(searchParams);
  return (
    <article lang={lang} className="prose" aria-labelledby="erased-heading">
      <h1 id="erased-heading">{t("myData.erase.doneHeading")}</h1>
      <p role="status" className="lead">
        {t("myData.erase.doneText")}
      </p>
      <p>
        <Link href={`/?lang=${lang}`}>{t("myData.erase.doneHome")}</Link>
      </p>
    </article>
  );
}
