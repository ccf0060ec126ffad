import { LinkMessage } from "./components/link-message";
import { EmailLayout } from "./components/layout";
import type { Language } from "./components/theme";

export type FreshLinkEmailProps = {
  /** A new footer-scope link to the preference page. */
  url: string;
  language: Language;
};

const texts = {
  sv: {
    subject: "Din nya länk till dina inställningar",
    heading: "Här är din nya länk",
    body: "Du bad om en ny länk till sidan där du ser och ändrar vilka utskick du får.",
    button: "Öppna mina inställningar",
    fallback: "Fungerar inte knappen? Kopiera den här adressen till din webbläsare:",
    ignore: "Har du inte bett om länken kan du bortse från det här meddelandet. Länken är personlig: dela den inte.",
  },
  en: {
    subject: "Your new link to your settings",
    heading: "Here is your new link",
    body: "You asked for a new link to the page where you see and change which mailings you receive.",
    button: "Open my settings",
    fallback: "Button not working? Copy this address into your browser:",
    ignore: "If you did not ask for this link, you can ignore this message. The link is personal: do not share it.",
  },
} as const;

export function freshLinkSubject(language: Language): string {
  return texts[language].subject;
}

const previewProps: FreshLinkEmailProps = { url: "https://prefs.example.com/p/preview-token", language: "en" };

/** Transactional: sent when a link did not work and the person asked for a new one. No unsubscribe footer. */
export default function FreshLinkEmail({
  url = previewProps.url,
  language = previewProps.language,
}: Partial<FreshLinkEmailProps>) {
  const t = texts[language];
  return (
    <EmailLayout language={language} title={t.subject} preview={t.body}>
      <LinkMessage
        heading={t.heading}
        body={t.body}
        url={url}
        button={t.button}
        fallback={t.fallback}
        note={t.ignore}
      />
    </EmailLayout>
  );
}

FreshLinkEmail.PreviewProps = previewProps;
