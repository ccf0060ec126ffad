import { LinkMessage } from "./components/link-message";
import { EmailLayout } from "./components/layout";
import { translatorFor } from "@/lib/i18n/translator";
import type { Language } from "./components/theme";

export type LinkRequestEmailProps = {
  /** A fresh footer-scope link to the preference page. */
  url: string;
  /** How long the link works, in days (the preferences scope's lifetime). */
  validDays: number;
  language: Language;
};

export function linkRequestSubject(language: Language): string {
  return translatorFor(language)("emails.linkRequest.subject");
}

const previewProps: LinkRequestEmailProps = {
  url: "https://prefs.example.com/p/preview-token",
  validDays: 400,
  language: "en",
};

/** Transactional: the answer to "send me a link" on /preferences. No unsubscribe footer. */
export default function LinkRequestEmail({
  url = previewProps.url,
  validDays = previewProps.validDays,
  language = previewProps.language,
}: Partial<LinkRequestEmailProps>) {
  const t = translatorFor(language);
  const body = t("emails.linkRequest.body", { days: validDays });
  return (
    <EmailLayout language={language} title={t("emails.linkRequest.subject")} preview={body}>
      <LinkMessage
        heading={t("emails.linkRequest.heading")}
        body={body}
        url={url}
        button={t("emails.linkRequest.button")}
        fallback={t("emails.common.fallback")}
        note={t("emails.linkRequest.ignore")}
      />
    </EmailLayout>
  );
}

LinkRequestEmail.PreviewProps = previewProps;
