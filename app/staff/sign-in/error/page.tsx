import type { Metadata } from "next";
import Link from "@/app/_components/link";
import { getI18n } from "@/lib/i18n/server";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t("staff.error.title") };
}

export default async function SignInErrorPage({ searchParams }: Props) {
  const { error } = await searchParams;
  const { t } = await getI18n(searchParams);
  const text =
    error === "AccessDenied"
      ? t("staff.error.accessDenied")
      : error === "Verification"
        ? t("staff.error.verification")
        : t("staff.error.other");
  return (
    <article className="prose" aria-labelledby="sign-in-error-heading">
      <h1 id="sign-in-error-heading">{t("staff.error.heading")}</h1>
      <p className="lead">{text}</p>
      <p>
        <Link href="/staff/sign-in">{t("staff.error.back")}</Link>
      </p>
    </article>
  );
}
