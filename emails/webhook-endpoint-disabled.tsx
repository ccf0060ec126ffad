import { translatorFor } from "@/lib/i18n/translator";
import { Heading, Link, Text } from "react-email";
import { EmailLayout } from "./components/layout";
import { colors, type Language } from "./components/theme";

export type WebhookEndpointDisabledEmailProps = {
  /** The endpoint's name as staff gave it (never its URL or secret). */
  endpoint: string;
  failures: number;
  /** The endpoint's page in the staff workspace. */
  url: string;
  language: Language;
};

export function webhookEndpointDisabledSubject(language: Language, endpoint: string): string {
  return translatorFor(language)("emails.webhookEndpointDisabled.subject", { endpoint });
}

const previewProps: WebhookEndpointDisabledEmailProps = {
  endpoint: "CRM",
  failures: 50,
  url: "https://prefs.example.com/staff/webhooks/demo_endpoint",
  language: "sv",
};

/**
 * Transactional, to every active admin: a downstream system stopped answering and its endpoint was disabled, so
 * changes the register owes it (Art. 19) are waiting. No unsubscribe footer.
 */
export default function WebhookEndpointDisabledEmail({
  endpoint = previewProps.endpoint,
  failures = previewProps.failures,
  url = previewProps.url,
  language = previewProps.language,
}: Partial<WebhookEndpointDisabledEmailProps>) {
  const t = translatorFor(language);
  const body = t("emails.webhookEndpointDisabled.body", { endpoint, failures });
  return (
    <EmailLayout language={language} title={t("emails.webhookEndpointDisabled.subject", { endpoint })} preview={body}>
      <Heading as="h1" style={{ color: colors.text, fontSize: "24px", lineHeight: "32px", margin: "0 0 16px" }}>
        {t("emails.webhookEndpointDisabled.heading")}
      </Heading>
      <Text style={{ fontSize: "16px", lineHeight: "24px", margin: "0 0 16px" }}>{body}</Text>
      <Text style={{ fontSize: "16px", lineHeight: "24px", margin: "0 0 16px" }}>
        {t("emails.webhookEndpointDisabled.what")}
      </Text>
      <Text style={{ fontSize: "16px", lineHeight: "24px", margin: 0 }}>
        <Link href={url} style={{ color: colors.link, textDecoration: "underline" }}>
          {t("emails.webhookEndpointDisabled.open")}
        </Link>
      </Text>
    </EmailLayout>
  );
}
