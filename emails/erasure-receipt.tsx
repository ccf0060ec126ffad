import { Heading, Text } from "react-email";
import { EmailLayout } from "./components/layout";
import { colors, type Language } from "./components/theme";

export type ErasureReceiptProps = { erasedOn: string; reference: string; language: Language };

const texts = {
  sv: {
    subject: "Dina uppgifter är raderade",
    body: (d: string) =>
      `Den ${d} raderade vi alla dina personuppgifter ur vårt kontaktregister, som du bad om. Det här är det sista mejlet vi skickar till den här adressen.`,
    kept: "Vi sparar bara en kod som räknats fram ur din e-postadress och inte går att räkna tillbaka. Den gör att du inte får fler utskick och inte läggs till igen av misstag.",
    reference: (r: string) => `Referens för din begäran: ${r}`,
  },
  en: {
    subject: "Your data has been erased",
    body: (d: string) =>
      `On ${d} we erased all your personal data from our contact register, as you asked. This is the last mail we send to this address.`,
    kept: "We keep only a code derived from your email address that cannot be turned back into it. It makes sure you get no more mailings and are not added again by mistake.",
    reference: (r: string) => `Reference for your request: ${r}`,
  },
} as const;

export function erasureReceiptSubject(language: Language): string {
  return texts[language].subject;
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
  const t = texts[language];
  return (
    <EmailLayout language={language} title={t.subject} preview={t.body(erasedOn)}>
      <Heading as="h1" style={{ color: colors.text, fontSize: "24px", lineHeight: "32px", margin: "0 0 16px" }}>
        {t.subject}
      </Heading>
      <Text style={{ fontSize: "16px", lineHeight: "24px", margin: "0 0 16px" }}>{t.body(erasedOn)}</Text>
      <Text style={{ fontSize: "16px", lineHeight: "24px", margin: "0 0 16px" }}>{t.kept}</Text>
      <Text style={{ color: colors.muted, fontSize: "14px", lineHeight: "20px", margin: 0 }}>
        {t.reference(reference)}
      </Text>
    </EmailLayout>
  );
}

ErasureReceiptEmail.PreviewProps = previewProps;
