import type { Metadata } from "next";
import Link from "@/app/_components/link";
import { getDb } from "@/lib/db/client";
import { getI18n } from "@/lib/i18n/server";
import { loadPendingSignup } from "@/lib/signups/load-pending-signup";
import { confirmSignupAction } from "./actions";

type Props = {
  params: Promise<{ token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const dynamic = "force-dynamic";

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t("publicPages.signup.confirm.title") };
}

// The confirmation link's page. GET only shows what the person is about to confirm and a button: a corporate link
// scanner opening the link confirms nothing. The button's POST confirms (lib/signups/confirm-signup.ts).
export default async function ConfirmSignupPage({ params, searchParams }: Props) {
  const { token } = await params;
  const { lang, t } = await getI18n(searchParams);
  const pending = await loadPendingSignup({ db: await getDb(), token });
  if (!pending.ok) {
    return (
      <article className="prose">
        <h1>{t("publicPages.signup.confirm.invalidHeading")}</h1>
        <p>{t("publicPages.signup.confirm.invalid")}</p>
        <p>
          <Link href={`/signup?lang=${lang}`}>{t("publicPages.signup.confirm.again")}</Link>
        </p>
      </article>
    );
  }
  return (
    <article className="prose">
      <h1>{t("publicPages.signup.confirm.heading")}</h1>
      <p>{t("publicPages.signup.confirm.text", { topics: pending.topics.map((x) => x[lang]).join(", ") })}</p>
      <form action={confirmSignupAction}>
        <input type="hidden" name="token" value={token} />
        <button type="submit" className="button">
          {t("publicPages.signup.confirm.button")}
        </button>
      </form>
    </article>
  );
}
