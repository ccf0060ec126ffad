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

const texts = {
  sv: {
    subject: { requested: "Byte av e-postadress begärt", changed: "Din e-postadress har bytts" },
    body: {
      requested: (a: string) =>
        `Någon har bett oss byta e-postadressen för dina kontaktuppgifter till ${a}. Ingenting ändras förrän bytet bekräftas via en länk som skickats till den nya adressen.`,
      changed: (a: string) =>
        `E-postadressen för dina kontaktuppgifter är nu ${a}. Vi skickar inget mer till den här adressen, och länkar i tidigare mejl slutar fungera.`,
    },
    notYou:
      "Var det inte du? Svara på det här mejlet eller kontakta oss, så hjälper vi dig. Ingen kan se dina uppgifter utan en länk som skickas till adressen vi har sparat.",
  },
  en: {
    subject: { requested: "Email address change requested", changed: "Your email address has been changed" },
    body: {
      requested: (a: string) =>
        `Someone asked us to change the email address of your contact details to ${a}. Nothing changes until the change is confirmed through a link sent to the new address.`,
      changed: (a: string) =>
        `The email address of your contact details is now ${a}. We will send nothing more to this address, and links in earlier mail stop working.`,
    },
    notYou:
      "Was this not you? Reply to this mail or contact us and we will help. Nobody can see your details without a link sent to the address we have on record.",
  },
} as const;

export function emailChangeNoticeSubject(stage: EmailChangeNoticeProps["stage"], language: Language): string {
  return texts[language].subject[stage];
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
  const t = texts[language];
  const body = t.body[stage](maskedNewAddress);
  return (
    <EmailLayout language={language} title={t.subject[stage]} preview={body}>
      <Heading as="h1" style={{ color: colors.text, fontSize: "24px", lineHeight: "32px", margin: "0 0 16px" }}>
        {t.subject[stage]}
      </Heading>
      <Text style={{ fontSize: "16px", lineHeight: "24px", margin: "0 0 16px" }}>{body}</Text>
      <Text style={{ color: colors.muted, fontSize: "14px", lineHeight: "20px", margin: 0 }}>{t.notYou}</Text>
    </EmailLayout>
  );
}

EmailChangeNoticeEmail.PreviewProps = previewProps;
