import { translatorFor } from "@/lib/i18n/translator";
import { Heading, Text } from "react-email";
import { EmailLayout } from "./components/layout";
import { colors, type Language } from "./components/theme";

export type PrivacyReplyTemplate = "received" | "extended" | "completed" | "clarify";

export type PrivacyRequestReplyProps = {
  template: PrivacyReplyTemplate;
  language: Language;
  name: string;
  /** The request's kind in words, in the person's language. */
  type: string;
  received: string;
  due: string;
  reason: string;
  /** What the handler wrote, shown as its own paragraphs (may be empty except for "clarify"). */
  message: string;
  reference: string;
};

export function privacyRequestReplySubject(language: Language, template: PrivacyReplyTemplate): string {
  return translatorFor(language)(`emails.privacyRequestReply.subject.${template}`);
}

const previewProps: PrivacyRequestReplyProps = {
  template: "received",
  language: "sv",
  name: "Lena Svensson",
  type: "tillgång (registerutdrag)",
  received: "2026-12-01",
  due: "2027-01-01",
  reason: "",
  message: "",
  reference: "cm4x7k2p",
};

const paragraph = { fontSize: "16px", lineHeight: "24px", margin: "0 0 16px" };

/**
 * A privacy request handler's reply to the person (GDPR Art. 12): a fixed opening per template in the person's
 * language (received with the due date, extended with the new date and the reason Art. 12(3) requires, completed, a
 * question), the handler's own words, and the request's reference. Replies go to the privacy contact (Reply-To).
 */
export default function PrivacyRequestReplyEmail(props: Partial<PrivacyRequestReplyProps>) {
  const p = { ...previewProps, ...props };
  const t = translatorFor(p.language);
  const intro = t(`emails.privacyRequestReply.intro.${p.template}`, {
    type: p.type,
    received: p.received,
    due: p.due,
    reason: p.reason,
  });
  return (
    <EmailLayout language={p.language} title={privacyRequestReplySubject(p.language, p.template)} preview={intro}>
      <Heading as="h1" style={{ color: colors.text, fontSize: "24px", lineHeight: "32px", margin: "0 0 16px" }}>
        {privacyRequestReplySubject(p.language, p.template)}
      </Heading>
      <Text style={paragraph}>{t("emails.privacyRequestReply.greeting", { name: p.name })}</Text>
      <Text style={paragraph}>{intro}</Text>
      {p.message
        .split(/\n\s*\n/)
        .map((para) => para.trim())
        .filter(Boolean)
        .map((para, i) => (
          <Text key={i} style={{ ...paragraph, whiteSpace: "pre-line" }}>
            {para}
          </Text>
        ))}
      <Text style={paragraph}>{t("emails.privacyRequestReply.signature")}</Text>
      <Text style={{ color: colors.muted, fontSize: "14px", lineHeight: "20px", margin: 0 }}>
        {t("emails.privacyRequestReply.replyHint", { reference: p.reference })}
      </Text>
    </EmailLayout>
  );
}

PrivacyRequestReplyEmail.PreviewProps = previewProps;
