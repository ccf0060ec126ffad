// /staff/privacy-requests: the register. "To handle" comes first: every open request, earliest due first, the overdue
// and those due within seven days marked with a badge. Then every request with filters on status, type and channel (a GET form, so a filtered view can be linked to).
import type { Metadata } from "next";
import Link from "next/link";
import { requireStaff } from "@/lib/auth/current-staff";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { getI18n } from "@/lib/i18n/server";
import { textsAt } from "@/lib/i18n/texts-at";
import {
  listPrivacyRequests,
  privacyRequestFilterSchema,
  type OpenPrivacyRequest,
  type PrivacyRequestSummary,
} from "@/lib/privacy-requests/list-privacy-requests";
import { day } from "@/app/staff/_components/format";
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

function RequestTable({
  rows,
  t,
  caption,
  testId,
}: {
  rows: (PrivacyRequestSummary & Partial<Pick<OpenPrivacyRequest, "urgency">>)[];
  t: Texts;
  caption: string;
  testId: string;
}) {
  return (
    <div className="table-scroll">
      <table data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("accountability.requests.columns.received")}</th>
            <th scope="col">{t("accountability.requests.columns.type")}</th>
            <th scope="col">{t("accountability.requests.columns.channel")}</th>
            <th scope="col">{t("accountability.requests.columns.subject")}</th>
            <th scope="col">{t("accountability.requests.columns.status")}</th>
            <th scope="col">{t("accountability.requests.columns.due")}</th>
            <th scope="col">{t("accountability.requests.columns.handler")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-request-id={r.id}>
              <td>
                <Link href={`/staff/privacy-requests/${r.id}`}>{day(r.receivedAt)}</Link>
              </td>
              <td>{t(`enums.requestType.${r.type}`)}</td>
              <td>{t(`enums.requestChannel.${r.channel}`)}</td>
              <td>
                <Subject r={r} t={t} />
              </td>
              <td>{t(`enums.requestStatus.label.${r.status}`)}</td>
              <td>
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
              </td>
              <td>{r.handler ? (r.handler.name ?? r.handler.email) : ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default async function PrivacyRequestsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const staff = await requireStaff("privacyRequests.read", { returnTo: "/staff/privacy-requests" });
  const { lang, t } = await getI18n(searchParams);
  const raw = { status: one(params.status), type: one(params.type), channel: one(params.channel) };
  const filter = privacyRequestFilterSchema.parse(raw);
  const { toHandle, requests } = await listPrivacyRequests({ db: await getDb(), filter });

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
        {toHandle.length ? (
          <RequestTable
            rows={toHandle}
            t={t}
            caption={t("accountability.requests.toHandleCaption")}
            testId="to-handle"
          />
        ) : (
          <p>{t("accountability.requests.noneOpen")}</p>
        )}
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
        {requests.length ? (
          <RequestTable
            rows={requests}
            t={t}
            caption={t("accountability.requests.tableCaption")}
            testId="all-requests"
          />
        ) : (
          <p>{t("accountability.requests.none")}</p>
        )}
      </section>
    </article>
  );
}
