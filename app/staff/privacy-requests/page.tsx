// /staff/privacy-requests: the register. "To handle" comes first: how many requests are open, overdue and due soon,
// and the 50 due first, the overdue and those due within seven days marked with a badge. Then every request, newest
// first a page at a time, with filters on status, type and channel (a GET form, so a filtered view can be linked to).
import type { Metadata } from "next";
import Link from "@/app/_components/link";
import { requireStaff } from "@/lib/auth/current-staff";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { getI18n } from "@/lib/i18n/server";
import { textsAt } from "@/lib/i18n/texts-at";
import {
  listPrivacyRequests,
  privacyRequestFilterSchema,
  TO_HANDLE_SHOWN,
  type OpenPrivacyRequest,
  type PrivacyRequestSummary,
} from "@/lib/privacy-requests/list-privacy-requests";
import { day } from "@/app/staff/_components/format";
import { DataTable, type DataColumn } from "@/app/staff/_components/kit/data-table";
import { KeysetPagination } from "@/app/staff/_components/kit/keyset-pagination";
import { PageHeader } from "@/app/staff/_components/page-header";

export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;
type Texts = Awaited<ReturnType<typeof getI18n>>["t"];

export async function generateMetadata({ searchParams }: { searchParams: Promise<SearchParams> }): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t("accountability.requests.title") };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

function Subject({ r, t }: { r: PrivacyRequestSummary; t: Texts }) {
  if (r.contact) return <>{`${r.contact.name} (${r.contact.email})`}</>;
  return (
    <>
      {r.subjectRef
        ? t("accountability.requests.erasedSubject", { ref: r.subjectRef })
        : t("accountability.requests.noSubject")}
    </>
  );
}

type RequestRow = PrivacyRequestSummary & Partial<Pick<OpenPrivacyRequest, "urgency">>;

/** The columns both request tables share: "to handle" adds the due-date badges (its rows carry an urgency). */
function requestColumns(t: Texts): DataColumn<RequestRow>[] {
  return [
    {
      key: "received",
      header: t("accountability.requests.columns.received"),
      cell: (r) => <Link href={`/staff/privacy-requests/${r.id}`}>{day(r.receivedAt)}</Link>,
    },
    { key: "type", header: t("accountability.requests.columns.type"), cell: (r) => t(`enums.requestType.${r.type}`) },
    {
      key: "channel",
      header: t("accountability.requests.columns.channel"),
      cell: (r) => t(`enums.requestChannel.${r.channel}`),
    },
    { key: "subject", header: t("accountability.requests.columns.subject"), cell: (r) => <Subject r={r} t={t} /> },
    {
      key: "status",
      header: t("accountability.requests.columns.status"),
      cell: (r) => t(`enums.requestStatus.label.${r.status}`),
    },
    {
      key: "due",
      header: t("accountability.requests.columns.due"),
      cell: (r) => (
        <>
          {day(r.effectiveDueAt)}
          {r.extendedDueAt ? ` (${t("accountability.requests.extendedNote")})` : ""}
          {r.urgency === "overdue" ? (
            <>
              {" "}
              <span className="badge badge--danger" data-testid="overdue">
                {t("accountability.requests.overdue")}
              </span>
            </>
          ) : r.urgency === "soon" ? (
            <>
              {" "}
              <span className="badge badge--warning" data-testid="due-soon">
                {t("accountability.requests.dueSoon")}
              </span>
            </>
          ) : null}
        </>
      ),
    },
    {
      key: "handler",
      header: t("accountability.requests.columns.handler"),
      cell: (r) => (r.handler ? (r.handler.name ?? r.handler.email) : ""),
    },
  ];
}

const requestRowAttributes = (r: RequestRow) => ({ "data-request-id": r.id });

