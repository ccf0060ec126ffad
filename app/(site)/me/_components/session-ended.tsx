// Shown on every /me page and action when there is no valid recipient session (expired, signed out, revoked by an
// email change or erasure): what happened and the way to a fresh link.
import Link from "@/app/_components/link";
import { getTranslations } from "next-intl/server";
import type { Language } from "@/lib/i18n/languages";

export async function SessionEnded({ lang }: { lang: Language }) {
  const t = await getTranslations({ locale: lang });
  return (
    <article lang={lang} className="prose" aria-labelledby="session-ended-heading">
      <h1 id="session-ended-heading">{t("myData.sessionEnded.heading")}</h1>
      <p className="lead">{t("myData.sessionEnded.text")}</p>
      <p>
        <Link href={`/preferences?lang=${lang}`} className="button">
          {t("myData.sessionEnded.link")}
        </Link>
      </p>
      <p>
        <Link href={`/?lang=${lang}`}>{t("myData.sessionEnded.home")}</Link>
      </p>
    </article>
  );
}
