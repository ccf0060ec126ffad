// /staff/privacy-requests: the register. The dashboard (overdue, due within seven days) comes first, then every
// request with filters on status, type and channel (a GET form, so a filtered view can be linked to).
import type { Metadata } from "next";
import Link from "next/link";
import { requireStaff } from "@/lib/auth/current-staff";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { getI18n } from "@/lib/i18n/server";
import {
  listPrivacyRequests,
  privacyRequestFilterSchema,
  type PrivacyRequestSummary,
} from "@/lib/privacy-requests/list-privacy-requests";
import styles from "../audit/staff-table.module.css";

export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;
type Texts = Awaited<ReturnType<typeof getI18n>>["t"]["accountability"]["requests"];

export async function generateMetadata({ searchParams }: { searchParams: Promise<SearchParams> }): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t.accountability.requests.title };
}

const day = (d: Date) => d.toISOString().slice(0, 10);
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

function Subject({ r, t }: { r: PrivacyRequestSummary; t: Texts }) {
  if (r.contact) return <>{`${r.contact.name} (${r.contact.email})`}</>;
  return <>{r.subjectRef ? t.erasedSubject(r.subjectRef) : t.noSubject}</>;
}

function RequestTable({
  rows,
  t,
  caption,
  testId,
}: {
  rows: PrivacyRequestSummary[];
  t: Texts;
  caption: string;
  testId: string;
}) {
  return (
    <div className={styles.tableScroll}>
      <table className={styles.table} data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.columns.received}</th>
            <th scope="col">{t.columns.type}</th>
            <th scope="col">{t.columns.channel}</th>
            <th scope="col">{t.columns.subject}</th>
            <th scope="col">{t.columns.status}</th>
            <th scope="col">{t.columns.due}</th>
            <th scope="col">{t.columns.handler}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-request-id={r.id}>
              <td>
                <Link href={`/staff/privacy-requests/${r.id}`}>{day(r.receivedAt)}</Link>
              </td>
              <td>{t.types[r.type]}</td>
              <td>{t.channels[r.channel]}</td>
              <td>
                <Subject r={r} t={t} />
              </td>
              <td>{t.statuses[r.status]}</td>
              <td>
                {day(r.effectiveDueAt)}
                {r.extendedDueAt ? ` (${t.extendedNote})` : ""}
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
  const { t: all } = await getI18n(searchParams);
  const t = all.accountability.requests;
  const raw = { status: one(params.status), type: one(params.type), channel: one(params.channel) };
  const filter = privacyRequestFilterSchema.parse(raw);
  const { overdue, dueSoon, requests } = await listPrivacyRequests({ db: await getDb(), filter });

  return (
    <article aria-labelledby="pr-heading">
      <h1 id="pr-heading">{t.heading}</h1>
      <p className="lead">{t.lead}</p>
      {can(staff, "privacyRequests.write") ? (
        <p>
          <Link className="button" href="/staff/privacy-requests/new">
            {t.record}
          </Link>
        </p>
      ) : null}

      <section aria-labelledby="pr-dashboard">
        <h2 id="pr-dashboard">{t.dashboard}</h2>
        <h3 id="pr-overdue">{`${t.overdue} (${overdue.length})`}</h3>
        {overdue.length ? (
          <RequestTable rows={overdue} t={t} caption={t.overdue} testId="overdue" />
        ) : (
          <p>{t.noneOverdue}</p>
        )}
        <h3 id="pr-due-soon">{`${t.dueSoon} (${dueSoon.length})`}</h3>
        {dueSoon.length ? (
          <RequestTable rows={dueSoon} t={t} caption={t.dueSoon} testId="due-soon" />
        ) : (
          <p>{t.noneDueSoon}</p>
        )}
      </section>

      <section aria-labelledby="pr-all">
        <h2 id="pr-all">{t.all}</h2>
        <form method="get" action="/staff/privacy-requests" aria-label={t.filters}>
          <div className={styles.filters}>
            <div className="field">
              <label className="field__label" htmlFor="pr-filter-status">
                {t.columns.status}
              </label>
              <select className="field__input" id="pr-filter-status" name="status" defaultValue={filter.status ?? ""}>
                <option value="">{t.anyStatus}</option>
                <option value="OPEN">{t.open}</option>
                {Object.entries(t.statuses).map(([v, label]) => (
                  <option key={v} value={v}>
                    {label}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label className="field__label" htmlFor="pr-filter-type">
                {t.columns.type}
              </label>
              <select className="field__input" id="pr-filter-type" name="type" defaultValue={filter.type ?? ""}>
                <option value="">{t.anyType}</option>
                {Object.entries(t.types).map(([v, label]) => (
                  <option key={v} value={v}>
                    {label}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label className="field__label" htmlFor="pr-filter-channel">
                {t.columns.channel}
              </label>
              <select
                className="field__input"
                id="pr-filter-channel"
                name="channel"
                defaultValue={filter.channel ?? ""}
              >
                <option value="">{t.anyChannel}</option>
                {Object.entries(t.channels).map(([v, label]) => (
                  <option key={v} value={v}>
                    {label}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <button type="submit" className="button">
            {t.apply}
          </button>
        </form>
        {requests.length ? (
          <RequestTable rows={requests} t={t} caption={t.tableCaption} testId="all-requests" />
        ) : (
          <p>{t.none}</p>
        )}
      </section>
    </article>
  );
}
