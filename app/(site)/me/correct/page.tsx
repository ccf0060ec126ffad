// Correct my data (GDPR Art. 16): name, phone, job title and language at once; a new email address after
// confirmation at that address; anything else as a request to staff.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { getI18n } from "@/lib/i18n/server";
import { currentRecipient } from "@/lib/recipients/current-recipient";
import { MeNav } from "../_components/me-nav";
import { SessionEnded } from "../_components/session-ended";
import { CorrectForms } from "./correct-forms";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export const dynamic = "force-dynamic";

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t("myData.correct.title"), robots: { index: false, follow: false } };
}

export default async function CorrectPage({ searchParams }: Props) {
  const { lang } = await getI18n(searchParams);
  const recipient = await currentRecipient();
  if (!recipient) return <SessionEnded lang={lang} />;
  const c = recipient.contact;
  const t = await getTranslations({ locale: lang });
  return (
    <div lang={lang}>
      <MeNav lang={lang} current="correct" />
      <h1>{t("myData.correct.heading")}</h1>
      <p className="lead">{t("myData.correct.lead")}</p>
      <ClientMessages lang={lang} paths={["myData.correct", "myData.me.languages"]}>
        <CorrectForms
          current={{ name: c.name, phone: c.phone ?? "", jobTitle: c.jobTitle ?? "", language: c.language }}
        />
      </ClientMessages>
    </div>
  );
}
