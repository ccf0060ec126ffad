import type { Metadata } from "next";
import Link from "next/link";
import { requireStaff } from "@/lib/auth/current-staff";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { getI18n } from "@/lib/i18n/server";
import { listAccountManagers, listOrganisations } from "@/lib/organisations/list-organisations";
import { RELATIONSHIPS } from "@/lib/enums";
import { day, first } from "@/app/staff/_components/format";
import { KeysetPagination } from "@/app/staff/_components/kit/keyset-pagination";
import { SortHeader } from "@/app/staff/_components/kit/sort-header";
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
    sort: first(query.sort),
    dir: first(query.dir),
  };
  const [result, managers] = await Promise.all([
    listOrganisations({ db, query: { ...filters, after: first(query.after), before: first(query.before) } }),
    listAccountManagers({ db }),
  ]);
  const sorted = { sort: result.sort, dir: result.dir };
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
      <p role="status" data-testid="organisation-total">
        {t("register.organisations.total", { total: result.total })}
      </p>
      {result.rows.length === 0 ? (
        <p>{t("register.organisations.empty")}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{t("register.organisations.caption")}</caption>
            <thead>
              <tr>
                <SortHeader
                  column="name"
                  label={t("register.organisations.columns.name")}
                  actionLabel={t("register.contacts.list.sortAction", {
                    column: t("register.organisations.columns.name"),
                    direction: t(
                      `register.contacts.list.directions.${sorted.sort === "name" && sorted.dir === "asc" ? "nameDesc" : "nameAsc"}`,
                    ),
                  })}
                  current={sorted}
                  base="/staff/organisations"
                  query={filters}
                />
                <th scope="col">{t("register.organisations.columns.orgNumber")}</th>
                <th scope="col">{t("register.organisations.columns.relationship")}</th>
                <th scope="col">{t("register.organisations.columns.manager")}</th>
                <th scope="col">{t("register.organisations.columns.contacts")}</th>
                <SortHeader
                  column="created"
                  label={t("register.contacts.columns.created")}
                  actionLabel={t("register.contacts.list.sortAction", {
                    column: t("register.contacts.columns.created"),
                    direction: t(
                      `register.contacts.list.directions.${sorted.sort === "created" && sorted.dir === "asc" ? "createdDesc" : "createdAsc"}`,
                    ),
                  })}
                  current={sorted}
                  base="/staff/organisations"
                  query={filters}
                />
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
                  <td>{day(r.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <KeysetPagination base="/staff/organisations" query={filters} previous={result.previous} next={result.next} />
    </article>
  );
}
