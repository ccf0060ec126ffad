import type { Metadata } from "next";
import Link from "@/app/_components/link";
import { getI18n } from "@/lib/i18n/server";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t("staff.checkMail.title") };
}

export default async function CheckMailPage({ searchParams }: Props) {
  const { t } = await getI18n(searchParams);
  return (
    <article className="prose" aria-labelledby="check-mail-heading">
      <h1 id="check-mail-heading">{t("staff.checkMail.heading")}</h1>
      <p className="lead">{t("staff.checkMail.text")}</p>
      <p>
        <Link href="/staff/sign-in">{t("staff.checkMail.back")}</Link>
      </p>
    </article>
  );
}
