import { LinkMessage } from "./components/link-message";
import { EmailLayout } from "./components/layout";
import type { Language } from "./components/theme";

export type SecureLinkEmailProps = {
  url: string;
  expiresInMinutes: number;
  language: Language;
};

const texts = {
  sv: {
    subject: "Din säkra länk",
    heading: "Här är din säkra länk",
    body: (minutes: string) => `Öppna länken för att fortsätta. Den gäller i ${minutes}.`,
    minutes: (n: number) => `${n} ${n === 1 ? "minut" : "minuter"}`,
    button: "Öppna den säkra länken",
    fallback: "Fungerar inte knappen? Kopiera den här adressen till din webbläsare:",
    ignore: "Har du inte bett om länken kan du bortse från det här meddelandet. Dela den inte med någon.",
  },
  en: {
    subject: "Your secure link",
    heading: "Here is your secure link",
    body: (minutes: string) => `Open the link to continue. It is valid for ${minutes}.`,
    minutes: (n: number) => `${n} ${n === 1 ? "minute" : "minutes"}`,
    button: "Open the secure link",
    fallback: "Button not working? Copy this address into your browser:",
    ignore: "If you did not ask for this link, you can ignore this message. Do not share it with anyone.",
  },
} as const;

export function secureLinkSubject(language: Language): string {
  return texts[language].subject;
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
  const t = texts[language];
  const body = t.body(t.minutes(expiresInMinutes));
  return (
    <EmailLayout language={language} title={t.subject} preview={body}>
      <LinkMessage heading={t.heading} body={body} url={url} button={t.button} fallback={t.fallback} note={t.ignore} />
    </EmailLayout>
  );
}

SecureLinkEmail.PreviewProps = previewProps;
