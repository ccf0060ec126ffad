// Erase on request: a confirmation step before the same erasure use-case as self-service.
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { FORBIDDEN_PATH, requireStaff } from "@/lib/auth/current-staff";
import { loadContactNameForStaff } from "@/lib/contacts/load-contact-for-editing";
import { getDb } from "@/lib/db/client";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { getI18n } from "@/lib/i18n/server";
import { ERASURE_CHANNELS } from "@/lib/enums";
import { EraseForm } from "./erase-form";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};
export const dynamic = "force-dynamic";

const ERASE_FORM_MESSAGES = ["register.contacts.channel", "register.contacts.confirm", "register.contacts.eraseButton"];

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t("register.contacts.eraseTitle") };
}

export default async function EraseContactPage({ params, searchParams }: Props) {
  const { id } = await params;
  const staff = await requireStaff("contacts.erase", { returnTo: `/staff/contacts/${id}/erase` });
  const { lang, t } = await getI18n(searchParams);
  const contact = await loadContactNameForStaff({ db: await getDb(), staff, id, permission: "contacts.erase" });
  if (!contact.ok) {
    if (contact.code === "not_found") notFound();
    redirect(FORBIDDEN_PATH);
  }
  return (
    <article aria-labelledby="erase-heading">
      <h1 id="erase-heading">{t("register.contacts.eraseHeading", { name: contact.name })}</h1>
      <p className="lead">{t("register.contacts.eraseLead")}</p>
      <ClientMessages lang={lang} paths={ERASE_FORM_MESSAGES}>
        <EraseForm
          id={id}
          channels={ERASURE_CHANNELS.map((c) => ({ value: c, label: t(`enums.requestChannel.${c}`) }))}
        />
      </ClientMessages>
    </article>
  );
}
