import type { Metadata } from "next";
import Link from "next/link";
import { getI18n } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t("notFound.title"), robots: { index: false } };
}

export default async function NotFound() {
  const { t } = await getI18n();
  return (
    <article className="prose">
      <h1>{t("notFound.heading")}</h1>
      <p>{t("notFound.text")}</p>
      <p>
        <Link href="/">{t("notFound.back")}</Link>
      </p>
    </article>
  );
}
