import { translatorFor } from "@/lib/i18n/translator";
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

export function staffInvitationSubject(language: Language): string {
  return translatorFor(language)("emails.staffInvitation.subject");
}

const previewProps: StaffInvitationEmailProps = {
  signInUrl: "https://prefs.example.com/staff/sign-in",
  name: "Nils Nilsson",
  roleName: "kundansvarig",
  language: "sv",
};

/** Transactional: an admin invited a staff member. No unsubscribe footer. */
export default function StaffInvitationEmail({
  signInUrl = previewProps.signInUrl,
  name = previewProps.name,
  roleName = previewProps.roleName,
  language = previewProps.language,
}: Partial<StaffInvitationEmailProps>) {
  const t = translatorFor(language);
  const body = t("emails.staffInvitation.body", { name, role: roleName });
  return (
    <EmailLayout language={language} title={t("emails.staffInvitation.subject")} preview={body}>
      <Heading as="h1" style={{ color: colors.text, fontSize: "24px", lineHeight: "32px", margin: "0 0 16px" }}>
        {t("emails.staffInvitation.heading")}
      </Heading>
      <Text style={{ fontSize: "16px", lineHeight: "24px", margin: "0 0 16px" }}>{body}</Text>
      <Text style={{ fontSize: "16px", lineHeight: "24px", margin: "0 0 24px" }}>
        {t("emails.staffInvitation.how")}
      </Text>
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
        {t("emails.staffInvitation.button")}
      </Button>
      <Text style={{ color: colors.muted, fontSize: "14px", lineHeight: "20px", margin: "24px 0 4px" }}>
        {t("emails.common.fallback")}
      </Text>
      <Text style={{ fontSize: "14px", lineHeight: "20px", margin: "0 0 16px", wordBreak: "break-all" }}>
        <Link href={signInUrl} style={{ color: colors.link, textDecoration: "underline" }}>
          {signInUrl}
        </Link>
      </Text>
      <Text style={{ color: colors.muted, fontSize: "14px", lineHeight: "20px", margin: 0 }}>
        {t("emails.staffInvitation.ignore")}
      </Text>
    </EmailLayout>
  );
}

StaffInvitationEmail.PreviewProps = previewProps;
