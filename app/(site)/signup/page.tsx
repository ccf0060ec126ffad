import type { Metadata } from "next";
import { getI18n } from "@/lib/i18n/server";
import { SignupSection } from "@/app/_components/signup/signup-section";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export const dynamic = "force-dynamic";

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t("publicPages.signup.title") };
}

// The public sign-up form (double opt-in): nothing is registered until the person confirms from their mailbox.
export default async function SignupPage({ searchParams }: Props) {
  const { lang, t } = await getI18n(searchParams);
  return (
    <article className="prose">
      <h1>{t("publicPages.signup.heading")}</h1>
      <p className="lead">{t("publicPages.signup.lead")}</p>
      <SignupSection lang={lang} />
    </article>
  );
}
