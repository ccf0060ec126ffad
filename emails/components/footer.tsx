import { translatorFor } from "@/lib/i18n/translator";
import { Link, Section, Text } from "react-email";
import { colors, type Language } from "./theme";

export type EmailFooterProps = {
  /** The recipient's own preference-center page. */
  preferencesUrl: string;
  /** One-click unsubscribe page for this mailing; "" for a required notice, which no unsubscribe stops (no link). */
  unsubscribeUrl: string;
  /** Why this person gets the mail, already in the mail's language. */
  reason: string;
  language: Language;
};

/** Preview fixtures; also the defaults so the preview server renders the footer on its own. */
export const footerPreviewProps: EmailFooterProps = {
  preferencesUrl: "https://prefs.example.com/p/preview-token",
  unsubscribeUrl: "https://prefs.example.com/u/preview-token",
  reason: "You receive this as system administrator at Acme AB.",
  language: "en",
};

const linkStyle = { color: colors.link, textDecoration: "underline" } as const;

/** Footer of marketing mail: why the person receives it, and real links to change or stop it. */
export function EmailFooter({
  preferencesUrl = footerPreviewProps.preferencesUrl,
  unsubscribeUrl = footerPreviewProps.unsubscribeUrl,
  reason = footerPreviewProps.reason,
  language = footerPreviewProps.language,
}: Partial<EmailFooterProps>) {
  const t = translatorFor(language);
  return (
    <Section style={{ backgroundColor: colors.footerBackground, padding: "16px 32px", textAlign: "center" }}>
      <Text style={{ color: colors.muted, fontSize: "14px", lineHeight: "20px", margin: "0 0 8px" }}>{reason}</Text>
      <Text style={{ color: colors.muted, fontSize: "14px", lineHeight: "20px", margin: 0 }}>
        <Link href={preferencesUrl} style={linkStyle}>
          {t("emails.footer.preferences")}
        </Link>
        {unsubscribeUrl ? (
          <>
            {" · "}
            <Link href={unsubscribeUrl} style={linkStyle}>
              {t("emails.footer.unsubscribe")}
            </Link>
          </>
        ) : null}
      </Text>
    </Section>
  );
}
