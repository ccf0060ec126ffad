import type { Metadata } from "next";
import Link from "@/app/_components/link";
import { requireStaff } from "@/lib/auth/current-staff";
import { can, limitedToOwnOrganisations } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { getI18n } from "@/lib/i18n/server";
import { listAccountManagers, listOrganisations } from "@/lib/organisations/list-organisations";
import { RELATIONSHIPS } from "@/lib/enums";
import { day, first } from "@/app/staff/_components/format";
import { KeysetPagination } from "@/app/staff/_components/kit/keyset-pagination";
import { BulkActions } from "@/app/staff/_components/kit/bulk-actions";
import { DataTable } from "@/app/staff/_components/kit/data-table";
import { BulkSubmit } from "@/app/staff/_components/kit/row-selection";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { assignAccountManagerAction } from "./actions";
import { PageHeader } from "@/app/staff/_components/page-header";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
export const dynamic = "force-dynamic";

const TABLE_MESSAGES = ["staff.kit.dataTable"];
const BULK_FORM = "organisations-bulk";

/** What the list says after a bulk assignment came back (?bulk=…), or nothing. */
function bulkOutcomeMessage(
  t: Awaited<ReturnType<typeof getI18n>>["t"],
  bulk: string,
  changed: string,
  to: string,
  managers: { id: string; name: string | null; email: string }[],
): string | undefined {
  const count = Number.parseInt(changed, 10) || 0;
  if (bulk === "assigned") {
    if (to === "none") return t("register.organisations.bulk.unassigned", { count });
    const m = managers.find((x) => x.id === to);
    return t("register.organisations.bulk.assigned", { count, name: m ? (m.name ?? m.email) : "" });
  }
  if (bulk === "nothing_selected") return t("register.organisations.bulk.nothingSelected");
  if (bulk === "manager_invalid") return t("register.organisations.bulk.managerInvalid");
  if (bulk === "refused") return t("register.organisations.bulk.refused");
  if (bulk === "failed") return t("register.common.failed");
  return undefined;
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t("register.organisations.title") };
}

export default async function OrganisationsPage({ searchParams }: Props) {
  const staff = await requireStaff("organisations.read", { returnTo: "/staff/organisations" });
  const query = await searchParams;
  const { t, lang } = await getI18n(searchParams);
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
  // Handing organisations to another manager is for those who may change any organisation (not account managers).
  const mayAssign = can(staff, "organisations.write") && !limitedToOwnOrganisations(staff, "organisations.write");
  const backQuery = new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== "")).toString();
  const bulk = first(query.bulk);
  const bulkMessage = bulkOutcomeMessage(t, bulk, first(query.changed), first(query.to), managers);
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
      {bulkMessage ? (
        <p
          role={bulk === "assigned" ? "status" : "alert"}
          className={`callout ${bulk === "assigned" ? "callout--ok" : "callout--danger"}`}
        >
          {bulkMessage}
        </p>
      ) : null}
      <p role="status" data-testid="organisation-total">
        {t("register.organisations.total", { total: result.total })}
      </p>
      <ClientMessages lang={lang} paths={TABLE_MESSAGES}>
        {mayAssign && result.rows.length > 0 ? (
          <BulkActions form={BULK_FORM} action={assignAccountManagerAction} hidden={{ back: backQuery }}>
            <div className="field">
              <label className="field__label" htmlFor="bulk-manager">
                {t("register.organisations.bulk.assignLabel")}
              </label>
              <select id="bulk-manager" name="accountManagerId" className="field__input" required defaultValue="">
                <option value="" disabled>
                  {t("register.common.choose")}
                </option>
                <option value="none">{t("register.organisations.noAccountManager")}</option>
                {managers.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name ?? m.email}
                  </option>
                ))}
              </select>
            </div>
            <BulkSubmit form={BULK_FORM}>{t("register.organisations.bulk.assign")}</BulkSubmit>
          </BulkActions>
        ) : null}
        <DataTable
          caption={t("register.organisations.caption")}
          rows={result.rows}
          empty={<p>{t("register.organisations.empty")}</p>}
          sort={{ current: { sort: result.sort, dir: result.dir }, base: "/staff/organisations", query: filters }}
          selection={mayAssign ? { form: BULK_FORM, rowLabel: (r) => r.name } : undefined}
          columns={[
            {
              key: "name",
              header: t("register.organisations.columns.name"),
              sort: {
                asc: t("register.contacts.list.directions.nameAsc"),
                desc: t("register.contacts.list.directions.nameDesc"),
              },
              cell: (r) => <Link href={`/staff/organisations/${r.id}`}>{r.name}</Link>,
            },
            {
              key: "orgNumber",
              header: t("register.organisations.columns.orgNumber"),
              nowrap: true,
              cell: (r) => r.orgNumber ?? "",
            },
            {
              key: "relationship",
              header: t("register.organisations.columns.relationship"),
              cell: (r) => t(`enums.relationship.label.${r.relationship}`),
            },
            {
              key: "manager",
              header: t("register.organisations.columns.manager"),
              cell: (r) => (r.accountManager ? (r.accountManager.name ?? r.accountManager.email) : ""),
            },
            { key: "contacts", header: t("register.organisations.columns.contacts"), cell: (r) => r._count.roles },
            {
              key: "created",
              header: t("register.contacts.columns.created"),
              nowrap: true,
              sort: {
                asc: t("register.contacts.list.directions.createdAsc"),
                desc: t("register.contacts.list.directions.createdDesc"),
              },
              cell: (r) => day(r.createdAt),
            },
          ]}
        />
      </ClientMessages>
      <KeysetPagination base="/staff/organisations" query={filters} previous={result.previous} next={result.next} />
    </article>
  );
}
