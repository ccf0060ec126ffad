import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { FORBIDDEN_PATH, requireStaff } from "@/lib/auth/current-staff";
import { loadOrganisationForStaff } from "@/lib/access/load-organisation-for-staff";
import { getDb } from "@/lib/db/client";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { getI18n } from "@/lib/i18n/server";
import { getOrganisation } from "@/lib/organisations/get-organisation";
import { listAccountManagers } from "@/lib/organisations/list-organisations";
import { day } from "@/app/staff/_components/format";
import { ORGANISATION_FORM_MESSAGES, organisationFormProps } from "../../form-props";
import { OrganisationForm } from "../../organisation-form";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};
export const dynamic = "force-dynamic";

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t("register.organisations.editTitle", { name: "" }) };
}

export default async function EditOrganisationPage({ params, searchParams }: Props) {
  const { id } = await params;
  const staff = await requireStaff("organisations.write", { returnTo: `/staff/organisations/${id}/edit` });
  const { lang, t } = await getI18n(searchParams);
  const db = await getDb();
  const access = await loadOrganisationForStaff({ db, staff, id, permission: "organisations.write" });
  if (!access.ok) {
    if (access.code === "not_found") notFound();
    redirect(FORBIDDEN_PATH);
  }
  const org = await getOrganisation({ db, id: access.organisation.id });
  if (!org) notFound();
  const managers = await listAccountManagers({ db });
  const values = {
    name: org.name,
    orgNumber: org.orgNumber ?? "",
    relationship: org.relationship,
    relationshipStart: day(org.relationshipStart),
    relationshipEnd: day(org.relationshipEnd),
    accountManagerId: org.accountManagerId ?? "",
  };
  return (
    <article aria-labelledby="org-edit-heading">
      <h1 id="org-edit-heading">{t("register.organisations.editTitle", { name: org.name })}</h1>
      <ClientMessages lang={lang} paths={ORGANISATION_FORM_MESSAGES}>
        <OrganisationForm id={org.id} values={values} {...organisationFormProps(lang, staff, managers)} />
      </ClientMessages>
    </article>
  );
}
