import { Heading, Text } from "react-email";
import { EmailFooter, footerPreviewProps, type EmailFooterProps } from "./components/footer";
import { EmailLayout } from "./components/layout";
import { colors } from "./components/theme";

export type MailingEmailProps = EmailFooterProps & {
  heading: string;
  /** Plain-text paragraphs, already in the mail's language. */
  paragraphs: string[];
  /** Inbox preview line; the first paragraph when left out. */
  preview?: string;
};

const previewProps: MailingEmailProps = {
  ...footerPreviewProps,
  heading: "Planned maintenance on 3 December",
  paragraphs: [
    "We will upgrade the storage platform in the Stockholm region between 22:00 and 23:00 CET.",
    "Running services are not affected. The control panel may be slow for a few minutes.",
  ],
};

/** Marketing or informational mailing: heading, paragraphs, and the footer with preferences and unsubscribe links. */
export default function MailingEmail({
  heading = previewProps.heading,
  paragraphs = previewProps.paragraphs,
  preview,
  preferencesUrl = previewProps.preferencesUrl,
  unsubscribeUrl = previewProps.unsubscribeUrl,
  reason = previewProps.reason,
  language = previewProps.language,
}: Partial<MailingEmailProps>) {
  return (
    <EmailLayout
      language={language}
      title={heading}
      preview={preview ?? paragraphs[0] ?? heading}
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
      {paragraphs.map((paragraph, i) => (
        <Text key={i} style={{ fontSize: "16px", lineHeight: "24px", margin: "0 0 16px" }}>
          {paragraph}
        </Text>
      ))}
    </EmailLayout>
  );
}

MailingEmail.PreviewProps = previewProps;
