import type { Metadata } from "next";
import Link from "@/app/_components/link";
import { getI18n } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t("staff.forbidden.title") };
}

export default async function ForbiddenPage() {
  const { t } = await getI18n();
  return (
    <article className="prose" aria-labelledby="forbidden-heading">
      <h1 id="forbidden-heading">{t("staff.forbidden.heading")}</h1>
      <p className="lead">{t("staff.forbidden.text")}</p>
      <p>
        <Link href="/staff">{t("staff.forbidden.home")}</Link>
      </p>
    </article>
  );
}
