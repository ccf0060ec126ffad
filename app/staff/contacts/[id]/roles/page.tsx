import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { FORBIDDEN_PATH, requireStaff } from "@/lib/auth/current-staff";
import { listOrganisationsForStaff } from "@/lib/access/list-organisations-for-staff";
import { getDb } from "@/lib/db/client";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { getI18n } from "@/lib/i18n/server";
import { loadContactNameForStaff } from "@/lib/contacts/load-contact-for-editing";
import { ROLE_TYPES } from "@/lib/enums";
import { AddRoleForm } from "./add-role-form";
import { today } from "@/app/staff/_components/format";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};
export const dynamic = "force-dynamic";

const ADD_ROLE_FORM_MESSAGES = [
  "staff.kit.organisationPicker",
  "register.contacts.addRole",
  "register.contacts.organisationLabel",
  "register.contacts.roleTitle",
  "register.contacts.roleTypeLabel",
  "register.contacts.startsOn",
  "register.organisations.dateHint",
];

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t("register.contacts.addRoleHeading") };
}

export default async function AddRolePage({ params, searchParams }: Props) {
  const { id } = await params;
  const staff = await requireStaff("roles.write", { returnTo: `/staff/contacts/${id}/roles` });
  const { lang, t } = await getI18n(searchParams);
  const db = await getDb();
  const contact = await loadContactNameForStaff({ db, staff, id, permission: "roles.write" });
  if (!contact.ok) {
    if (contact.code === "not_found") notFound();
    redirect(FORBIDDEN_PATH);
  }
  // Only the organisations where the caller may add roles (account managers: the ones they manage).
  const organisations = await listOrganisationsForStaff({ db, staff, permission: "roles.write" });
  return (
    <article aria-labelledby="add-role-heading">
      <h1 id="add-role-heading">
        {t("register.contacts.addRoleHeading")}: {contact.name}
      </h1>
      <ClientMessages lang={lang} paths={ADD_ROLE_FORM_MESSAGES}>
        <AddRoleForm
          id={id}
          today={today()}
          organisations={
            organisations.kind === "list"
              ? {
                  kind: "list",
                  options: [
                    { value: "", label: t("register.common.none") },
                    ...organisations.organisations.map((o) => ({ value: o.id, label: o.name })),
                  ],
                }
              : { kind: "search" }
          }
          roleTypes={ROLE_TYPES.map((k) => ({ value: k, label: t(`enums.roleType.label.${k}`) }))}
        />
      </ClientMessages>
    </article>
  );
}
