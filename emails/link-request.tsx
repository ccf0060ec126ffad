import { LinkMessage } from "./components/link-message";
import { EmailLayout } from "./components/layout";
import type { Language } from "./components/theme";

export type LinkRequestEmailProps = {
  /** A fresh footer-scope link to the preference page. */
  url: string;
  /** How long the link works, in days (the preferences scope's lifetime). */
  validDays: number;
  language: Language;
};

const texts = {
  sv: {
    subject: "Din länk till dina inställningar",
    heading: "Här är länken du bad om",
    body: (days: number) =>
      `Någon, förhoppningsvis du, bad om en länk till sidan där du ser och ändrar vilka utskick du får. Länken gäller i ${days} dagar.`,
    button: "Öppna mina inställningar",
    fallback: "Fungerar inte knappen? Kopiera den här adressen till din webbläsare:",
    ignore:
      "Har du inte bett om länken kan du bortse från det här meddelandet; ingenting har ändrats. Länken är personlig: dela den inte.",
  },
  en: {
    subject: "Your link to your preferences",
    heading: "Here is the link you asked for",
    body: (days: number) =>
      `Someone, hopefully you, asked for a link to the page where you see and change which mailings you receive. The link is valid for ${days} days.`,
    button: "Open my preferences",
    fallback: "Button not working? Copy this address into your browser:",
    ignore:
      "If you did not ask for this link, you can ignore this message; nothing has changed. The link is personal: do not share it.",
  },
} as const;

export function linkRequestSubject(language: Language): string {
  return texts[language].subject;
}

const previewProps: LinkRequestEmailProps = {
  url: "https://prefs.example.com/p/preview-token",
  validDays: 400,
  language: "en",
};

/** Transactional: the answer to "send me a link" on /preferences. No unsubscribe footer. */
export default function LinkRequestEmail({
  url = previewProps.url,
  validDays = previewProps.validDays,
  language = previewProps.language,
}: Partial<LinkRequestEmailProps>) {
  const t = texts[language];
  const body = t.body(validDays);
  return (
    <EmailLayout language={language} title={t.subject} preview={body}>
      <LinkMessage heading={t.heading} body={body} url={url} button={t.button} fallback={t.fallback} note={t.ignore} />
    </EmailLayout>
  );
}

LinkRequestEmail.PreviewProps = previewProps;