export default async function PrivacyRequestsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const staff = await requireStaff("privacyRequests.read", { returnTo: "/staff/privacy-requests" });
  const { lang, t } = await getI18n(searchParams);
  const raw = { status: one(params.status), type: one(params.type), channel: one(params.channel) };
  const filter = privacyRequestFilterSchema.parse({ ...raw, after: one(params.after), before: one(params.before) });
  const list = await listPrivacyRequests({ db: await getDb(), filter });
  const { toHandle, requests, open } = list;

  return (
    <article aria-labelledby="pr-heading">
      <PageHeader id="pr-heading" title={t("accountability.requests.heading")}>
        {can(staff, "privacyRequests.write") ? (
          <Link className="button" href="/staff/privacy-requests/new">
            {t("accountability.requests.record")}
          </Link>
        ) : null}
      </PageHeader>
      <p className="lead">{t("accountability.requests.lead")}</p>

      <section aria-labelledby="pr-dashboard">
        <h2 id="pr-dashboard">{t("accountability.requests.dashboard")}</h2>
        {open.open > 0 ? (
          <p data-testid="open-figures">
            {t("accountability.requests.openFigures", {
              open: open.open,
              overdue: open.byBucket.overdue,
              soon: open.byBucket.within7Days,
            })}
            {open.open > toHandle.length ? (
              <>
                {" "}
                {t("accountability.requests.toHandleShown", { shown: TO_HANDLE_SHOWN })}{" "}
                <Link href="/staff/privacy-requests?status=OPEN#pr-all">{t("accountability.requests.allOpen")}</Link>
              </>
            ) : null}
          </p>
        ) : null}
        <DataTable
          caption={t("accountability.requests.toHandleCaption")}
          showCaption
          testId="to-handle"
          rows={toHandle}
          empty={<p>{t("accountability.requests.noneOpen")}</p>}
          rowAttributes={requestRowAttributes}
          columns={requestColumns(t)}
        />
      </section>

      <section aria-labelledby="pr-all">
        <h2 id="pr-all">{t("accountability.requests.all")}</h2>
        <form method="get" action="/staff/privacy-requests" aria-label={t("accountability.requests.filters")}>
          <div className="filter-bar">
            <div className="field">
              <label className="field__label" htmlFor="pr-filter-status">
                {t("accountability.requests.columns.status")}
              </label>
              <select className="field__input" id="pr-filter-status" name="status" defaultValue={filter.status ?? ""}>
                <option value="">{t("accountability.requests.anyStatus")}</option>
                <option value="OPEN">{t("accountability.requests.open")}</option>
                {Object.entries(textsAt(lang, "enums.requestStatus.label")).map(([v, label]) => (
                  <option key={v} value={v}>
                    {label}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label className="field__label" htmlFor="pr-filter-type">
                {t("accountability.requests.columns.type")}
              </label>
              <select className="field__input" id="pr-filter-type" name="type" defaultValue={filter.type ?? ""}>
                <option value="">{t("accountability.requests.anyType")}</option>
                {Object.entries(textsAt(lang, "enums.requestType")).map(([v, label]) => (
                  <option key={v} value={v}>
                    {label}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label className="field__label" htmlFor="pr-filter-channel">
                {t("accountability.requests.columns.channel")}
              </label>
              <select
                className="field__input"
                id="pr-filter-channel"
                name="channel"
                defaultValue={filter.channel ?? ""}
              >
                <option value="">{t("accountability.requests.anyChannel")}</option>
                {Object.entries(textsAt(lang, "enums.requestChannel")).map(([v, label]) => (
                  <option key={v} value={v}>
                    {label}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <button type="submit" className="button">
            {t("accountability.requests.apply")}
          </button>
        </form>
        <DataTable
          caption={t("accountability.requests.tableCaption")}
          showCaption
          testId="all-requests"
          rows={requests}
          empty={<p>{t("accountability.requests.none")}</p>}
          rowAttributes={requestRowAttributes}
          columns={requestColumns(t)}
        />
        <KeysetPagination base="/staff/privacy-requests" query={raw} previous={list.previous} next={list.next} />
      </section>
    </article>
  );
}
