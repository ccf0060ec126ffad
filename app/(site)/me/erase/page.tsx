// Erase me (GDPR Art. 17): what erasure means, what is kept (a keyed hash of the address) and, when it applies, what
// it means for a contract role; then an explicit confirmation.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getContactRecord } from "@/lib/contacts/get-contact-record";
import { getDb } from "@/lib/db/client";
import { activeContractOrganisations } from "@/lib/organisations/active-contract-organisations";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { getI18n } from "@/lib/i18n/server";
import { currentRecipient } from "@/lib/recipients/current-recipient";
import { MeNav } from "../_components/me-nav";
import { SessionEnded } from "../_components/session-ended";
import { EraseForm } from "./erase-form";
import { textsAt } from "@/lib/i18n/texts-at";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export const dynamic = "force-dynamic";

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t("myData.erase.title"), robots: { index: false, follow: false } };
}

export default async function ErasePage({ searchParams }: Props) {
  const { lang } = await getI18n(searchParams);
  const recipient = await currentRecipient();
  const record = recipient ? await getContactRecord({ db: await getDb(), contactId: recipient.contact.id }) : null;
  if (!recipient || !record) return <SessionEnded lang={lang} />;
  const t = await getTranslations({ locale: lang });
  const orgs = activeContractOrganisations(record.roles);
  return (
    <div lang={lang}>
      <MeNav lang={lang} current="erase" />
      <h1>{t("myData.erase.heading")}</h1>
      <p className="lead">{t("myData.erase.lead")}</p>
      <h2>{t("myData.erase.whatHeading")}</h2>
      <ul>
        {Object.values(textsAt(lang, "myData.erase.what")).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {orgs.length > 0 ? (
        <>
          <h2>{t("myData.erase.contractHeading")}</h2>
          <p>{t("myData.erase.contract", { orgs: orgs.join(", ") })}</p>
        </>
      ) : null}
      <ClientMessages lang={lang} paths={["myData.erase.confirm", "myData.erase.button"]}>
        <EraseForm />
      </ClientMessages>
    </div>
  );
}
