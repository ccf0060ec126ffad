import { translatorFor } from "@/lib/i18n/translator";
import { Heading, Link, Section, Text } from "react-email";
import { EmailLayout } from "./components/layout";
import { colors, type Language } from "./components/theme";

export type RetentionDueContact = {
  name: string;
  organisation: string;
  /** YYYY-MM-DD, the day the retention job deletes them. */
  deleteBy: string;
  /** The contact's page in the staff workspace. */
  url: string;
};

export type RetentionDueNoticeEmailProps = {
  name: string;
  contacts: RetentionDueContact[];
  language: Language;
};

export function retentionDueNoticeSubject(language: Language, count: number): string {
  return translatorFor(language)("emails.retentionDueNotice.subject", { count });
}

const previewProps: RetentionDueNoticeEmailProps = {
  name: "Karin Berg",
  contacts: [
    {
      name: "Erik Lund",
      organisation: "Fjällström Logistik AB",
      deleteBy: "2026-12-24",
      url: "https://prefs.example.com/staff/contacts/demo_contact_12",
    },
  ],
  language: "sv",
};

/**
 * Transactional, to an account manager: contacts of their organisations fall due for deletion within 30 days, so a
 * relationship that still lives can be recorded before the data is lost. No unsubscribe footer.
 */
export default function RetentionDueNoticeEmail({
  name = previewProps.name,
  contacts = previewProps.contacts,
  language = previewProps.language,
}: Partial<RetentionDueNoticeEmailProps>) {
  const t = translatorFor(language);
  const body = t("emails.retentionDueNotice.body", { name, count: contacts.length });
  return (
    <EmailLayout
      language={language}
      title={t("emails.retentionDueNotice.subject", { count: contacts.length })}
      preview={body}
    >
      <Heading as="h1" style={{ color: colors.text, fontSize: "24px", lineHeight: "32px", margin: "0 0 16px" }}>
        {t("emails.retentionDueNotice.heading")}
      </Heading>
      <Text style={{ fontSize: "16px", lineHeight: "24px", margin: "0 0 16px" }}>{body}</Text>
      <Section style={{ margin: "0 0 16px" }}>
        {contacts.map((c) => (
          <Text key={c.url} style={{ fontSize: "16px", lineHeight: "24px", margin: "0 0 8px" }}>
            <Link href={c.url} style={{ color: colors.link, textDecoration: "underline" }}>
              {c.name}
            </Link>
            {`, ${c.organisation}: ${t("emails.retentionDueNotice.deletedOn", { day: c.deleteBy })}`}
          </Text>
        ))}
      </Section>
      <Text style={{ fontSize: "16px", lineHeight: "24px", margin: "0 0 16px" }}>
        {t("emails.retentionDueNotice.what")}
      </Text>
      <Text style={{ color: colors.muted, fontSize: "14px", lineHeight: "20px", margin: 0 }}>
        {t("emails.retentionDueNotice.nothing")}
      </Text>
    </EmailLayout>
  );
}
