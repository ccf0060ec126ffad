import type { Metadata } from "next";
import Link from "@/app/_components/link";
import { notFound } from "next/navigation";
import { requireStaff } from "@/lib/auth/current-staff";
import { loadOrganisationForStaff } from "@/lib/access/load-organisation-for-staff";
import { getDb } from "@/lib/db/client";
import { getI18n } from "@/lib/i18n/server";
import { getOrganisation } from "@/lib/organisations/get-organisation";
import { day, first } from "@/app/staff/_components/format";
import { Notice } from "@/app/staff/_components/notice";
import { DataTable } from "@/app/staff/_components/kit/data-table";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};
export const dynamic = "force-dynamic";

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t("register.organisations.title") };
}

export default async function OrganisationPage({ params, searchParams }: Props) {
  const { id } = await params;
  const staff = await requireStaff("organisations.read", { returnTo: `/staff/organisations/${id}` });
  const { t } = await getI18n(searchParams);
  const db = await getDb();
  const org = await getOrganisation({ db, id });
  if (!org) notFound();
  const status = first((await searchParams).status);
  const message =
    status === "created"
      ? t("register.organisations.created")
      : status === "saved"
        ? t("register.common.saved")
        : undefined;
  const writable = (await loadOrganisationForStaff({ db, staff, id, permission: "organisations.write" })).ok;
  return (
    <article aria-labelledby="org-heading">
      <h1 id="org-heading">{org.name}</h1>
      <Notice message={message} />
      {writable ? (
        <p>
          <Link href={`/staff/organisations/${org.id}/edit`} className="button">
            {t("register.common.edit")}
          </Link>
        </p>
      ) : (
        <p className="muted">{t("register.common.readOnly")}</p>
      )}
      <h2>{t("register.organisations.details")}</h2>
      <dl>
        <dt>{t("register.organisations.orgNumber")}</dt>
        <dd>{org.orgNumber ?? "–"}</dd>
        <dt>{t("register.organisations.relationship")}</dt>
        <dd>{t(`enums.relationship.label.${org.relationship}`)}</dd>
        <dt>{t("register.organisations.start")}</dt>
        <dd>{day(org.relationshipStart) || "–"}</dd>
        <dt>{t("register.organisations.end")}</dt>
        <dd>{day(org.relationshipEnd) || t("register.organisations.ongoing")}</dd>
        <dt>{t("register.organisations.accountManager")}</dt>
        <dd>
          {org.accountManager
            ? (org.accountManager.name ?? org.accountManager.email)
            : t("register.organisations.noAccountManager")}
        </dd>
      </dl>
      <h2>{t("register.organisations.retentionHeading")}</h2>
      <p data-testid="org-retention">
        {org.retention.kind === "ongoing"
          ? t("register.organisations.retentionOngoing", { years: org.retention.years })
          : t("register.organisations.retentionDate", { date: day(org.retention.deleteBy) })}
      </p>
      <h2>{t("register.organisations.contactsHeading")}</h2>
      <DataTable
        caption={t("register.organisations.contactsHeading")}
        rows={org.roles}
        empty={<p>{t("register.organisations.noContacts")}</p>}
        columns={[
          {
            key: "contact",
            header: t("register.organisations.roleColumns.contact"),
            cell: (r) => <Link href={`/staff/contacts/${r.contact.id}`}>{r.contact.name}</Link>,
          },
          {
            key: "role",
            header: t("register.organisations.roleColumns.role"),
            cell: (r) => `${t(`enums.roleType.label.${r.type}`)}${r.title ? ` (${r.title})` : ""}`,
          },
          {
            key: "starts",
            header: t("register.organisations.roleColumns.starts"),
            nowrap: true,
            cell: (r) => day(r.startsOn),
          },
          {
            key: "ends",
            header: t("register.organisations.roleColumns.ends"),
            nowrap: true,
            cell: (r) => day(r.endsOn) || t("register.organisations.ongoing"),
          },
        ]}
      />
    </article>
  );
}
