// The confirmation link of a new email address, opened from the new mailbox. GET only shows a button (link scanners
// open links); the change happens on the press.
import type { Metadata } from "next";
import Link from "@/app/_components/link";
import { getTranslations } from "next-intl/server";
import { LinkProblem } from "@/app/_components/link-problem";
import { maskAddress } from "@/lib/contacts/mask-address";
import { getDb } from "@/lib/db/client";
import { getConfig } from "@/lib/env/config";
import { isLanguage } from "@/lib/i18n/languages";
import { getI18n } from "@/lib/i18n/server";
import { loadEmailChangeLinkPage } from "@/lib/recipients/load-link-page";
import type { LinkProblem as Problem } from "@/lib/recipients/resolve-link";
import { confirmNewAddress } from "./actions";

type Props = {
  params: Promise<{ token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const dynamic = "force-dynamic";

const LINK_PROBLEMS: readonly Problem[] = ["invalid", "expired", "revoked", "unknown_contact", "spent"];

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t("myData.emailConfirm.title"), robots: { index: false, follow: false } };
}

export default async function EmailConfirmPage({ params, searchParams }: Props) {
  const [{ token }, query] = await Promise.all([params, searchParams]);
  // One language for the whole page, the layout's too: ?lang=, cookie, the contact's own, the browser's, Swedish.
  const { lang } = await getI18n(searchParams);
  const link = await loadEmailChangeLinkPage({ db: await getDb(), token, keys: getConfig().linkKeys });
  const result = typeof query.result === "string" ? query.result : "";
  const reportedProblem = LINK_PROBLEMS.find((p) => p === result);

  if (!link.ok || reportedProblem || (!link.newEmail && result !== "taken" && result !== "suppressed")) {
    const problem: Problem = !link.ok ? link.problem : (reportedProblem ?? "spent");
    return (
      <div lang={lang}>
        <LinkProblem problem={problem} contactId={link.contactId} linkScope="emailChange" lang={lang} />
      </div>
    );
  }
  const t = await getTranslations({ locale: lang });
  if (result === "taken" || result === "suppressed") {
    return (
      <article lang={lang} className="prose" aria-labelledby="email-confirm-heading">
        <h1 id="email-confirm-heading">{t("myData.emailConfirm.takenHeading")}</h1>
        <p role="status" className="lead">
          {result === "taken" ? t("myData.emailConfirm.taken") : t("myData.emailConfirm.suppressed")}
        </p>
        <p>
          <Link href={`/?lang=${lang}`}>{t("myData.emailConfirm.back")}</Link>
        </p>
      </article>
    );
  }
  return (
    <article lang={lang} className="prose" aria-labelledby="email-confirm-heading">
      <h1 id="email-confirm-heading">{t("myData.emailConfirm.heading")}</h1>
      <p className="lead">{t("myData.emailConfirm.text", { masked: maskAddress(link.newEmail!) })}</p>
      <form action={confirmNewAddress}>
        <input type="hidden" name="token" value={token} />
        {isLanguage(query.lang) ? <input type="hidden" name="lang" value={lang} /> : null}
        <button type="submit" className="button">
          {t("myData.emailConfirm.button")}
        </button>
      </form>
    </article>
  );
}
