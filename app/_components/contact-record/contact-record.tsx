// One contact's record, section by section: the same sections and the same data (getContactRecord) on the person's
// own page (/me) and on the staff contact page, so what staff see is what the person is shown and the two cannot
// drift. The audience chooses only the wording (the person is addressed as "you"; staff read "the person") and the
// date style; which sections appear is the page's choice (staff pages add their own editable roles, subscriptions and
// notes around it).
import { Fragment } from "react";
import { getTranslations } from "next-intl/server";
import type { ContactRecord as Record_ } from "@/lib/contacts/get-contact-record";
import type { Language } from "@/lib/i18n/languages";
import { getPolicy } from "@/lib/policy/current-policy";
import { purposeDescription, purposeName } from "@/lib/policy/policy-labels";
import { retentionRuleText } from "@/lib/policy/privacy-policy-text";
import { textsAt } from "@/lib/i18n/texts-at";
import { auditActionTexts } from "@/lib/i18n/audit-action-texts";
import { describeAuditAction, describeAuditFields } from "@/lib/audit/describe-audit-action";
import styles from "./contact-record.module.css";

export type RecordSection =
  | "source"
  | "purposes"
  | "retention"
  | "subscriptions"
  | "subscriptionHistory"
  | "mailings"
  | "notes"
  | "leavingAnswers"
  | "recipients"
  | "changes"
  | "requests";

export type Audience = "person" | "staff";

type HeadingKey =
  | "sourceHeading"
  | "purposesHeading"
  | "retentionHeading"
  | "subscriptionsHeading"
  | "historyHeading"
  | "mailingsHeading"
  | "changesHeading"
  | "requestsHeading";

type Props = {
  record: Omit<Record_, "contact">;
  /** The person's category: their page states its retention rule in the policy's words. */
  category?: Record_["contact"]["category"];
  lang: Language;
  audience: Audience;
  sections: readonly RecordSection[];
  /** A day and a moment as the page writes them (the person's language; Stockholm time for staff). */
  formatDay: (d: Date | null) => string;
  formatDateTime: (d: Date) => string;
  /** Staff see the latest changes only; the person sees them all. */
  changesShown?: number;
};

export function Section({ id, heading, children }: { id: string; heading: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className={styles.section}>
      <h2 id={id}>{heading}</h2>
      {children}
    </section>
  );
}

