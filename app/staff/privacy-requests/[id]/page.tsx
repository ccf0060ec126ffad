// /staff/privacy-requests/<id>: one request, its due dates and history link, and (for privacyRequests.write) the forms
// that move it on. Reading needs privacyRequests.read.
import type { Metadata } from "next";
import Link from "next/link";
import { requireStaff } from "@/lib/auth/current-staff";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { getI18n } from "@/lib/i18n/server";
import { getPrivacyRequest, listRequestHandlers } from "@/lib/privacy-requests/list-privacy-requests";
import { RequestForms } from "./request-forms";

export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;
type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t.accountability.requests.detail.title };
}

const day = (d: Date) => d.toISOString().slice(0, 10);

export default async function PrivacyRequestPage({ params, searchParams }: Props) {
  const { id } = await params;
  const staff = await requireStaff("privacyRequests.read", { returnTo: `/staff/privacy-requests/${id}` });
  const { lang, t: all } = await getI18n(searchParams);
  const t = all.accountability.requests;
  const d = t.detail;
  const db = await getDb();
  const request = await getPrivacyRequest({ db, id });
  if (!request) {
    return (
      <article aria-labelledby="pr-detail-heading">
        <h1 id="pr-detail-heading">{d.title}</h1>
        <p>{d.notFound}</p>
        <p>
          <Link href="/staff/privacy-requests">{t.form.back}</Link>
        </p>
      </article>
    );
  }
  const mayWrite = can(staff, "privacyRequests.write");
  const handlers = mayWrite ? await listRequestHandlers({ db }) : [];
  const closed = request.completedAt !== null;
  const auditHref = `/staff/audit?${new URLSearchParams({ subjectType: "PrivacyRequest", subjectId: request.id })}`;

  return (
    <article aria-labelledby="pr-detail-heading">
      <h1 id="pr-detail-heading">{d.heading(t.types[request.type])}</h1>
      <dl data-testid="request-facts">
        <dt>{d.subject}</dt>
        <dd>
          {request.contact
            ? `${request.contact.name} (${request.contact.email})`
            : request.subjectRef
              ? t.erasedSubject(request.subjectRef)
              : t.noSubject}
        </dd>
        <dt>{t.columns.channel}</dt>
        <dd>{t.channels[request.channel]}</dd>
        <dt>{d.received}</dt>
        <dd>{day(request.receivedAt)}</dd>
        <dt>{d.due}</dt>
        <dd data-testid="request-due">{day(request.effectiveDueAt)}</dd>
        {request.extendedDueAt ? (
          <>
            <dt>{d.originalDue}</dt>
            <dd>{day(request.dueAt)}</dd>
            <dt>{d.extensionReason}</dt>
            <dd data-testid="extension-reason">{request.extensionReason}</dd>
          </>
        ) : null}
        <dt>{d.status}</dt>
        <dd data-testid="request-status">{t.statuses[request.status]}</dd>
        <dt>{d.handler}</dt>
        <dd>{request.handler ? (request.handler.name ?? request.handler.email) : d.noHandler}</dd>
        {request.details ? (
          <>
            <dt>{d.details}</dt>
            <dd>{request.details}</dd>
          </>
        ) : null}
        {request.outcome ? (
          <>
            <dt>{d.outcome}</dt>
            <dd>{request.outcome}</dd>
          </>
        ) : null}
        {request.completedAt ? (
          <>
            <dt>{d.completedAt}</dt>
            <dd>{day(request.completedAt)}</dd>
          </>
        ) : null}
      </dl>
      {can(staff, "audit.read") ? (
        <p>
          <Link href={auditHref} data-testid="request-audit-link">
            {d.auditLink}
          </Link>
        </p>
      ) : null}
      {closed ? <p>{d.closed}</p> : null}
      {mayWrite && !closed ? (
        <RequestForms
          id={request.id}
          lang={lang}
          texts={{
            updateHeading: d.updateHeading,
            status: d.status,
            handler: d.handler,
            outcome: d.outcome,
            outcomeHint: d.outcomeHint,
            save: d.save,
            extendHeading: d.extendHeading,
            extendLead: d.extendLead,
            months: d.months,
            reason: d.reason,
            reasonHint: d.reasonHint,
            extend: d.extend,
            completeHeading: d.completeHeading,
            result: d.result,
            complete: d.complete,
          }}
          current={{ status: request.status, handlerId: request.handlerId ?? "", outcome: request.outcome ?? "" }}
          openStatuses={(["RECEIVED", "IN_PROGRESS"] as const).map((s) => ({ value: s, label: t.statuses[s] }))}
          closeStatuses={(["COMPLETED", "REJECTED"] as const).map((s) => ({ value: s, label: t.statuses[s] }))}
          handlers={[
            { value: "", label: d.noHandler },
            ...handlers.map((h) => ({ value: h.id, label: h.name ? `${h.name} (${h.email})` : h.email })),
          ]}
          monthOptions={[
            { value: "1", label: d.oneMonth },
            { value: "2", label: d.twoMonths },
          ]}
        />
      ) : null}
      <p>
        <Link href="/staff/privacy-requests">{t.form.back}</Link>
      </p>
    </article>
  );
}
