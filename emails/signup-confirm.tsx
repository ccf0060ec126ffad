import { LinkMessage } from "./components/link-message";
import { EmailLayout } from "./components/layout";
import { translatorFor } from "@/lib/i18n/translator";
import type { Language } from "./components/theme";

export type SignupConfirmProps = { url: string; topics: string; expiresInHours: number; language: Language };

export function signupConfirmSubject(language: Language): string {
  return translatorFor(language)("emails.signupConfirm.subject");
}

const previewProps: SignupConfirmProps = {
  url: "https://prefs.example.com/signup/confirm/preview-token",
  topics: "Newsletter, Events",
  expiresInHours: 48,
  language: "en",
};

/** Double opt-in: nothing starts until the person confirms from this mailbox (the link's page has a button). */
export default function SignupConfirmEmail({
  url = previewProps.url,
  topics = previewProps.topics,
  expiresInHours = previewProps.expiresInHours,
  language = previewProps.language,
}: Partial<SignupConfirmProps>) {
  const t = translatorFor(language);
  const body = t("emails.signupConfirm.body", { topics, hours: expiresInHours });
  return (
    <EmailLayout language={language} title={t("emails.signupConfirm.subject")} preview={body}>
      <LinkMessage
        heading={t("emails.signupConfirm.heading")}
        body={body}
        url={url}
        button={t("emails.signupConfirm.button")}
        fallback={t("emails.common.fallback")}
        note={t("emails.signupConfirm.ignore")}
      />
    </EmailLayout>
  );
}

SignupConfirmEmail.PreviewProps = previewProps;