export function Pairs({ rows, testId }: { rows: [string, string][]; testId?: string }) {
  return (
    <dl className={styles.dl} data-testid={testId}>
      {rows.map(([k, v]) => (
        <Fragment key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

export const listClass = styles.list;

export async function ContactRecord(props: Props) {
  const { record, lang, audience, formatDay, formatDateTime } = props;
  const t = await getTranslations({ locale: lang });
  const person = audience === "person";
  // Headings: the person's page speaks to them; the staff page names the section.
  const h = (key: HeadingKey) => (person ? t(`myData.me.${key}`) : t(`register.contacts.record.${key}`));
  const none = t("myData.me.none");
  const d = (x: Date | null) => formatDay(x) || none;
  const actionTexts = auditActionTexts(lang);
  const changeTexts = textsAt(lang, "myData.me.actions");
  const who = (a: Record_["changes"][number]["actor"]) =>
    a.self
      ? person
        ? t("myData.me.actors.self")
        : t("register.contacts.record.actorSelf")
      : a.type === "STAFF"
        ? a.staffRole
          ? t(`enums.staffRole.asActor.${a.staffRole}`)
          : t("myData.me.actors.staff")
        : a.type === "SYSTEM"
          ? t("myData.me.actors.system")
          : a.type === "API"
            ? t("myData.me.actors.api")
            : t("myData.me.actors.contact");

  const render: Record<RecordSection, () => React.ReactNode> = {
    source: () => {
      const s = record.source;
      const rows: [string, string][] = [
        [
          t("myData.me.sourceLabels.type"),
          t(person ? `enums.sourceType.forPerson.${s.type}` : `enums.sourceType.label.${s.type}`),
        ],
        ...(s.organisation ? [[t("myData.me.sourceLabels.organisation"), s.organisation] as [string, string]] : []),
        ...(s.detail ? [[t("myData.me.sourceLabels.detail"), s.detail] as [string, string]] : []),
        [t("myData.me.sourceLabels.date"), d(s.date)],
        ...(s.staffRole
          ? [[t("myData.me.sourceLabels.who"), t(`enums.staffRole.asActor.${s.staffRole}`)] as [string, string]]
          : []),
      ];
      return (
        <Section key="source" id="source-heading" heading={h("sourceHeading")}>
          <Pairs rows={rows} />
        </Section>
      );
    },
    purposes: () => (
      <Section key="purposes" id="purposes-heading" heading={h("purposesHeading")}>
        {record.purposes.length === 0 ? (
          <p>{t("myData.me.noPurposes")}</p>
        ) : (
          <ul className={styles.list}>
            {record.purposes.map((p) => {
              // The deployment's names and descriptions (its policy file).
              const policy = getPolicy();
              return (
                <li key={p.purpose}>
                  <strong>{purposeName(policy, p.purpose, lang)}</strong> –{" "}
                  {purposeDescription(policy, p.purpose, lang)}
                  <br />
                  {t("myData.me.basisLine", { basis: t(`enums.legalBasis.${p.basis}`) })}
                </li>
              );
            })}
          </ul>
        )}
      </Section>
    ),
    retention: () => {
      const r = record.retention;
      const rule = props.category ? getPolicy().categories[props.category]?.retention : undefined;
      return (
        <Section key="retention" id="retention-heading" heading={h("retentionHeading")}>
          {r.kind === "ongoing" ? (
            <p>{t(person ? "myData.me.retentionOngoing" : "register.contacts.retentionOngoing", { years: r.years })}</p>
          ) : (
            <>
              {/* The person reads their category's rule in the policy's words (clock and years); staff the short form. */}
              <p>
                {person && rule
                  ? t("myData.me.retentionByPolicy", { rule: retentionRuleText(getPolicy(), rule, lang) })
                  : t("myData.me.retentionRule", { years: r.years })}
              </p>
              <p>
                <strong>
                  {t(person ? "myData.me.retentionDate" : "register.contacts.retentionDate", { date: d(r.deleteBy) })}
                </strong>{" "}
                ({t(`myData.me.retentionSince.${r.reason}`)}: {d(r.since)})
              </p>
            </>
          )}
        </Section>
      );
    },
    subscriptions: () => (
      <Section key="subscriptions" id="subscriptions-heading" heading={h("subscriptionsHeading")}>
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
        {render.subscriptionHistory()}
      </Section>
    ),
    subscriptionHistory: () =>
      record.subscriptionHistory.length > 0 ? (
        <Fragment key="subscriptionHistory">
          <h3>{h("historyHeading")}</h3>
          <ul className={styles.list} data-testid="subscription-history">
            {record.subscriptionHistory.map((x, i) => (
              <li key={i}>
                {t("myData.me.historyLine", {
                  date: formatDateTime(x.at),
                  topic: x.topic[lang],
                  state: t(`enums.subscriptionState.${x.state}`),
                  source: t(`enums.subscriptionSource.${x.source}`),
                })}
              </li>
            ))}
          </ul>
        </Fragment>
      ) : null,
    mailings: () => (
      <Section key="mailings" id="mailings-heading" heading={h("mailingsHeading")}>
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
    ),
    notes: () => (
      <Section key="notes" id="notes-heading" heading={t("staffAdmin.notes.meHeading")}>
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
    ),
    leavingAnswers: () =>
      record.leavingAnswers.length > 0 ? (
        <Section key="leavingAnswers" id="leaving-heading" heading={t("myData.me.leavingHeading")}>
          <ul className={styles.list} data-testid="leaving-answers">
            {record.leavingAnswers.map((a, i) => (
              <li key={i}>
                {t("myData.me.leavingLine", {
                  date: formatDateTime(a.at),
                  topic: a.topic ? a.topic[lang] : t("myData.me.leavingAll"),
                  reason: t(`enums.leavingReason.${a.reason}`),
                })}
                {a.text ? (
                  <>
                    <br />
                    <span style={{ whiteSpace: "pre-wrap" }}>{a.text}</span>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </Section>
      ) : null,
    recipients: () => (
      <Section key="recipients" id="recipients-heading" heading={t("myData.me.recipientsHeading")}>
        <p>
          {record.recipients.systems.length > 0
            ? t("myData.me.recipientsSystems", { systems: record.recipients.systems.join(", ") })
            : t("myData.me.recipientsNone")}
        </p>
        {record.recipients.sent.length > 0 ? (
          <ul className={styles.list} data-testid="recipients-sent">
            {record.recipients.sent.map((r, i) => (
              <li key={i}>
                {t("myData.me.recipientsLine", {
                  date: formatDateTime(r.at),
                  event: t(`enums.outboundEvent.${r.event.replace(".", "_") as "contact_created"}`),
                  system: r.system,
                  status: t(`myData.me.recipientStatus.${r.status}`),
                })}
              </li>
            ))}
          </ul>
        ) : null}
      </Section>
    ),
    changes: () => {
      const shown = props.changesShown ? record.changes.slice(0, props.changesShown) : record.changes;
      return (
        <Section key="changes" id="changes-heading" heading={h("changesHeading")}>
          {shown.length === 0 ? (
            <p>{t("myData.me.noChanges")}</p>
          ) : (
            <ul className={styles.list} data-testid="record-changes">
              {shown.map((ch, i) => (
                <li key={i}>
                  {t("myData.me.changeLine", {
                    date: formatDateTime(ch.at),
                    what: person
                      ? (changeTexts[ch.action] ?? t("myData.me.otherAction"))
                      : describeAuditAction(ch.action, actionTexts).text,
                    who: who(ch.actor),
                  })}
                  {ch.fields.length > 0 && ch.fields[0] !== "*" ? (
                    <>
                      <br />
                      <span className="muted">
                        {t("myData.me.fieldsLine", { fields: describeAuditFields(ch.fields, actionTexts) })}
                      </span>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </Section>
      );
    },
    requests: () => (
      <Section key="requests" id="requests-heading" heading={h("requestsHeading")}>
        {record.privacyRequests.length === 0 ? (
          <p>{t("myData.me.noRequests")}</p>
        ) : (
          <ul className={styles.list}>
            {record.privacyRequests.map((p, i) => (
              <li key={i}>
                {t("myData.me.requestLine", {
                  date: formatDateTime(p.receivedAt),
                  type: t(`enums.requestType.${p.type}`),
                  status: t(`enums.requestStatus.inSentence.${p.status}`),
                })}
              </li>
            ))}
          </ul>
        )}
      </Section>
    ),
  };

  return <>{props.sections.map((s) => render[s]())}</>;
}
