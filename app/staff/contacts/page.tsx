import type { Metadata } from "next";
import Link from "next/link";
import { requireStaff } from "@/lib/auth/current-staff";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { getI18n } from "@/lib/i18n/server";
import { contactFilterOptions, listContacts } from "@/lib/contacts/list-contacts";
import { CATEGORIES, ROLE_TYPES } from "@/lib/enums";
import { first } from "./_components/format";
import { Notice } from "./_components/notice";
import { Pagination } from "./_components/pagination";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
export const dynamic = "force-dynamic";

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t.register.contacts.title };
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
  const r = t.register;
  const ct = r.contacts;
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
      <h1 id="contacts-heading">{ct.heading}</h1>
      {can(staff, "contacts.write") ? (
        <p>
          <Link href="/staff/contacts/new">{ct.create}</Link>
        </p>
      ) : null}
      <Notice message={erased ? ct.erased(erased) : undefined} />
      <form method="get" role="search" aria-label={ct.heading}>
        <div className="field">
          <label className="field__label" htmlFor="q">
            {ct.searchLabel}
          </label>
          <input id="q" name="q" type="search" className="field__input" defaultValue={filters.q} />
        </div>
        <Select
          id="category"
          label={ct.categoryLabel}
          value={filters.category}
          all={r.common.all}
          options={CATEGORIES.map((k) => ({ value: k, label: r.category[k] }))}
        />
        <Select
          id="organisationId"
          label={ct.organisationLabel}
          value={filters.organisationId}
          all={r.common.all}
          options={options.organisations.map((o) => ({ value: o.id, label: o.name }))}
        />
        <Select
          id="roleType"
          label={ct.roleTypeLabel}
          value={filters.roleType}
          all={r.common.all}
          options={ROLE_TYPES.map((k) => ({ value: k, label: r.roleType[k] }))}
        />
        <Select
          id="topicId"
          label={ct.topicLabel}
          value={filters.topicId}
          all={r.common.all}
          options={options.topics.map((o) => ({ value: o.id, label: lang === "en" ? o.nameEn : o.nameSv }))}
        />
        <Select
          id="language"
          label={ct.languageLabel}
          value={filters.language}
          all={r.common.all}
          options={[
            { value: "sv", label: r.languages.sv },
            { value: "en", label: r.languages.en },
          ]}
        />
        <Select
          id="optedOut"
          label={ct.optedOutLabel}
          value={filters.optedOut}
          all={r.common.all}
          options={[
            { value: "yes", label: r.common.yes },
            { value: "no", label: r.common.no },
          ]}
        />
        <button type="submit" className="button">
          {r.common.search}
        </button>
      </form>
      <p role="status">{r.common.pageOf(result.page, result.pages, result.total)}</p>
      {result.rows.length === 0 ? (
        <p>{ct.empty}</p>
      ) : (
        <table>
          <caption className="visually-hidden">{ct.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{ct.columns.name}</th>
              <th scope="col">{ct.columns.email}</th>
              <th scope="col">{ct.columns.organisation}</th>
              <th scope="col">{ct.columns.category}</th>
              <th scope="col">{ct.columns.language}</th>
              <th scope="col">{ct.columns.optedOut}</th>
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
                <td>{r.category[c.category]}</td>
                <td>{r.languages[c.language]}</td>
                <td>{c.marketingOptOutAt ? r.common.yes : r.common.no}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination base="/staff/contacts" query={filters} page={result.page} pages={result.pages} texts={r.common} />
    </article>
  );
}
