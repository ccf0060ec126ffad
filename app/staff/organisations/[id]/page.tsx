import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireStaff } from "@/lib/auth/current-staff";
import { loadOrganisationForStaff } from "@/lib/access/load-organisation-for-staff";
import { getDb } from "@/lib/db/client";
import { getI18n } from "@/lib/i18n/server";
import { getOrganisation } from "@/lib/organisations/get-organisation";
import { day, first } from "../../contacts/_components/format";
import { Notice } from "../../contacts/_components/notice";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};
export const dynamic = "force-dynamic";

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t.register.organisations.title };
}

export default async function OrganisationPage({ params, searchParams }: Props) {
  const { id } = await params;
  const staff = await requireStaff("organisations.read", { returnTo: `/staff/organisations/${id}` });
  const { t } = await getI18n(searchParams);
  const o = t.register.organisations;
  const db = await getDb();
  const org = await getOrganisation({ db, id });
  if (!org) notFound();
  const status = first((await searchParams).status);
  const message = status === "created" ? o.created : status === "saved" ? t.register.common.saved : undefined;
  const writable = (await loadOrganisationForStaff({ db, staff, id, permission: "organisations.write" })).ok;
  return (
    <article aria-labelledby="org-heading">
      <h1 id="org-heading">{org.name}</h1>
      <Notice message={message} />
      {writable ? (
        <p>
          <Link href={`/staff/organisations/${org.id}/edit`} className="button">
            {t.register.common.edit}
          </Link>
        </p>
      ) : (
        <p className="muted">{t.register.common.readOnly}</p>
      )}
      <h2>{o.details}</h2>
      <dl>
        <dt>{o.orgNumber}</dt>
        <dd>{org.orgNumber ?? "–"}</dd>
        <dt>{o.relationship}</dt>
        <dd>{t.register.relationship[org.relationship]}</dd>
        <dt>{o.start}</dt>
        <dd>{day(org.relationshipStart) || "–"}</dd>
        <dt>{o.end}</dt>
        <dd>{day(org.relationshipEnd) || o.ongoing}</dd>
        <dt>{o.accountManager}</dt>
        <dd>{org.accountManager ? (org.accountManager.name ?? org.accountManager.email) : o.noAccountManager}</dd>
      </dl>
      <h2>{o.retentionHeading}</h2>
      <p data-testid="org-retention">
        {org.retention.kind === "ongoing"
          ? o.retentionOngoing(org.retention.years)
          : o.retentionDate(day(org.retention.deleteBy))}
      </p>
      <h2>{o.contactsHeading}</h2>
      {org.roles.length === 0 ? (
        <p>{o.noContacts}</p>
      ) : (
        <table>
          <caption className="visually-hidden">{o.contactsHeading}</caption>
          <thead>
            <tr>
              <th scope="col">{o.roleColumns.contact}</th>
              <th scope="col">{o.roleColumns.role}</th>
              <th scope="col">{o.roleColumns.starts}</th>
              <th scope="col">{o.roleColumns.ends}</th>
            </tr>
          </thead>
          <tbody>
            {org.roles.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link href={`/staff/contacts/${r.contact.id}`}>{r.contact.name}</Link>
                </td>
                <td>
                  {t.register.roleType[r.type]}
                  {r.title ? ` (${r.title})` : ""}
                </td>
                <td>{day(r.startsOn)}</td>
                <td>{day(r.endsOn) || o.ongoing}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}
