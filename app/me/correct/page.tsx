// Correct my data (GDPR Art. 16): name, phone, job title and language at once; a new email address after
// confirmation at that address; anything else as a request to staff.
import type { Metadata } from "next";
import { getMessages } from "@/lib/i18n/messages";
import { getI18n } from "@/lib/i18n/server";
import { currentRecipient } from "@/lib/recipients/current-recipient";
import { MeNav } from "../_components/me-nav";
import { recipientLang } from "../_components/recipient-lang";
import { SessionEnded } from "../_components/session-ended";
import { CorrectForms } from "./correct-forms";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export const dynamic = "force-dynamic";

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t.myData.correct.title, robots: { index: false, follow: false } };
}

export default async function CorrectPage({ searchParams }: Props) {
  const query = await searchParams;
  const recipient = await currentRecipient();
  if (!recipient) return <SessionEnded lang={(await getI18n(searchParams)).lang} />;
  const c = recipient.contact;
  const lang = recipientLang(query, c.language);
  const m = getMessages(lang).myData;
  const t = m.correct;
  return (
    <div lang={lang}>
      <MeNav lang={lang} current="correct" />
      <h1>{t.heading}</h1>
      <p className="lead">{t.lead}</p>
      <CorrectForms
        lang={lang}
        current={{ name: c.name, phone: c.phone ?? "", jobTitle: c.jobTitle ?? "", language: c.language }}
        texts={{
          name: t.name,
          phone: t.phone,
          phoneHint: t.phoneHint,
          jobTitle: t.jobTitle,
          language: t.language,
          languages: m.me.languages,
          save: t.save,
          emailHeading: t.emailHeading,
          emailText: t.emailText,
          email: t.email,
          emailButton: t.emailButton,
          otherHeading: t.otherHeading,
          otherText: t.otherText,
          details: t.details,
          otherButton: t.otherButton,
        }}
      />
    </div>
  );
}
