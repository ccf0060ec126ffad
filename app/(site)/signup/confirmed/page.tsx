import type { Metadata } from "next";
import { getI18n } from "@/lib/i18n/server";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t("publicPages.signup.confirm.doneHeading") };
}

// Where a confirmed sign-up lands. Says nothing about the address: the page is the same for everyone.
export default async function SignupConfirmedPage({ searchParams }: Props) {
  const { t } = await getI18n(searchParams);
  return (
    <article className="prose">
      <h1>{t("publicPages.signup.confirm.doneHeading")}</h1>
      <p role="status">{t("publicPages.signup.confirm.done")}</p>
    </article>
  );
}
