import { Button, Heading, Link, Text } from "react-email";
import { EmailLayout } from "./components/layout";
import { colors, type Language } from "./components/theme";

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
      <Heading as="h1" style={{ color: colors.text, fontSize: "24px", lineHeight: "32px", margin: "0 0 16px" }}>
        {t.heading}
      </Heading>
      <Text style={{ fontSize: "16px", lineHeight: "24px", margin: "0 0 24px" }}>{t.body(expiresInHours)}</Text>
      <Button
        href={url}
        style={{
          backgroundColor: colors.link,
          borderRadius: "6px",
          color: colors.buttonText,
          fontSize: "16px",
          fontWeight: 600,
          padding: "12px 20px",
          textDecoration: "none",
        }}
      >
        {t.button}
      </Button>
      <Text style={{ color: colors.muted, fontSize: "14px", lineHeight: "20px", margin: "24px 0 4px" }}>
        {t.fallback}
      </Text>
      <Text style={{ fontSize: "14px", lineHeight: "20px", margin: "0 0 16px", wordBreak: "break-all" }}>
        <Link href={url} style={{ color: colors.link, textDecoration: "underline" }}>
          {url}
        </Link>
      </Text>
      <Text style={{ color: colors.muted, fontSize: "14px", lineHeight: "20px", margin: 0 }}>{t.ignore}</Text>
    </EmailLayout>
  );
}

EmailChangeConfirmEmail.PreviewProps = previewProps;
