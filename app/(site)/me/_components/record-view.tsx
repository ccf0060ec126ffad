// The full record, section by section, in the person's language. Presentation only: the data comes from
// getContactRecord, the purpose texts from lib/policy/purposes.ts (the same source as the privacy policy page).
import { Fragment } from "react";
import { getTranslations } from "next-intl/server";
import type { ContactRecord } from "@/lib/contacts/get-contact-record";
import type { Language } from "@/lib/i18n/languages";
import { PURPOSES } from "@/lib/policy/purposes";
import styles from "../me.module.css";
import { formatDate, formatDateTime } from "./recipient-lang";
import { textsAt } from "@/lib/i18n/texts-at";
import { describeAuditFields } from "@/lib/audit/describe-audit-action";

function Section({ id, heading, children }: { id: string; heading: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className={styles.section}>
      <h2 id={id}>{heading}</h2>
      {children}
    </section>
  );
}

export async function RecordView({ record, lang }: { record: ContactRecord; lang: Language }) {
  const t = await getTranslations({ locale: lang });
  const changeTexts = textsAt(lang, "myData.me.actions");
  const fieldTexts = textsAt(lang, "enums.auditField");
  const c = record.contact;
  const d = (x: Date | null) => formatDate(x, lang) ?? t("myData.me.none");
  const fields: [string, string][] = [
    [t("myData.me.fields.name"), c.name],
    [t("myData.me.fields.email"), c.email],
    [t("myData.me.fields.phone"), c.phone ?? t("myData.me.none")],
    [t("myData.me.fields.jobTitle"), c.jobTitle ?? t("myData.me.none")],
    [t("myData.me.fields.language"), t(`myData.me.languages.${c.language}`)],
    [t("myData.me.fields.category"), t(`enums.contactCategory.label.${c.category}`)],
    [t("myData.me.fields.createdAt"), d(c.createdAt)],
    [t("myData.me.fields.updatedAt"), d(c.updatedAt)],
    [t("myData.me.fields.lastActivityAt"), d(c.lastActivityAt)],
    [t("myData.me.fields.marketingOptOutAt"), d(c.marketingOptOutAt)],
  ];
  const s = record.source;
  const sourceRows: [string, string][] = [
    [t("myData.me.sourceLabels.type"), t(`enums.sourceType.forPerson.${s.type}`)],
    ...(s.organisation ? [[t("myData.me.sourceLabels.organisation"), s.organisation] as [string, string]] : []),
    ...(s.detail ? [[t("myData.me.sourceLabels.detail"), s.detail] as [string, string]] : []),
    [t("myData.me.sourceLabels.date"), d(s.date)],
    ...(s.staffRole
      ? [[t("myData.me.sourceLabels.who"), t(`enums.staffRole.asActor.${s.staffRole}`)] as [string, string]]
      : []),
  ];
  const r = record.retention;
  const who = (a: ContactRecord["changes"][number]["actor"]) =>
    a.self
      ? t("myData.me.actors.self")
      : a.type === "STAFF"
        ? a.staffRole
          ? t(`enums.staffRole.asActor.${a.staffRole}`)
          : t("myData.me.actors.staff")
        : a.type === "SYSTEM"
          ? t("myData.me.actors.system")
          : a.type === "API"
            ? t("myData.me.actors.api")
            : t("myData.me.actors.contact");

  return (
    <>
      <Section id="fields-heading" heading={t("myData.me.fieldsHeading")}>
        <dl className={styles.dl}>
          {fields.map(([k, v]) => (
            <Fragment key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </Fragment>
          ))}
        </dl>
      </Section>

      <Section id="roles-heading" heading={t("myData.me.rolesHeading")}>
        {record.roles.length === 0 ? (
          <p>{t("myData.me.noRoles")}</p>
        ) : (
          <ul className={styles.list}>
            {record.roles.map((role, i) => (
              <li key={i}>
                <strong>
                  {t("myData.me.orgLine", {
                    org: role.organisation,
                    rel: t(`enums.relationship.inSentence.${role.relationship}`),
                  })}
                </strong>
                <br />
                {t(`enums.roleType.label.${role.type}`)}
                {role.title ? ` (${role.title})` : ""}:{" "}
                {role.endsOn
                  ? t("myData.me.period", { from: d(role.startsOn), to: d(role.endsOn) })
                  : t("myData.me.periodOpen", { from: d(role.startsOn) })}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="source-heading" heading={t("myData.me.sourceHeading")}>
        <dl className={styles.dl}>
          {sourceRows.map(([k, v]) => (
            <Fragment key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </Fragment>
          ))}
        </dl>
      </Section>

      <Section id="purposes-heading" heading={t("myData.me.purposesHeading")}>
        {record.purposes.length === 0 ? (
          <p>{t("myData.me.noPurposes")}</p>
        ) : (
          <ul className={styles.list}>
            {record.purposes.map((p) => {
              const known = PURPOSES.some((x) => x.key === p.purpose);
              return (
                <li key={p.purpose}>
                  <strong>{known ? t(`enums.purpose.${p.purpose}.name`) : p.purpose}</strong>
                  {known ? <> – {t(`enums.purpose.${p.purpose}.description`)}</> : null}
                  <br />
                  {t("myData.me.basisLine", { basis: t(`enums.legalBasis.${p.basis}`) })}
                </li>
              );
            })}
          </ul>
        )}
      </Section>

      <Section id="retention-heading" heading={t("myData.me.retentionHeading")}>
        {r.kind === "ongoing" ? (
          <p>{t("myData.me.retentionOngoing", { years: r.years })}</p>
        ) : (
          <>
            <p>{t("myData.me.retentionRule", { years: r.years })}</p>
            <p>
              <strong>{t("myData.me.retentionDate", { date: d(r.deleteBy) })}</strong> (
              {t(`myData.me.retentionSince.${r.reason}`)}: {d(r.since)})
            </p>
          </>
        )}
      </Section>

      <Section id="subscriptions-heading" heading={t("myData.me.subscriptionsHeading")}>
        {record.subscriptions.length === 0 ? (
          <p>{t("myData.me.noSubscriptions")}</p>
        ) : (
          <ul className={styles.list}>
            {record.subscriptions.map((sub, i) => (
              <li key={i}>
                <strong>{sub.topic[lang]}</strong>:{" "}
                {t("myData.me.subscriptionLine", {
                  state: t(`enums.subscriptionState.${sub.state}`),
                  date: d(sub.changedAt),
                  source: t(`enums.subscriptionSource.${sub.source}`),
                })}
              </li>
            ))}
          </ul>
        )}
        {record.subscriptionHistory.length > 0 ? (
          <>
            <h3>{t("myData.me.historyHeading")}</h3>
            <ul className={styles.list}>
              {record.subscriptionHistory.map((h, i) => (
                <li key={i}>
                  {t("myData.me.historyLine", {
                    date: formatDateTime(h.at, lang),
                    topic: h.topic[lang],
                    state: t(`enums.subscriptionState.${h.state}`),
                    source: t(`enums.subscriptionSource.${h.source}`),
                  })}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </Section>

      <Section id="mailings-heading" heading={t("myData.me.mailingsHeading")}>
        {record.mailings.length === 0 ? (
          <p>{t("myData.me.noMailings")}</p>
        ) : (
          <ul className={styles.list}>
            {record.mailings.map((m, i) => (
              <li key={i}>
                {d(m.at)}: {m.subject}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="notes-heading" heading={t("staffAdmin.notes.meHeading")}>
        {record.notes.length === 0 ? (
          <p>{t("staffAdmin.notes.meNone")}</p>
        ) : (
          <ul className={styles.list}>
            {record.notes.map((n, i) => (
              <li key={i}>
                <span style={{ whiteSpace: "pre-wrap" }}>{n.body}</span>
                <br />
                <span className="muted">{t("staffAdmin.notes.meLine", { date: d(n.createdAt) })}</span>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="changes-heading" heading={t("myData.me.changesHeading")}>
        {record.changes.length === 0 ? (
          <p>{t("myData.me.noChanges")}</p>
        ) : (
          <ul className={styles.list}>
            {record.changes.map((ch, i) => (
              <li key={i}>
                {t("myData.me.changeLine", {
                  date: formatDateTime(ch.at, lang),
                  what: changeTexts[ch.action] ?? t("myData.me.otherAction"),
                  who: who(ch.actor),
                })}
                {ch.fields.length > 0 && ch.fields[0] !== "*" ? (
                  <>
                    <br />
                    <span className="muted">
                      {t("myData.me.fieldsLine", { fields: describeAuditFields(ch.fields, { fields: fieldTexts }) })}
                    </span>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="requests-heading" heading={t("myData.me.requestsHeading")}>
        {record.privacyRequests.length === 0 ? (
          <p>{t("myData.me.noRequests")}</p>
        ) : (
          <ul className={styles.list}>
            {record.privacyRequests.map((p, i) => (
              <li key={i}>
                {t("myData.me.requestLine", {
                  date: formatDateTime(p.receivedAt, lang),
                  type: t(`enums.requestType.${p.type}`),
                  status: t(`enums.requestStatus.inSentence.${p.status}`),
                })}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}
