import { LinkMessage } from "./components/link-message";
import { EmailLayout } from "./components/layout";
import type { Language } from "./components/theme";

export type EmailChangeConfirmProps = { url: string; expiresInHours: number; language: Language };

const texts = {
  sv: {
    subject: "Bekräfta din nya e-postadress",
    heading: "Bekräfta din nya e-postadress",
    body: (h: number) =>
      `Du har bett oss byta e-postadress till den här. Adressen byts först när du bekräftar. Länken gäller i ${h} timmar och kan användas en gång.`,
    button: "Bekräfta den nya adressen",
    fallback: "Fungerar inte knappen? Kopiera den här adressen till din webbläsare:",
    ignore: "Har du inte bett om bytet kan du bortse från det här meddelandet: ingenting ändras.",
  },
  en: {
    subject: "Confirm your new email address",
    heading: "Confirm your new email address",
    body: (h: number) =>
      `You asked us to change your email address to this one. The address changes only when you confirm. The link is valid for ${h} hours and works once.`,
    button: "Confirm the new address",
    fallback: "Button not working? Copy this address into your browser:",
    ignore: "If you did not ask for this change, you can ignore this message: nothing changes.",
  },
} as const;

export function emailChangeConfirmSubject(language: Language): string {
  return texts[language].subject;
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
  const t = texts[language];
  return (
    <EmailLayout language={language} title={t.subject} preview={t.body(expiresInHours)}>
      <LinkMessage
        heading={t.heading}
        body={t.body(expiresInHours)}
        url={url}
        button={t.button}
        fallback={t.fallback}
        note={t.ignore}
      />
    </EmailLayout>
  );
}

EmailChangeConfirmEmail.PreviewProps = previewProps;
