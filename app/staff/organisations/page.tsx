import type { Metadata } from "next";
import Link from "next/link";
import { requireStaff } from "@/lib/auth/current-staff";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { getI18n } from "@/lib/i18n/server";
import { listAccountManagers, listOrganisations } from "@/lib/organisations/list-organisations";
import { RELATIONSHIPS } from "@/lib/enums";
import { first } from "@/app/staff/_components/format";
import { Pagination } from "@/app/staff/_components/pagination";
import { PageHeader } from "@/app/staff/_components/page-header";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
export const dynamic = "force-dynamic";

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t("register.organisations.title") };
}

export default async function OrganisationsPage({ searchParams }: Props) {
  const staff = await requireStaff("organisations.read", { returnTo: "/staff/organisations" });
  const query = await searchParams;
  const { t } = await getI18n(searchParams);
  const db = await getDb();
  const filters = {
    q: first(query.q),
    relationship: first(query.relationship),
    accountManagerId: first(query.accountManagerId),
  };
  const [result, managers] = await Promise.all([
    listOrganisations({ db, query: { ...filters, page: Number(first(query.page)) || 1 } }),
    listAccountManagers({ db }),
  ]);
  return (
    <article aria-labelledby="orgs-heading">
      <PageHeader id="orgs-heading" title={t("register.organisations.heading")}>
        {can(staff, "organisations.write") ? (
          <Link href="/staff/organisations/new" className="button">
            {t("register.organisations.create")}
          </Link>
        ) : null}
      </PageHeader>
      <form method="get" role="search" aria-label={t("register.organisations.heading")} className="filter-bar">
        <div className="field">
          <label className="field__label" htmlFor="q">
            {t("register.organisations.searchLabel")}
          </label>
          <input id="q" name="q" type="search" className="field__input" defaultValue={filters.q} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="relationship">
            {t("register.organisations.relationshipLabel")}
          </label>
          <select id="relationship" name="relationship" className="field__input" defaultValue={filters.relationship}>
            <option value="">{t("register.common.all")}</option>
            {RELATIONSHIPS.map((r) => (
              <option key={r} value={r}>
                {t(`enums.relationship.label.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="accountManagerId">
            {t("register.organisations.accountManagerLabel")}
          </label>
          <select
            id="accountManagerId"
            name="accountManagerId"
            className="field__input"
            defaultValue={filters.accountManagerId}
          >
            <option value="">{t("register.common.all")}</option>
            <option value="none">{t("register.organisations.noAccountManager")}</option>
            {managers.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name ?? m.email}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t("register.common.search")}
        </button>
      </form>
      <p role="status">
        {t("register.common.pageOf", { page: result.page, pages: result.pages, total: result.total })}
      </p>
      {result.rows.length === 0 ? (
        <p>{t("register.organisations.empty")}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{t("register.organisations.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("register.organisations.columns.name")}</th>
                <th scope="col">{t("register.organisations.columns.orgNumber")}</th>
                <th scope="col">{t("register.organisations.columns.relationship")}</th>
                <th scope="col">{t("register.organisations.columns.manager")}</th>
                <th scope="col">{t("register.organisations.columns.contacts")}</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link href={`/staff/organisations/${r.id}`}>{r.name}</Link>
                  </td>
                  <td>{r.orgNumber ?? ""}</td>
                  <td>{t(`enums.relationship.label.${r.relationship}`)}</td>
                  <td>{r.accountManager ? (r.accountManager.name ?? r.accountManager.email) : ""}</td>
                  <td>{r._count.roles}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination base="/staff/organisations" query={filters} page={result.page} pages={result.pages} />
    </article>
  );
}
