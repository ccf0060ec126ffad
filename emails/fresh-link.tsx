import { LinkMessage } from "./components/link-message";
import { EmailLayout } from "./components/layout";
import { translatorFor } from "@/lib/i18n/translator";
import type { Language } from "./components/theme";

export type FreshLinkEmailProps = {
  /** A new footer-scope link to the preference page. */
  url: string;
  language: Language;
};

export function freshLinkSubject(language: Language): string {
  return translatorFor(language)("emails.freshLink.subject");
}

const previewProps: FreshLinkEmailProps = { url: "https://prefs.example.com/p/preview-token", language: "en" };

/** Transactional: sent when a link did not work and the person asked for a new one. No unsubscribe footer. */
export default function FreshLinkEmail({
  url = previewProps.url,
  language = previewProps.language,
}: Partial<FreshLinkEmailProps>) {
  const t = translatorFor(language);
  return (
    <EmailLayout language={language} title={t("emails.freshLink.subject")} preview={t("emails.freshLink.body")}>
      <LinkMessage
        heading={t("emails.freshLink.heading")}
        body={t("emails.freshLink.body")}
        url={url}
        button={t("emails.freshLink.button")}
        fallback={t("emails.common.fallback")}
        note={t("emails.freshLink.ignore")}
      />
    </EmailLayout>
  );
}

FreshLinkEmail.PreviewProps = previewProps;
