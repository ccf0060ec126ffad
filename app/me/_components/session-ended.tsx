// Shown on every /me page and action when there is no valid recipient session (expired, signed out, revoked by an
// email change or erasure): what happened and the way to a fresh link.
import Link from "next/link";
import type { Language } from "@/lib/i18n/languages";
import { getMessages } from "@/lib/i18n/messages";

export function SessionEnded({ lang }: { lang: Language }) {
  const t = getMessages(lang).myData.sessionEnded;
  return (
    <article lang={lang} className="prose" aria-labelledby="session-ended-heading">
      <h1 id="session-ended-heading">{t.heading}</h1>
      <p className="lead">{t.text}</p>
      <p>
        <Link href={`/preferences?lang=${lang}`} className="button">
          {t.link}
        </Link>
      </p>
      <p>
        <Link href={`/?lang=${lang}`}>{t.home}</Link>
      </p>
    </article>
  );
}
