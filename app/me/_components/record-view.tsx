// The full record, section by section, in the person's language. Presentation only: the data comes from
// getContactRecord, the purpose texts from lib/policy/purposes.ts (the same source as the privacy policy page).
import { Fragment } from "react";
import type { ContactRecord } from "@/lib/contacts/get-contact-record";
import type { Language } from "@/lib/i18n/languages";
import { getMessages } from "@/lib/i18n/messages";
import { PURPOSES } from "@/lib/policy/purposes";
import styles from "../me.module.css";
import { formatDate, formatDateTime } from "./recipient-lang";

function Section({ id, heading, children }: { id: string; heading: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className={styles.section}>
      <h2 id={id}>{heading}</h2>
      {children}
    </section>
  );
}

export function RecordView({ record, lang }: { record: ContactRecord; lang: Language }) {
  const t = getMessages(lang).myData.me;
  const notes = getMessages(lang).staffAdmin.notes;
  const c = record.contact;
  const d = (x: Date | null) => formatDate(x, lang) ?? t.none;
  const fields: [string, string][] = [
    [t.fields.name, c.name],
    [t.fields.email, c.email],
    [t.fields.phone, c.phone ?? t.none],
    [t.fields.jobTitle, c.jobTitle ?? t.none],
    [t.fields.language, t.languages[c.language]],
    [t.fields.category, t.categories[c.category]],
    [t.fields.createdAt, d(c.createdAt)],
    [t.fields.updatedAt, d(c.updatedAt)],
    [t.fields.lastActivityAt, d(c.lastActivityAt)],
    [t.fields.marketingOptOutAt, d(c.marketingOptOutAt)],
  ];
  const s = record.source;
  const sourceRows: [string, string][] = [
    [t.sourceLabels.type, t.sourceTypes[s.type]],
    ...(s.organisation ? [[t.sourceLabels.organisation, s.organisation] as [string, string]] : []),
    ...(s.detail ? [[t.sourceLabels.detail, s.detail] as [string, string]] : []),
    [t.sourceLabels.date, d(s.date)],
    ...(s.staffRole ? [[t.sourceLabels.who, t.staffRoles[s.staffRole]] as [string, string]] : []),
  ];
  const r = record.retention;
  const who = (a: ContactRecord["changes"][number]["actor"]) =>
    a.self
      ? t.actors.self
      : a.type === "STAFF"
        ? a.staffRole
          ? t.staffRoles[a.staffRole]
          : t.actors.staff
        : a.type === "SYSTEM"
          ? t.actors.system
          : a.type === "API"
            ? t.actors.api
            : t.actors.contact;

  return (
    <>
      <Section id="fields-heading" heading={t.fieldsHeading}>
        <dl className={styles.dl}>
          {fields.map(([k, v]) => (
            <Fragment key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </Fragment>
          ))}
        </dl>
      </Section>

      <Section id="roles-heading" heading={t.rolesHeading}>
        {record.roles.length === 0 ? (
          <p>{t.noRoles}</p>
        ) : (
          <ul className={styles.list}>
            {record.roles.map((role, i) => (
              <li key={i}>
                <strong>{t.orgLine(role.organisation, t.relationships[role.relationship])}</strong>
                <br />
                {t.roleTypes[role.type]}
                {role.title ? ` (${role.title})` : ""}: {t.period(d(role.startsOn), formatDate(role.endsOn, lang))}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="source-heading" heading={t.sourceHeading}>
        <dl className={styles.dl}>
          {sourceRows.map(([k, v]) => (
            <Fragment key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </Fragment>
          ))}
        </dl>
      </Section>

      <Section id="purposes-heading" heading={t.purposesHeading}>
        {record.purposes.length === 0 ? (
          <p>{t.noPurposes}</p>
        ) : (
          <ul className={styles.list}>
            {record.purposes.map((p) => {
              const def = PURPOSES.find((x) => x.key === p.purpose);
              return (
                <li key={p.purpose}>
                  <strong>{def?.name[lang] ?? p.purpose}</strong>
                  {def ? <> – {def.description[lang]}</> : null}
                  <br />
                  {t.basisLine(t.bases[p.basis])}
                </li>
              );
            })}
          </ul>
        )}
      </Section>

      <Section id="retention-heading" heading={t.retentionHeading}>
        {r.kind === "ongoing" ? (
          <p>{t.retentionOngoing(r.years)}</p>
        ) : (
          <>
            <p>{t.retentionRule(r.years)}</p>
            <p>
              <strong>{t.retentionDate(d(r.deleteBy))}</strong> ({t.retentionSince[r.reason]}: {d(r.since)})
            </p>
          </>
        )}
      </Section>

      <Section id="subscriptions-heading" heading={t.subscriptionsHeading}>
        {record.subscriptions.length === 0 ? (
          <p>{t.noSubscriptions}</p>
        ) : (
          <ul className={styles.list}>
            {record.subscriptions.map((sub, i) => (
              <li key={i}>
                <strong>{sub.topic[lang]}</strong>:{" "}
                {t.subscriptionLine(t.states[sub.state], d(sub.changedAt), t.sources[sub.source])}
              </li>
            ))}
          </ul>
        )}
        {record.subscriptionHistory.length > 0 ? (
          <>
            <h3>{t.historyHeading}</h3>
            <ul className={styles.list}>
              {record.subscriptionHistory.map((h, i) => (
                <li key={i}>
                  {t.historyLine(formatDateTime(h.at, lang), h.topic[lang], t.states[h.state], t.sources[h.source])}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </Section>

      <Section id="mailings-heading" heading={t.mailingsHeading}>
        {record.mailings.length === 0 ? (
          <p>{t.noMailings}</p>
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

      <Section id="notes-heading" heading={notes.meHeading}>
        {record.notes.length === 0 ? (
          <p>{notes.meNone}</p>
        ) : (
          <ul className={styles.list}>
            {record.notes.map((n, i) => (
              <li key={i}>
                <span style={{ whiteSpace: "pre-wrap" }}>{n.body}</span>
                <br />
                <span className="muted">{notes.meLine(d(n.createdAt))}</span>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="changes-heading" heading={t.changesHeading}>
        {record.changes.length === 0 ? (
          <p>{t.noChanges}</p>
        ) : (
          <ul className={styles.list}>
            {record.changes.map((ch, i) => (
              <li key={i}>
                {t.changeLine(formatDateTime(ch.at, lang), t.actions[ch.action] ?? t.otherAction, who(ch.actor))}
                {ch.fields.length > 0 && ch.fields[0] !== "*" ? (
                  <>
                    <br />
                    <span className="muted">{t.fieldsLine(ch.fields.join(", "))}</span>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="requests-heading" heading={t.requestsHeading}>
        {record.privacyRequests.length === 0 ? (
          <p>{t.noRequests}</p>
        ) : (
          <ul className={styles.list}>
            {record.privacyRequests.map((p, i) => (
              <li key={i}>
                {t.requestLine(formatDateTime(p.receivedAt, lang), t.requestTypes[p.type], t.requestStatuses[p.status])}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}
