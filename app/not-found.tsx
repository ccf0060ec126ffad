import type { Metadata } from "next";
import Link from "@/app/_components/link";
import { SiteFrame } from "@/app/_components/site-frame";
import { getI18n } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t("notFound.title"), robots: { index: false } };
}

// An unknown address matches no section, so it renders in the root layout alone: it brings the public frame itself.
export default async function NotFound() {
  const { t } = await getI18n();
  return (
    <SiteFrame>
      <article className="prose">
        <h1>{t("notFound.heading")}</h1>
        <p>{t("notFound.text")}</p>
        <p>
          <Link href="/">{t("notFound.back")}</Link>
        </p>
      </article>
    </SiteFrame>
  );
}
