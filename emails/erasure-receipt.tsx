import { translatorFor } from "@/lib/i18n/translator";
import { Heading, Text } from "react-email";
import { EmailLayout } from "./components/layout";
import { colors, type Language } from "./components/theme";

export type ErasureReceiptProps = { erasedOn: string; reference: string; language: Language };

export function erasureReceiptSubject(language: Language): string {
  return translatorFor(language)("emails.erasureReceipt.subject");
}

const previewProps: ErasureReceiptProps = { erasedOn: "2026-11-24", reference: "3f9a1c0b7d2e", language: "en" };

/**
 * Transactional receipt, queued with the erasure and sent by the worker just after; the queued copy is deleted once
 * sent, and with it the last trace of the address. It names no personal data (not even the name):
 * the copy kept by a mail provider should hold as little as possible.
 */
export default function ErasureReceiptEmail({
  erasedOn = previewProps.erasedOn,
  reference = previewProps.reference,
  language = previewProps.language,
}: Partial<ErasureReceiptProps>) {
  const t = translatorFor(language);
  return (
    <EmailLayout
      language={language}
      title={t("emails.erasureReceipt.subject")}
      preview={t("emails.erasureReceipt.body", { date: erasedOn })}
    >
      <Heading as="h1" style={{ color: colors.text, fontSize: "24px", lineHeight: "32px", margin: "0 0 16px" }}>
        {t("emails.erasureReceipt.subject")}
      </Heading>
      <Text style={{ fontSize: "16px", lineHeight: "24px", margin: "0 0 16px" }}>
        {t("emails.erasureReceipt.body", { date: erasedOn })}
      </Text>
      <Text style={{ fontSize: "16px", lineHeight: "24px", margin: "0 0 16px" }}>
        {t("emails.erasureReceipt.kept")}
      </Text>
      <Text style={{ color: colors.muted, fontSize: "14px", lineHeight: "20px", margin: 0 }}>
        {t("emails.erasureReceipt.reference", { reference })}
      </Text>
    </EmailLayout>
  );
}

ErasureReceiptEmail.PreviewProps = previewProps;
