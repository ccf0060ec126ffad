// "Your choices and their evidence": every subscription change, opt-out, opt-in and legal basis recorded for the
// person, with when, how, by whom, the legal basis and the notice text they saw (a <details> to open it, no script).
// Presentation only: the rows come from getContactRecord (lib/evidence/list-choice-evidence.ts).
import { getTranslations } from "next-intl/server";
import type { ContactRecord } from "@/lib/contacts/get-contact-record";
import type { Language } from "@/lib/i18n/languages";
import { getPolicy } from "@/lib/policy/current-policy";
import { purposeName } from "@/lib/policy/policy-labels";
import { Section, listClass } from "@/app/_components/contact-record/contact-record";
import { formatDateTime } from "./recipient-lang";

export async function EvidenceView({ record, lang }: { record: ContactRecord; lang: Language }) {
  const t = await getTranslations({ locale: lang });
  const policy = getPolicy();
  const rows = record.evidence;
  return (
    <Section id="evidence-heading" heading={t("myData.me.evidence.heading")}>
      <p>{t("myData.me.evidence.lead")}</p>
      {rows.length === 0 ? (
        <p>{t("myData.me.evidence.none")}</p>
      ) : (
        <ul className={listClass} data-testid="evidence-list">
          {rows.map((r) => {
            const what =
              r.subject === "TOPIC" && r.topic
                ? t("myData.me.evidence.topicLine", {
                    topic: r.topic[lang],
                    state: t(`enums.subscriptionState.${r.state ?? "UNSUBSCRIBED"}`),
                  })
                : r.subject === "ALL_MARKETING"
                  ? t(r.state === "SUBSCRIBED" ? "myData.me.evidence.allOn" : "myData.me.evidence.allOff")
                  : t("myData.me.evidence.basisLine", {
                      purpose: r.purpose ? purposeName(policy, r.purpose, lang) : "",
                    });
            return (
              <li key={r.id}>
                <strong>
                  {formatDateTime(r.at, lang)}: {what}
                </strong>
                <br />
                {t("myData.me.evidence.how", {
                  channel: t(`enums.evidenceChannel.${r.channel}`),
                  actor: t(`myData.me.evidence.actors.${r.actor.type}`, { name: r.actor.name ?? "" }),
                })}
                <br />
                {r.legalBasis
                  ? t("myData.me.evidence.basis", { basis: t(`enums.legalBasis.${r.legalBasis}`) })
                  : t("myData.me.evidence.noBasis")}
                <br />
                {r.notice ? (
                  <details>
                    <summary>{t("myData.me.evidence.notice")}</summary>
                    <blockquote lang={r.notice.language}>{r.notice.text}</blockquote>
                  </details>
                ) : r.migrated ? (
                  t("myData.me.evidence.notRecorded")
                ) : (
                  t("myData.me.evidence.noNotice")
                )}
              </li>
            );
          })}
        </ul>
      )}
    </Section>
  );
}
