import type { Metadata } from "next";
import { getPolicy } from "@/lib/policy/current-policy";
import { categoryOptions } from "@/lib/policy/policy-labels";
import { notFound, redirect } from "next/navigation";
import { FORBIDDEN_PATH, requireStaff } from "@/lib/auth/current-staff";
import { getDb } from "@/lib/db/client";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { getI18n } from "@/lib/i18n/server";
import { loadContactForEditing } from "@/lib/contacts/load-contact-for-editing";

import { ContactForm } from "./contact-form";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};
export const dynamic = "force-dynamic";

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t("register.contacts.editTitle", { name: "" }) };
}

const CONTACT_FORM_MESSAGES = [
  "register.contacts.fields",
  "register.contacts.suppressedHeading",
  "register.contacts.editOverride",
  "register.contacts.editOverrideHint",
  "register.contacts.overrideReason",
  "register.common.save",
];

export default async function EditContactPage({ params, searchParams }: Props) {
  const { id } = await params;
  const staff = await requireStaff("contacts.write", { returnTo: `/staff/contacts/${id}/edit` });
  const { lang, t } = await getI18n(searchParams);
  const loaded = await loadContactForEditing({ db: await getDb(), staff, id });
  if (!loaded.ok) {
    if (loaded.code === "not_found") notFound();
    redirect(FORBIDDEN_PATH);
  }
  const c = loaded.contact;
  return (
    <article aria-labelledby="contact-edit-heading">
      <h1 id="contact-edit-heading">{t("register.contacts.editTitle", { name: c.name })}</h1>
      <ClientMessages lang={lang} paths={CONTACT_FORM_MESSAGES}>
        <ContactForm
          id={id}
          showPhone={loaded.mayReadPhone}
          values={{
            name: c.name,
            email: c.email,
            phone: c.phone ?? "",
            jobTitle: c.jobTitle ?? "",
            language: c.language,
            category: c.category,
            crmId: c.crmId ?? "",
            supportDeskId: c.supportDeskId ?? "",
          }}
          languages={[
            { value: "sv", label: t("register.languages.sv") },
            { value: "en", label: t("register.languages.en") },
          ]}
          categories={categoryOptions(getPolicy(), lang, c.category)}
        />
      </ClientMessages>
    </article>
  );
}
