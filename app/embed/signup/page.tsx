import type { Metadata } from "next";
import { getI18n } from "@/lib/i18n/server";
import { SignupSection } from "@/app/_components/signup/signup-section";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export const dynamic = "force-dynamic";

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t("publicPages.signup.embedTitle") };
}

// The sign-up form without the site's header and footer, for an iframe on the company's own site. The only page
// other origins may frame: proxy.ts gives it frame-ancestors from SIGNUP_FRAME_ANCESTORS (none unless configured).
export default async function EmbeddedSignupPage({ searchParams }: Props) {
  const { lang, t } = await getI18n(searchParams);
  return (
    <main id="main" className="prose">
      <h1>{t("publicPages.signup.heading")}</h1>
      <p>{t("publicPages.signup.lead")}</p>
      <SignupSection lang={lang} />
    </main>
  );
}
