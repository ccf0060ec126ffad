// The person's own record: their contact details and roles, the policy versions (then and now), then the sections the staff contact page shows too
// (<ContactRecord>), in the person's language. Presentation only: the data comes from getContactRecord.
import { getTranslations } from "next-intl/server";
import type { ContactRecord as Record_ } from "@/lib/contacts/get-contact-record";
import type { Language } from "@/lib/i18n/languages";
import {
  ContactRecord,
  Pairs,
  Section,
  listClass,
  type RecordSection,
} from "@/app/_components/contact-record/contact-record";
import { EvidenceView } from "./evidence-view";
import { PolicyVersionView } from "./policy-version-view";
import { formatDate, formatDateTime } from "./recipient-lang";
import { formatPauseEnd } from "@/lib/recipients/format-pause-end";

const SECTIONS: readonly RecordSection[] = [
  "source",
  "purposes",
  "retention",
  "subscriptions",
  "mailings",
  "notes",
  "leavingAnswers",
  "recipients",
  "changes",
  "requests",
];

export async function RecordView({ record, lang }: { record: Record_; lang: Language }) {
  const t = await getTranslations({ locale: lang });
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
    ...(c.crmId ? [[t("myData.me.fields.crmId"), c.crmId] as [string, string]] : []),
    ...(c.supportDeskId ? [[t("myData.me.fields.supportDeskId"), c.supportDeskId] as [string, string]] : []),
    [
      t("myData.me.fields.marketingPausedUntil"),
      c.marketingPausedUntil ? formatPauseEnd(c.marketingPausedUntil, lang) : t("myData.me.none"),
    ],
  ];

  return (
    <>
      <Section id="fields-heading" heading={t("myData.me.fieldsHeading")}>
        <Pairs rows={fields} />
      </Section>

      <Section id="roles-heading" heading={t("myData.me.rolesHeading")}>
        {record.roles.length === 0 ? (
          <p>{t("myData.me.noRoles")}</p>
        ) : (
          <ul className={listClass}>
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

      <PolicyVersionView record={record} lang={lang} />

      <ContactRecord
        record={record}
        lang={lang}
        audience="person"
        category={record.contact.category}
        sections={SECTIONS}
        formatDay={(x) => formatDate(x, lang) ?? ""}
        formatDateTime={(x) => formatDateTime(x, lang)}
      />

      <EvidenceView record={record} lang={lang} />
    </>
  );
}
