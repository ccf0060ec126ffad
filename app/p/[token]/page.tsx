// The footer link's page: GET only renders. What a forwarded link may show is limited on purpose (masked address, why
// mail comes, mailing choices); everything else needs the step-up link sent to the address on record.
import type { Metadata } from "next";
import { LinkProblem } from "@/app/_components/link-problem";
import { getDb } from "@/lib/db/client";
import { getConfig } from "@/lib/env/config";
import { isLanguage, type Language } from "@/lib/i18n/languages";
import { getMessages } from "@/lib/i18n/messages";
import { getI18n } from "@/lib/i18n/server";
import { loadPreferenceView, type PreferenceView } from "@/lib/recipients/load-preference-view";
import { resolveLink } from "@/lib/recipients/resolve-link";
import { PreferenceForms, type TopicItem } from "./preference-forms";
import styles from "./preferences.module.css";

type Props = {
  params: Promise<{ token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const dynamic = "force-dynamic";

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t.linkPages.prefs.title, robots: { index: false, follow: false } };
}

function formatDate(iso: string, lang: Language): string {
  return new Intl.DateTimeFormat(lang === "sv" ? "sv-SE" : "en-GB", { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(`${iso}T00:00:00Z`),
  );
}

function WhyYouGetMail({ view, lang }: { view: PreferenceView; lang: Language }) {
  const t = getMessages(lang).linkPages.prefs;
  const active = view.roles.filter((r) => !r.endedOn);
  const ended = view.roles.filter((r) => r.endedOn);
  return (
    <section aria-labelledby="why-heading" className={styles.why}>
      <h2 id="why-heading">{t.whyHeading}</h2>
      <p>{t.categoryLine(t.categories[view.category])}</p>
      {view.roles.length === 0 ? <p>{t.noRoles}</p> : null}
      {active.length > 0 ? (
        <ul>
          {active.map((r, i) => (
            <li key={i}>{t.roleLine(t.roleTypes[r.type], r.organisation)}</li>
          ))}
        </ul>
      ) : null}
      {ended.map((r, i) => (
        <p key={i} className="muted">
          {t.endedRoleLine(t.roleTypes[r.type], r.organisation, formatDate(r.endedOn!, lang))}
        </p>
      ))}
    </section>
  );
}

export default async function PreferencePage({ params, searchParams }: Props) {
  const [{ token }, query] = await Promise.all([params, searchParams]);
  const queryLang = isLanguage(query.lang) ? query.lang : undefined;
  const db = await getDb();
  const config = getConfig();
  const link = await resolveLink({ db, token, scopes: ["preferences"], keys: config.linkKeys });
  const view = link.ok ? await loadPreferenceView({ db, contactId: link.contactId }) : null;
  if (!link.ok || !view) {
    const { lang } = await getI18n(searchParams);
    return (
      <div lang={lang}>
        <LinkProblem
          problem={link.ok ? "unknown_contact" : link.problem}
          contactId={link.ok ? undefined : link.contactId}
          lang={lang}
        />
      </div>
    );
  }

  // The person's own language first; ?lang= (the language switcher, which keeps the token) overrides it.
  const lang = queryLang ?? view.language;
  const t = getMessages(lang).linkPages.prefs;
  const topics: TopicItem[] = view.topics.map((topic) => {
    const name = topic.name[lang];
    const subscribed = topic.state === "SUBSCRIBED";
    return {
      id: topic.id,
      name,
      description: topic.description[lang],
      subscribed,
      stateText: subscribed ? t.subscribed : t.unsubscribed,
      buttonLabel: subscribed ? t.unsubscribe(name) : t.subscribe(name),
      note: topic.isMarketing ? undefined : t.serviceNote,
    };
  });

  return (
    <div lang={lang} className="prose">
      <h1>{t.heading}</h1>
      <p className="lead">{t.address(view.maskedEmail)}</p>
      <WhyYouGetMail view={view} lang={lang} />
      <PreferenceForms
        token={token}
        lang={lang}
        topics={topics}
        optedOut={view.marketingOptedOut}
        texts={{
          topicsHeading: t.topicsHeading,
          topicsIntro: t.topicsIntro,
          optedOutNote: t.optedOutNote,
          allHeading: t.allHeading,
          allIntro: t.allIntro,
          unsubscribeAll: t.unsubscribeAll,
          resubscribeAll: t.resubscribeAll,
          moreHeading: t.moreHeading,
          moreIntro: t.moreIntro,
          moreButton: t.moreButton,
        }}
      />
    </div>
  );
}
