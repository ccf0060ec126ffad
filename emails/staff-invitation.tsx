import { Button, Heading, Link, Text } from "react-email";
import { EmailLayout } from "./components/layout";
import { colors, type Language } from "./components/theme";

export type StaffInvitationEmailProps = {
  /** `${publicUrl}/staff/sign-in`: the invitation holds no token; the person asks for a sign-in link there. */
  signInUrl: string;
  name: string;
  /** The role in words, already in the mail's language. */
  roleName: string;
  language: Language;
};

const texts = {
  sv: {
    subject: "Du har fått ett konto i personalytan",
    heading: "Välkommen till personalytan",
    body: (name: string, role: string) =>
      `Hej ${name}! En administratör har gett dig ett konto i personalytan med rollen ${role}.`,
    how: "Logga in med din arbetsadress på sidan nedan. Vi skickar då en inloggningslänk till den här adressen.",
    button: "Gå till inloggningen",
    fallback: "Fungerar inte knappen? Kopiera den här adressen till din webbläsare:",
    ignore: "Väntade du dig inte det här kan du bortse från meddelandet och säga till en administratör.",
  },
  en: {
    subject: "You have an account in the staff workspace",
    heading: "Welcome to the staff workspace",
    body: (name: string, role: string) =>
      `Hello ${name}! An administrator has given you an account in the staff workspace with the role ${role}.`,
    how: "Sign in with your work address on the page below. We will then send a sign-in link to this address.",
    button: "Go to sign-in",
    fallback: "Button not working? Copy this address into your browser:",
    ignore: "If you did not expect this, you can ignore the message and tell an administrator.",
  },
} as const;

export function staffInvitationSubject(language: Language): string {
  return texts[language].subject;
}

const previewProps: StaffInvitationEmailProps = {
  signInUrl: "https://prefs.example.com/staff/sign-in",
  name: "Nils Nilsson",
  roleName: "kontoansvarig",
  language: "sv",
};

/** Transactional: an admin invited a staff member. No unsubscribe footer. */
export default function StaffInvitationEmail({
  signInUrl = previewProps.signInUrl,
  name = previewProps.name,
  roleName = previewProps.roleName,
  language = previewProps.language,
}: Partial<StaffInvitationEmailProps>) {
  const t = texts[language];
  const body = t.body(name, roleName);
  return (
    <EmailLayout language={language} title={t.subject} preview={body}>
      <Heading as="h1" style={{ color: colors.text, fontSize: "24px", lineHeight: "32px", margin: "0 0 16px" }}>
        {t.heading}
      </Heading>
      <Text style={{ fontSize: "16px", lineHeight: "24px", margin: "0 0 16px" }}>{body}</Text>
      <Text style={{ fontSize: "16px", lineHeight: "24px", margin: "0 0 24px" }}>{t.how}</Text>
      <Button
        href={signInUrl}
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
        <Link href={signInUrl} style={{ color: colors.link, textDecoration: "underline" }}>
          {signInUrl}
        </Link>
      </Text>
      <Text style={{ color: colors.muted, fontSize: "14px", lineHeight: "20px", margin: 0 }}>{t.ignore}</Text>
    </EmailLayout>
  );
}

StaffInvitationEmail.PreviewProps = previewProps;
