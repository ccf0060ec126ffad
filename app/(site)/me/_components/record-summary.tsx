// The top of /me: the person's record in four short answers (who we think you are, why we have the data, until when,
// what you get), each pointing to its details below, so nobody has to read the whole record to learn the essentials.
import { getTranslations } from "next-intl/server";
import type { ContactRecord } from "@/lib/contacts/get-contact-record";
import type { Language } from "@/lib/i18n/languages";
import { getPolicy } from "@/lib/policy/current-policy";
import { purposeName } from "@/lib/policy/policy-labels";
import { formatPauseEnd } from "@/lib/recipients/format-pause-end";
import { isPaused } from "@/lib/subscriptions/pause-length";
import { formatDate } from "./recipient-lang";
import styles from "../me.module.css";

export async function RecordSummary(props: { record: ContactRecord; lang: Language; preferencesHref: string }) {
  const { record, lang } = props;
  const t = await getTranslations({ locale: lang });
  const c = record.contact;
  const current = record.roles.filter((r) => !r.endsOn);
  const purposes = [...new Set(record.purposes.map((p) => purposeName(getPolicy(), p.purpose, lang)))];
  const r = record.retention;
  const subscribed = record.subscriptions.filter((s) => s.state === "SUBSCRIBED");
  return (
    <section aria-labelledby="summary-heading" className={styles.summary} data-testid="record-summary">
      <h2 id="summary-heading">{t("myData.me.summary.heading")}</h2>
      <dl className={styles.summaryList}>
        <dt>{t("myData.me.summary.who")}</dt>
        <dd>
          {t("myData.me.summary.whoLine", { name: c.name, email: c.email })}
          {current.length ? (
            <ul className={styles.plainList}>
              {current.map((role, i) => (
                <li key={i}>
                  {t("myData.me.summary.roleLine", {
                    role: t(`enums.roleType.label.${role.type}`),
                    org: role.organisation,
                  })}
                </li>
              ))}
            </ul>
          ) : (
            <p className={styles.summaryNote}>{t("myData.me.summary.noOrganisation")}</p>
          )}
        </dd>
        <dt>{t("myData.me.summary.why")}</dt>
        <dd>
          {purposes.length ? purposes.join(", ") : t("myData.me.summary.whyNone")}{" "}
          <a href="#purposes-heading">{t("myData.me.purposesHeading")}</a>
        </dd>
        <dt>{t("myData.me.summary.until")}</dt>
        <dd data-testid="summary-retention">
          {r.kind === "ongoing"
            ? t("myData.me.retentionOngoing", { years: r.years })
            : t("myData.me.retentionDate", { date: formatDate(r.deleteBy, lang) ?? "" })}
        </dd>
        <dt>{t("myData.me.summary.choices")}</dt>
        <dd>
          {c.marketingOptOutAt
            ? t("myData.me.summary.optedOut")
            : subscribed.length
              ? t("myData.me.summary.subscribed", {
                  count: subscribed.length,
                  total: record.subscriptions.length,
                  topics: subscribed.map((s) => s.topic[lang]).join(", "),
                })
              : t("myData.me.summary.subscribedNone")}{" "}
          {!c.marketingOptOutAt && isPaused(c.marketingPausedUntil, new Date()) ? (
            <span data-testid="summary-paused">
              {t("myData.me.summary.paused", { date: formatPauseEnd(c.marketingPausedUntil!, lang) })}{" "}
            </span>
          ) : null}
          <a href={props.preferencesHref}>{t("myData.me.summary.manage")}</a>
        </dd>
      </dl>
    </section>
  );
}
