import { LinkMessage } from "./components/link-message";
import { EmailLayout } from "./components/layout";
import { translatorFor } from "@/lib/i18n/translator";
import type { Language } from "./components/theme";

export type EmailChangeConfirmProps = { url: string; expiresInHours: number; language: Language };

export function emailChangeConfirmSubject(language: Language): string {
  return translatorFor(language)("emails.emailChangeConfirm.subject");
}

const previewProps: EmailChangeConfirmProps = {
  url: "https://prefs.example.com/e/preview-token",
  expiresInHours: 24,
  language: "en",
};

/** Transactional, sent to the NEW address: it takes effect only after this link is used (GDPR Art. 16). */
export default function EmailChangeConfirmEmail({
  url = previewProps.url,
  expiresInHours = previewProps.expiresInHours,
  language = previewProps.language,
}: Partial<EmailChangeConfirmProps>) {
  const t = translatorFor(language);
  return (
    <EmailLayout
      language={language}
      title={t("emails.emailChangeConfirm.subject")}
      preview={t("emails.emailChangeConfirm.body", { hours: expiresInHours })}
    >
      <LinkMessage
        heading={t("emails.emailChangeConfirm.heading")}
        body={t("emails.emailChangeConfirm.body", { hours: expiresInHours })}
        url={url}
        button={t("emails.emailChangeConfirm.button")}
        fallback={t("emails.common.fallback")}
        note={t("emails.emailChangeConfirm.ignore")}
      />
    </EmailLayout>
  );
}

EmailChangeConfirmEmail.PreviewProps = previewProps;
