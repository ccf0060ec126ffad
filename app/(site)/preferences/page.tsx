import type { Metadata } from "next";
import Link from "@/app/_components/link";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { getI18n } from "@/lib/i18n/server";
import { LINK_VALID_DAYS } from "@/lib/recipients/request-link-by-email";
import { SendLinkForm } from "./send-link-form";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t("preferences.title") };
}

// Where people land without a link: explains the footer link and mails a fresh one on request. The form's answer is
// the same for every well-formed address (app/preferences/actions.ts).
export default async function PreferencesPage({ searchParams }: Props) {
  const { lang, t } = await getI18n(searchParams);
  return (
    <article className="prose">
      <h1>{t("preferences.heading")}</h1>
      <p className="lead">{t("preferences.intro")}</p>
      <p>{t("preferences.keepPrivate")}</p>
      <ClientMessages lang={lang} paths={["publicPages.sendLink"]}>
        <SendLinkForm linkValidDays={LINK_VALID_DAYS} />
      </ClientMessages>
      <p>
        <Link href="/">{t("preferences.back")}</Link>
      </p>
    </article>
  );
}
