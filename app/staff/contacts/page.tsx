import type { Metadata } from "next";
import Link from "next/link";
import { requireStaff } from "@/lib/auth/current-staff";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { getI18n } from "@/lib/i18n/server";
import { contactFilterOptions, listContacts } from "@/lib/contacts/list-contacts";
import { CATEGORIES, ROLE_TYPES } from "@/lib/enums";
import { first } from "@/app/staff/_components/format";
import { Notice } from "@/app/staff/_components/notice";
import { Pagination } from "@/app/staff/_components/pagination";
import { PageHeader } from "@/app/staff/_components/page-header";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
export const dynamic = "force-dynamic";

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t("register.contacts.title") };
}

function Select(props: {
  id: string;
  label: string;
  value: string;
  all: string;
  options: { value: string; label: string }[];
}) {
  return (
    <div className="field">
      <label className="field__label" htmlFor={props.id}>
        {props.label}
      </label>
      <select id={props.id} name={props.id} className="field__input" defaultValue={props.value}>
        <option value="">{props.all}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export default async function ContactsPage({ searchParams }: Props) {
  const staff = await requireStaff("contacts.read", { returnTo: "/staff/contacts" });
  const query = await searchParams;
  const { t, lang } = await getI18n(searchParams);
  const db = await getDb();
  const filters = {
    q: first(query.q),
    category: first(query.category),
    organisationId: first(query.organisationId),
    roleType: first(query.roleType),
    topicId: first(query.topicId),
    language: first(query.language),
    optedOut: first(query.optedOut),
  };
  const [result, options] = await Promise.all([
    listContacts({ db, query: { ...filters, page: Number(first(query.page)) || 1 } }),
    contactFilterOptions({ db }),
  ]);
  const erased = first(query.erased);
  return (
    <article aria-labelledby="contacts-heading">
      <PageHeader id="contacts-heading" title={t("register.contacts.heading")}>
        {can(staff, "contacts.write") ? (
          <Link href="/staff/contacts/new" className="button">
            {t("register.contacts.create")}
          </Link>
        ) : null}
      </PageHeader>
      <Notice message={erased ? t("register.contacts.erased", { ref: erased }) : undefined} />
      <form method="get" role="search" aria-label={t("register.contacts.heading")} className="filter-bar">
        <div className="field">
          <label className="field__label" htmlFor="q">
            {t("register.contacts.searchLabel")}
          </label>
          <input id="q" name="q" type="search" className="field__input" defaultValue={filters.q} />
        </div>
        <Select
          id="category"
          label={t("register.contacts.categoryLabel")}
          value={filters.category}
          all={t("register.common.all")}
          options={CATEGORIES.map((k) => ({ value: k, label: t(`enums.contactCategory.label.${k}`) }))}
        />
        <Select
          id="organisationId"
          label={t("register.contacts.organisationLabel")}
          value={filters.organisationId}
          all={t("register.common.all")}
          options={options.organisations.map((o) => ({ value: o.id, label: o.name }))}
        />
        <Select
          id="roleType"
          label={t("register.contacts.roleTypeLabel")}
          value={filters.roleType}
          all={t("register.common.all")}
          options={ROLE_TYPES.map((k) => ({ value: k, label: t(`enums.roleType.label.${k}`) }))}
        />
        <Select
          id="topicId"
          label={t("register.contacts.topicLabel")}
          value={filters.topicId}
          all={t("register.common.all")}
          options={options.topics.map((o) => ({ value: o.id, label: lang === "en" ? o.nameEn : o.nameSv }))}
        />
        <Select
          id="language"
          label={t("register.contacts.languageLabel")}
          value={filters.language}
          all={t("register.common.all")}
          options={[
            { value: "sv", label: t("register.languages.sv") },
            { value: "en", label: t("register.languages.en") },
          ]}
        />
        <Select
          id="optedOut"
          label={t("register.contacts.optedOutLabel")}
          value={filters.optedOut}
          all={t("register.common.all")}
          options={[
            { value: "yes", label: t("register.common.yes") },
            { value: "no", label: t("register.common.no") },
          ]}
        />
        <button type="submit" className="button">
          {t("register.common.search")}
        </button>
      </form>
      <p role="status">
        {t("register.common.pageOf", { page: result.page, pages: result.pages, total: result.total })}
      </p>
      {result.rows.length === 0 ? (
        <p>{t("register.contacts.empty")}</p>
      ) : (
        <table>
          <caption className="visually-hidden">{t("register.contacts.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("register.contacts.columns.name")}</th>
              <th scope="col">{t("register.contacts.columns.email")}</th>
              <th scope="col">{t("register.contacts.columns.organisation")}</th>
              <th scope="col">{t("register.contacts.columns.category")}</th>
              <th scope="col">{t("register.contacts.columns.language")}</th>
              <th scope="col">{t("register.contacts.columns.optedOut")}</th>
            </tr>
          </thead>
          <tbody>
            {result.rows.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link href={`/staff/contacts/${c.id}`}>{c.name}</Link>
                </td>
                <td>{c.email}</td>
                <td>{[...new Set(c.roles.map((x) => x.organisation.name))].join(", ")}</td>
                <td>{t(`enums.contactCategory.label.${c.category}`)}</td>
                <td>{t(`register.languages.${c.language}`)}</td>
                <td>{c.marketingOptOutAt ? t("register.common.yes") : t("register.common.no")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination base="/staff/contacts" query={filters} page={result.page} pages={result.pages} />
    </article>
  );
}
