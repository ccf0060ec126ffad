import { Heading, Text } from "react-email";
import { translatorFor } from "@/lib/i18n/translator";
import { EmailFooter, footerPreviewProps, type EmailFooterProps } from "./components/footer";
import { EmailLayout } from "./components/layout";
import { colors } from "./components/theme";

export type RegistrationNoticeProps = EmailFooterProps & {
  heading: string;
  /** The person's category in the register, in the mail's language (the policy's name). */
  category: string;
  /** What their data is used for: the purposes with a recorded basis, joined, in the mail's language. */
  purposes: string;
  /** Until when at the latest: a date, or the rule while the relationship lasts (computeDeletionDate). */
  deleteBy: string;
  preview?: string;
};

const previewProps: RegistrationNoticeProps = {
  ...footerPreviewProps,
  unsubscribeUrl: "",
  heading: "You are in our contact register",
  category: "Customer contact",
  purposes: "customer service, service notices",
  deleteBy: "14 March 2029",
};

const paragraph = { fontSize: "16px", lineHeight: "24px", margin: "0 0 16px" } as const;

/**
 * The yearly registration notice (lib/notices): that the person is registered, why, until when at the latest, and
 * the footer's link to their own page. A required notice: no unsubscribe link.
 */
export default function RegistrationNoticeEmail({
  heading = previewProps.heading,
  category = previewProps.category,
  purposes = previewProps.purposes,
  deleteBy = previewProps.deleteBy,
  preview,
  preferencesUrl = previewProps.preferencesUrl,
  unsubscribeUrl = previewProps.unsubscribeUrl,
  reason = previewProps.reason,
  language = previewProps.language,
}: Partial<RegistrationNoticeProps>) {
  const t = translatorFor(language);
  return (
    <EmailLayout
      language={language}
      title={heading}
      preview={preview ?? heading}
      footer={
        <EmailFooter
          preferencesUrl={preferencesUrl}
          unsubscribeUrl={unsubscribeUrl}
          reason={reason}
          language={language}
        />
      }
    >
      <Heading as="h1" style={{ color: colors.text, fontSize: "24px", lineHeight: "32px", margin: "0 0 16px" }}>
        {heading}
      </Heading>
      <Text style={paragraph}>{t("emails.registrationNotice.registered", { category })}</Text>
      <Text style={paragraph}>{t("emails.registrationNotice.purposes", { purposes })}</Text>
      <Text style={paragraph}>{t("emails.registrationNotice.deleteBy", { deleteBy })}</Text>
      <Text style={paragraph}>{t("emails.registrationNotice.yourPage")}</Text>
    </EmailLayout>
  );
}

RegistrationNoticeEmail.PreviewProps = previewProps;
