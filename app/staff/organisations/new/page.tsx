import type { Metadata } from "next";
import { requireStaff } from "@/lib/auth/current-staff";
import { getDb } from "@/lib/db/client";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { getI18n } from "@/lib/i18n/server";
import { listAccountManagers } from "@/lib/organisations/list-organisations";
import { ORGANISATION_FORM_MESSAGES, organisationFormProps } from "../form-props";
import { OrganisationForm } from "../organisation-form";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
export const dynamic = "force-dynamic";

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t("register.organisations.newTitle") };
}

export default async function NewOrganisationPage({ searchParams }: Props) {
  const staff = await requireStaff("organisations.write", { returnTo: "/staff/organisations/new" });
  const { lang, t } = await getI18n(searchParams);
  const managers = await listAccountManagers({ db: await getDb() });
  const values = { relationship: "PROSPECT", accountManagerId: staff.role === "ACCOUNT_MANAGER" ? staff.id : "" };
  return (
    <article aria-labelledby="org-new-heading">
      <h1 id="org-new-heading">{t("register.organisations.newTitle")}</h1>
      <ClientMessages lang={lang} paths={ORGANISATION_FORM_MESSAGES}>
        <OrganisationForm values={values} {...organisationFormProps(lang, staff, managers)} />
      </ClientMessages>
    </article>
  );
}
