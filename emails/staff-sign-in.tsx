import { Button, Heading, Link, Text } from "react-email";
import { EmailLayout } from "./components/layout";
import { colors, type Language } from "./components/theme";

export type StaffSignInEmailProps = {
  url: string;
  expiresInMinutes: number;
  language: Language;
};

const texts = {
  sv: {
    subject: "Logga in i personalytan",
    heading: "Logga in i personalytan",
    body: (minutes: number) => `Öppna länken för att logga in. Den fungerar en gång och gäller i ${minutes} minuter.`,
    button: "Logga in",
    fallback: "Fungerar inte knappen? Kopiera den här adressen till din webbläsare:",
    ignore: "Har du inte bett om att logga in kan du bortse från det här meddelandet. Dela inte länken med någon.",
  },
  en: {
    subject: "Sign in to the staff workspace",
    heading: "Sign in to the staff workspace",
    body: (minutes: number) => `Open the link to sign in. It works once and is valid for ${minutes} minutes.`,
    button: "Sign in",
    fallback: "Button not working? Copy this address into your browser:",
    ignore: "If you did not ask to sign in, you can ignore this message. Do not share the link with anyone.",
  },
} as const;

export function staffSignInSubject(language: Language): string {
  return texts[language].subject;
}

const previewProps: StaffSignInEmailProps = {
  url: "https://prefs.example.com/staff/sign-in/confirm?token=preview&email=astrid.lind%40elastx.example",
  expiresInMinutes: 15,
  language: "sv",
};

/** Transactional: the staff magic link. No unsubscribe footer. */
export default function StaffSignInEmail({
  url = previewProps.url,
  expiresInMinutes = previewProps.expiresInMinutes,
  language = previewProps.language,
}: Partial<StaffSignInEmailProps>) {
  const t = texts[language];
  const body = t.body(expiresInMinutes);
  return (
    <EmailLayout language={language} title={t.subject} preview={body}>
      <Heading as="h1" style={{ color: colors.text, fontSize: "24px", lineHeight: "32px", margin: "0 0 16px" }}>
        {t.heading}
      </Heading>
      <Text style={{ fontSize: "16px", lineHeight: "24px", margin: "0 0 24px" }}>{body}</Text>
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

StaffSignInEmail.PreviewProps = previewProps;
