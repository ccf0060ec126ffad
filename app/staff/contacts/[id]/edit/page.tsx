import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { FORBIDDEN_PATH, requireStaff } from "@/lib/auth/current-staff";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { getI18n } from "@/lib/i18n/server";
import { loadContactForStaff } from "@/lib/access/load-contact-for-staff";
import { CATEGORIES } from "@/lib/staff-register/schemas";
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
  const db = await getDb();
  const access = await loadContactForStaff({ db, staff, id, permission: "contacts.write" });
  if (!access.ok) {
    if (access.code === "not_found") notFound();
    redirect(FORBIDDEN_PATH);
  }
  // contacts.write implies contacts.readPhone for every role that holds it; read only the fields the form edits.
  const c = await db.contact.findUniqueOrThrow({
    where: { id },
    select: { name: true, email: true, phone: true, jobTitle: true, language: true, category: true },
  });
  return (
    <article aria-labelledby="contact-edit-heading">
      <h1 id="contact-edit-heading">{t("register.contacts.editTitle", { name: c.name })}</h1>
      <ClientMessages lang={lang} paths={CONTACT_FORM_MESSAGES}>
        <ContactForm
          id={id}
          showPhone={can(staff, "contacts.readPhone")}
          values={{
            name: c.name,
            email: c.email,
            phone: can(staff, "contacts.readPhone") ? (c.phone ?? "") : "",
            jobTitle: c.jobTitle ?? "",
            language: c.language,
            category: c.category,
          }}
          languages={[
            { value: "sv", label: t("register.languages.sv") },
            { value: "en", label: t("register.languages.en") },
          ]}
          categories={CATEGORIES.map((k) => ({ value: k, label: t(`enums.contactCategory.label.${k}`) }))}
        />
      </ClientMessages>
    </article>
  );
}
