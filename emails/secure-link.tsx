import { LinkMessage } from "./components/link-message";
import { EmailLayout } from "./components/layout";
import { translatorFor } from "@/lib/i18n/translator";
import type { Language } from "./components/theme";

export type SecureLinkEmailProps = {
  url: string;
  expiresInMinutes: number;
  language: Language;
};

export function secureLinkSubject(language: Language): string {
  return translatorFor(language)("emails.secureLink.subject");
}

const previewProps: SecureLinkEmailProps = {
  url: "https://prefs.example.com/s/preview-token",
  expiresInMinutes: 30,
  language: "en",
};

/** Transactional: one link, how long it lasts, and what to do if it was not asked for. No unsubscribe footer. */
export default function SecureLinkEmail({
  url = previewProps.url,
  expiresInMinutes = previewProps.expiresInMinutes,
  language = previewProps.language,
}: Partial<SecureLinkEmailProps>) {
  const t = translatorFor(language);
  const body = t("emails.secureLink.body", { minutes: expiresInMinutes });
  return (
    <EmailLayout language={language} title={t("emails.secureLink.subject")} preview={body}>
      <LinkMessage
        heading={t("emails.secureLink.heading")}
        body={body}
        url={url}
        button={t("emails.secureLink.button")}
        fallback={t("emails.common.fallback")}
        note={t("emails.secureLink.ignore")}
      />
    </EmailLayout>
  );
}

SecureLinkEmail.PreviewProps = previewProps;
