import { translatorFor } from "@/lib/i18n/translator";
import { Button, Heading, Link, Text } from "react-email";
import { EmailLayout } from "./components/layout";
import { colors, type Language } from "./components/theme";

export type StaffSignInEmailProps = {
  url: string;
  expiresInMinutes: number;
  language: Language;
};

export function staffSignInSubject(language: Language): string {
  return translatorFor(language)("emails.staffSignIn.subject");
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
  const t = translatorFor(language);
  const body = t("emails.staffSignIn.body", { minutes: expiresInMinutes });
  return (
    <EmailLayout language={language} title={t("emails.staffSignIn.subject")} preview={body}>
      <Heading as="h1" style={{ color: colors.text, fontSize: "24px", lineHeight: "32px", margin: "0 0 16px" }}>
        {t("emails.staffSignIn.heading")}
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
        {t("emails.staffSignIn.button")}
      </Button>
      <Text style={{ color: colors.muted, fontSize: "14px", lineHeight: "20px", margin: "24px 0 4px" }}>
        {t("emails.common.fallback")}
      </Text>
      <Text style={{ fontSize: "14px", lineHeight: "20px", margin: "0 0 16px", wordBreak: "break-all" }}>
        <Link href={url} style={{ color: colors.link, textDecoration: "underline" }}>
          {url}
        </Link>
      </Text>
      <Text style={{ color: colors.muted, fontSize: "14px", lineHeight: "20px", margin: 0 }}>
        {t("emails.staffSignIn.ignore")}
      </Text>
    </EmailLayout>
  );
}

StaffSignInEmail.PreviewProps = previewProps;
