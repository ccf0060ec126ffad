// The step-up link's page. GET only renders an explanation and a button: link scanners open every link in a mail,
// and the link must survive that. Pressing "continue" (a POST) spends it and opens the 30-minute session.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LinkProblem } from "@/app/_components/link-problem";
import { getDb } from "@/lib/db/client";
import { getConfig } from "@/lib/env/config";
import { isLanguage } from "@/lib/i18n/languages";
import { getI18n } from "@/lib/i18n/server";
import { loadStepUpLinkPage } from "@/lib/recipients/load-link-page";
import { continueStepUp } from "./actions";

type Props = {
  params: Promise<{ token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const dynamic = "force-dynamic";

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t("myData.stepUp.title"), robots: { index: false, follow: false } };
}

export default async function StepUpPage({ params, searchParams }: Props) {
  const [{ token }, query] = await Promise.all([params, searchParams]);
  // One language for the whole page, the layout's too: ?lang=, cookie, the contact's own, the browser's, Swedish.
  const { lang } = await getI18n(searchParams);
  const link = await loadStepUpLinkPage({ db: await getDb(), token, keys: getConfig().linkKeys });
  if (!link.ok) {
    return (
      <div lang={lang}>
        <LinkProblem problem={link.problem} contactId={link.contactId} linkScope="stepUp" lang={lang} />
      </div>
    );
  }
  const t = await getTranslations({ locale: lang });
  return (
    <article lang={lang} className="prose" aria-labelledby="step-up-heading">
      <h1 id="step-up-heading">{t("myData.stepUp.heading")}</h1>
      <p className="lead">{t("myData.stepUp.text")}</p>
      <p>{t("myData.stepUp.note")}</p>
      <form action={continueStepUp}>
        <input type="hidden" name="token" value={token} />
        {isLanguage(query.lang) ? <input type="hidden" name="lang" value={lang} /> : null}
        <button type="submit" className="button">
          {t("myData.stepUp.button")}
        </button>
      </form>
    </article>
  );
}
