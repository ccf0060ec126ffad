import { translatorFor } from "@/lib/i18n/translator";
import { Heading, Text } from "react-email";
import { EmailLayout } from "./components/layout";
import { colors, type Language } from "./components/theme";

export type EmailChangeNoticeProps = {
  /** "requested": a confirmation link went to the new address; "changed": the new address is now in use. */
  stage: "requested" | "changed";
  /** Masked (n•••@example.com): this mail goes to the old address, which may no longer be the person's. */
  maskedNewAddress: string;
  language: Language;
};

export function emailChangeNoticeSubject(stage: EmailChangeNoticeProps["stage"], language: Language): string {
  return translatorFor(language)(`emails.emailChangeNotice.subject.${stage}`);
}

const previewProps: EmailChangeNoticeProps = {
  stage: "requested",
  maskedNewAddress: "n•••@example.com",
  language: "en",
};

/** Transactional, sent to the OLD address, so a change nobody asked for does not go unnoticed. */
export default function EmailChangeNoticeEmail({
  stage = previewProps.stage,
  maskedNewAddress = previewProps.maskedNewAddress,
  language = previewProps.language,
}: Partial<EmailChangeNoticeProps>) {
  const t = translatorFor(language);
  const body = t(`emails.emailChangeNotice.body.${stage}`, { address: maskedNewAddress });
  return (
    <EmailLayout language={language} title={t(`emails.emailChangeNotice.subject.${stage}`)} preview={body}>
      <Heading as="h1" style={{ color: colors.text, fontSize: "24px", lineHeight: "32px", margin: "0 0 16px" }}>
        {t(`emails.emailChangeNotice.subject.${stage}`)}
      </Heading>
      <Text style={{ fontSize: "16px", lineHeight: "24px", margin: "0 0 16px" }}>{body}</Text>
      <Text style={{ color: colors.muted, fontSize: "14px", lineHeight: "20px", margin: 0 }}>
        {t("emails.emailChangeNotice.notYou")}
      </Text>
    </EmailLayout>
  );
}

EmailChangeNoticeEmail.PreviewProps = previewProps;
