// The footer link's page: GET only renders. What a forwarded link may show is limited on purpose (masked address, why
// mail comes, mailing choices); everything else needs the step-up link sent to the address on record.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LinkProblem } from "@/app/_components/link-problem";
import { getDb } from "@/lib/db/client";
import type { Language } from "@/lib/i18n/languages";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { getI18n } from "@/lib/i18n/server";
import { loadPreferenceView, type PreferenceView } from "@/lib/recipients/load-preference-view";
import { resolvePageLink } from "@/lib/recipients/stored-language-for-page";
import { formatPauseEnd } from "@/lib/recipients/format-pause-end";
import { PAUSE_MONTHS } from "@/lib/subscriptions/pause-length";
import { PreferenceForms, type TopicItem } from "./preference-forms";
import styles from "./preferences.module.css";

type Props = {
  params: Promise<{ token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const dynamic = "force-dynamic";

const PREFERENCE_FORM_MESSAGES = [
  "linkPages.prefs.topicsHeading",
  "linkPages.prefs.topicsIntro",
  "linkPages.prefs.optedOutNote",
  "linkPages.prefs.pauseHeading",
  "linkPages.prefs.pauseIntro",
  "linkPages.prefs.pauseFor",
  "linkPages.prefs.pausedIntro",
  "linkPages.prefs.endPause",
  "linkPages.prefs.allHeading",
  "linkPages.prefs.allIntro",
  "linkPages.prefs.unsubscribeAll",
  "linkPages.prefs.resubscribeAll",
  "linkPages.prefs.moreHeading",
  "linkPages.prefs.moreIntro",
  "linkPages.prefs.moreButton",
  "linkPages.leaving",
  "enums.leavingReason",
];

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t("linkPages.prefs.title"), robots: { index: false, follow: false } };
}

function formatDate(iso: string, lang: Language): string {
  return new Intl.DateTimeFormat(lang === "sv" ? "sv-SE" : "en-GB", { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(`${iso}T00:00:00Z`),
  );
}

async function WhyYouGetMail({ view, lang }: { view: PreferenceView; lang: Language }) {
  const t = await getTranslations({ locale: lang });
  const active = view.roles.filter((r) => !r.endedOn);
  const ended = view.roles.filter((r) => r.endedOn);
  return (
    <section aria-labelledby="why-heading" className={styles.why}>
      <h2 id="why-heading">{t("linkPages.prefs.whyHeading")}</h2>
      <p>{t("linkPages.prefs.categoryLine", { category: t(`enums.contactCategory.inSentence.${view.category}`) })}</p>
      {view.roles.length === 0 ? <p>{t("linkPages.prefs.noRoles")}</p> : null}
      {active.length > 0 ? (
        <ul>
          {active.map((r, i) => (
            <li key={i}>
              {t("linkPages.prefs.roleLine", { role: t(`enums.roleType.inSentence.${r.type}`), org: r.organisation })}
            </li>
          ))}
        </ul>
      ) : null}
      {ended.map((r, i) => (
        <p key={i} className="muted">
          {t("linkPages.prefs.endedRoleLine", {
            role: t(`enums.roleType.inSentence.${r.type}`),
            org: r.organisation,
            date: formatDate(r.endedOn!, lang),
          })}
        </p>
      ))}
    </section>
  );
}

export default async function PreferencePage({ params, searchParams }: Props) {
  const { token } = await params;
  // One language for the whole page, the layout's too: ?lang=, cookie, the contact's own, the browser's, Swedish.
  const { lang } = await getI18n(searchParams);
  // The layout resolved this link already, for the page's language (unless ?lang or the cookie chose): asked once.
  const link = await resolvePageLink(token, "preferences");
  const view = link.ok ? await loadPreferenceView({ db: await getDb(), contactId: link.contactId }) : null;
  if (!link.ok || !view) {
    return (
      <div lang={lang}>
        <LinkProblem
          problem={link.ok ? "unknown_contact" : link.problem}
          contactId={link.ok ? undefined : link.contactId}
          linkScope="preferences"
          lang={lang}
        />
      </div>
    );
  }

  const t = await getTranslations({ locale: lang });
  const topics: TopicItem[] = view.topics.map((topic) => {
    const name = topic.name[lang];
    const subscribed = topic.state === "SUBSCRIBED";
    return {
      id: topic.id,
      name,
      description: topic.description[lang],
      subscribed,
      stateText: subscribed ? t("linkPages.prefs.subscribed") : t("linkPages.prefs.unsubscribed"),
      buttonLabel: subscribed ? t("linkPages.prefs.unsubscribe", { name }) : t("linkPages.prefs.subscribe", { name }),
      note: topic.isMarketing ? undefined : t("linkPages.prefs.serviceNote"),
    };
  });

  return (
    <div lang={lang} className="prose">
      <h1>{t("linkPages.prefs.heading")}</h1>
      <p className="lead">{t("linkPages.prefs.address", { masked: view.maskedEmail })}</p>
      <WhyYouGetMail view={view} lang={lang} />
      <ClientMessages lang={lang} paths={PREFERENCE_FORM_MESSAGES}>
        <PreferenceForms
          token={token}
          topics={topics}
          optedOut={view.marketingOptedOut}
          pause={{
            months: PAUSE_MONTHS,
            // Worded here: the page's language and Stockholm's calendar, not the browser's.
            pausedUntil: view.marketingPausedUntil
              ? t("linkPages.prefs.pausedUntil", { date: formatPauseEnd(view.marketingPausedUntil, lang) })
              : null,
          }}
        />
      </ClientMessages>
    </div>
  );
}
