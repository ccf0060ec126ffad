import type { Metadata } from "next";
import { getPolicy } from "@/lib/policy/current-policy";
import { categoryOptions } from "@/lib/policy/policy-labels";
import Link from "@/app/_components/link";
import { requireStaff } from "@/lib/auth/current-staff";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { getI18n } from "@/lib/i18n/server";
import { contactFilterOptions, listContacts } from "@/lib/contacts/list-contacts";
import { ROLE_TYPES } from "@/lib/enums";
import { day, first } from "@/app/staff/_components/format";
import { Notice } from "@/app/staff/_components/notice";
import { KeysetPagination } from "@/app/staff/_components/kit/keyset-pagination";
import { BulkActions } from "@/app/staff/_components/kit/bulk-actions";
import { DataTable } from "@/app/staff/_components/kit/data-table";
import { BulkSubmit } from "@/app/staff/_components/kit/row-selection";
import { PageHeader } from "@/app/staff/_components/page-header";
import { OrganisationPicker } from "@/app/staff/_components/kit/organisation-picker";
import { ClientMessages } from "@/lib/i18n/client-messages";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
export const dynamic = "force-dynamic";

const PICKER_MESSAGES = ["staff.kit.organisationPicker"];
const TABLE_MESSAGES = ["staff.kit.dataTable"];
const BULK_FORM = "contacts-bulk";

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
    sort: first(query.sort),
    dir: first(query.dir),
  };
  const [result, options] = await Promise.all([
    listContacts({ db, query: { ...filters, after: first(query.after), before: first(query.before) } }),
    contactFilterOptions({ db, organisationId: filters.organisationId || undefined }),
  ]);
  const erased = first(query.erased);
  const bulkError = first(query.bulkError);
  const mayExport = can(staff, "contacts.export");
  const exportQuery = new URLSearchParams(
    Object.entries({ ...filters, lang }).filter(([k, v]) => v !== "" && k !== "sort" && k !== "dir"),
  ).toString();
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
      {bulkError === "nothing_selected" ? (
        <p role="alert" className="callout callout--danger">
          {t("register.contacts.export.nothingSelected")}
        </p>
      ) : null}
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
          options={categoryOptions(getPolicy(), lang)}
        />
        <ClientMessages lang={lang} paths={PICKER_MESSAGES}>
          <OrganisationPicker
            id="organisationId"
            name="organisationId"
            label={t("register.contacts.organisationLabel")}
            initial={options.organisations}
          />
        </ClientMessages>
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
      <div className="list-toolbar">
        <p role="status" data-testid="contact-total" data-exact={result.total.exact}>
          {result.total.exact
            ? t("register.contacts.list.total", { total: result.total.n })
            : t("register.contacts.list.totalAbout", { total: result.total.n })}
          {result.sort === "relevance" ? <> · {t("register.contacts.list.relevance")}</> : null}
          {result.broad ? <> · {t("register.contacts.list.broad")}</> : null}
          {result.shortTerm ? <> · {t("register.contacts.list.shortTerm")}</> : null}
        </p>
        {mayExport && result.total.n > 0 ? (
          <a href={`/staff/contacts/export?${exportQuery}`} className="button button--secondary" download>
            {result.total.exact
              ? t("register.contacts.export.all", { total: result.total.n })
              : t("register.contacts.export.allAbout", { total: result.total.n })}
          </a>
        ) : null}
      </div>
      <ClientMessages lang={lang} paths={TABLE_MESSAGES}>
        {mayExport && result.rows.length > 0 ? (
          <BulkActions form={BULK_FORM} action="/staff/contacts/export" hidden={{ only: "selected", lang }}>
            <BulkSubmit form={BULK_FORM}>{t("register.contacts.export.selected")}</BulkSubmit>
          </BulkActions>
        ) : null}
        <DataTable
          caption={t("register.contacts.caption")}
          rows={result.rows}
          empty={<p>{t("register.contacts.empty")}</p>}
          sort={{ current: { sort: result.sort, dir: result.dir }, base: "/staff/contacts", query: filters }}
          selection={mayExport ? { form: BULK_FORM, rowLabel: (c) => c.name } : undefined}
          columns={[
            {
              key: "name",
              header: t("register.contacts.columns.name"),
              sort: {
                asc: t("register.contacts.list.directions.nameAsc"),
                desc: t("register.contacts.list.directions.nameDesc"),
              },
              cell: (c) => <Link href={`/staff/contacts/${c.id}`}>{c.name}</Link>,
            },
            { key: "email", header: t("register.contacts.columns.email"), cell: (c) => c.email },
            {
              key: "organisation",
              header: t("register.contacts.columns.organisation"),
              cell: (c) => [...new Set(c.roles.map((x) => x.organisation.name))].join(", "),
            },
            {
              key: "category",
              header: t("register.contacts.columns.category"),
              cell: (c) => t(`enums.contactCategory.label.${c.category}`),
            },
            {
              key: "language",
              header: t("register.contacts.columns.language"),
              cell: (c) => t(`register.languages.${c.language}`),
            },
            {
              key: "optedOut",
              header: t("register.contacts.columns.optedOut"),
              cell: (c) => (c.marketingOptOutAt ? t("register.common.yes") : t("register.common.no")),
            },
            {
              key: "created",
              header: t("register.contacts.columns.created"),
              nowrap: true,
              sort: {
                asc: t("register.contacts.list.directions.createdAsc"),
                desc: t("register.contacts.list.directions.createdDesc"),
              },
              cell: (c) => day(c.createdAt),
            },
          ]}
        />
      </ClientMessages>
      <KeysetPagination base="/staff/contacts" query={filters} previous={result.previous} next={result.next} />
    </article>
  );
}
