// /staff/privacy-requests/<id>: one request, its due dates and history link, and (for privacyRequests.write) the forms
// that move it on. Reading needs privacyRequests.read.
import type { Metadata } from "next";
import Link from "@/app/_components/link";
import { requireStaff } from "@/lib/auth/current-staff";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { getI18n } from "@/lib/i18n/server";
import { getPrivacyRequest, listRequestHandlers } from "@/lib/privacy-requests/list-privacy-requests";
import { RequestForms } from "./request-forms";
import { dateTime, day } from "@/app/staff/_components/format";
import { listRequestReplies } from "@/lib/privacy-requests/list-request-replies";
import { REPLY_TEMPLATES } from "@/lib/privacy-requests/reply-to-privacy-request";
import { getPolicy } from "@/lib/policy/current-policy";
import { ReplyForm } from "./reply-form";

export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;
type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

const REQUEST_FORMS_MESSAGES = [
  "accountability.requests.detail.complete",
  "accountability.requests.detail.completeHeading",
  "accountability.requests.detail.extend",
  "accountability.requests.detail.extendHeading",
  "accountability.requests.detail.extendLead",
  "accountability.requests.detail.handler",
  "accountability.requests.detail.months",
  "accountability.requests.detail.outcome",
  "accountability.requests.detail.outcomeHint",
  "accountability.requests.detail.reason",
  "accountability.requests.detail.reasonHint",
  "accountability.requests.detail.result",
  "accountability.requests.detail.save",
  "accountability.requests.detail.status",
  "accountability.requests.detail.updateHeading",
];

const REPLY_FORM_MESSAGES = ["accountability.requests.detail.reply"];

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t("accountability.requests.detail.title") };
}

export default async function PrivacyRequestPage({ params, searchParams }: Props) {
  const { id } = await params;
  const staff = await requireStaff("privacyRequests.read", { returnTo: `/staff/privacy-requests/${id}` });
  const { lang, t } = await getI18n(searchParams);
  const d = t;
  const db = await getDb();
  const request = await getPrivacyRequest({ db, id });
  if (!request) {
    return (
      <article aria-labelledby="pr-detail-heading">
        <h1 id="pr-detail-heading">{d("accountability.requests.detail.title")}</h1>
        <p>{d("accountability.requests.detail.notFound")}</p>
        <p>
          <Link href="/staff/privacy-requests">{t("accountability.requests.form.back")}</Link>
        </p>
      </article>
    );
  }
  const mayWrite = can(staff, "privacyRequests.write");
  const replies = await listRequestReplies({ db, requestId: request.id });
  const handlers = mayWrite ? await listRequestHandlers({ db }) : [];
  const closed = request.completedAt !== null;
  const auditHref = `/staff/audit?${new URLSearchParams({ subjectType: "PrivacyRequest", subjectId: request.id })}`;

  return (
    <article aria-labelledby="pr-detail-heading">
      <h1 id="pr-detail-heading">
        {d("accountability.requests.detail.heading", { type: t(`enums.requestType.${request.type}`) })}
      </h1>
      <dl data-testid="request-facts">
        <dt>{d("accountability.requests.detail.subject")}</dt>
        <dd>
          {request.contact
            ? `${request.contact.name} (${request.contact.email})`
            : request.subjectRef
              ? t("accountability.requests.erasedSubject", { ref: request.subjectRef })
              : t("accountability.requests.noSubject")}
        </dd>
        <dt>{t("accountability.requests.columns.channel")}</dt>
        <dd>{t(`enums.requestChannel.${request.channel}`)}</dd>
        <dt>{d("accountability.requests.detail.received")}</dt>
        <dd>{day(request.receivedAt)}</dd>
        <dt>{d("accountability.requests.detail.due")}</dt>
        <dd data-testid="request-due">{day(request.effectiveDueAt)}</dd>
        {request.extendedDueAt ? (
          <>
            <dt>{d("accountability.requests.detail.originalDue")}</dt>
            <dd>{day(request.dueAt)}</dd>
            <dt>{d("accountability.requests.detail.extensionReason")}</dt>
            <dd data-testid="extension-reason">{request.extensionReason}</dd>
          </>
        ) : null}
        <dt>{d("accountability.requests.detail.status")}</dt>
        <dd data-testid="request-status">{t(`enums.requestStatus.label.${request.status}`)}</dd>
        <dt>{d("accountability.requests.detail.handler")}</dt>
        <dd>
          {request.handler
            ? (request.handler.name ?? request.handler.email)
            : d("accountability.requests.detail.noHandler")}
        </dd>
        {request.details ? (
          <>
            <dt>{d("accountability.requests.detail.details")}</dt>
            <dd>{request.details}</dd>
          </>
        ) : null}
        {request.outcome ? (
          <>
            <dt>{d("accountability.requests.detail.outcome")}</dt>
            <dd>{request.outcome}</dd>
          </>
        ) : null}
        {request.completedAt ? (
          <>
            <dt>{d("accountability.requests.detail.completedAt")}</dt>
            <dd>{day(request.completedAt)}</dd>
          </>
        ) : null}
      </dl>
      {can(staff, "audit.read") ? (
        <p>
          <Link href={auditHref} data-testid="request-audit-link">
            {d("accountability.requests.detail.auditLink")}
          </Link>
        </p>
      ) : null}
      {closed ? <p>{d("accountability.requests.detail.closed")}</p> : null}
      {mayWrite && !closed ? (
        <ClientMessages lang={lang} paths={REQUEST_FORMS_MESSAGES}>
          <RequestForms
            id={request.id}
            lang={lang}
            current={{ status: request.status, handlerId: request.handlerId ?? "", outcome: request.outcome ?? "" }}
            openStatuses={(["RECEIVED", "IN_PROGRESS"] as const).map((s) => ({
              value: s,
              label: t(`enums.requestStatus.label.${s}`),
            }))}
            closeStatuses={(["COMPLETED", "REJECTED"] as const).map((s) => ({
              value: s,
              label: t(`enums.requestStatus.label.${s}`),
            }))}
            handlers={[
              { value: "", label: d("accountability.requests.detail.noHandler") },
              ...handlers.map((h) => ({ value: h.id, label: h.name ? `${h.name} (${h.email})` : h.email })),
            ]}
            monthOptions={[
              { value: "1", label: d("accountability.requests.detail.oneMonth") },
              { value: "2", label: d("accountability.requests.detail.twoMonths") },
            ]}
          />
        </ClientMessages>
      ) : null}
      <section aria-labelledby="pr-reply-heading">
        <h2 id="pr-reply-heading">{d("accountability.requests.detail.reply.heading")}</h2>
        {mayWrite && request.contact ? (
          <>
            <p className="field__hint">
              {d("accountability.requests.detail.reply.lead", { contact: getPolicy().controller.privacyContact })}
            </p>
            <ClientMessages lang={lang} paths={REPLY_FORM_MESSAGES}>
              <ReplyForm
                id={request.id}
                lang={lang}
                templates={REPLY_TEMPLATES.filter((k) => k !== "extended" || request.extendedDueAt).map((k) => ({
                  value: k,
                  label: d(`accountability.requests.detail.reply.templates.${k}`),
                }))}
              />
            </ClientMessages>
          </>
        ) : mayWrite ? (
          <p>{d("accountability.requests.detail.reply.noAddress")}</p>
        ) : null}
        <h3>{d("accountability.requests.detail.reply.history")}</h3>
        {replies.length === 0 ? (
          <p>{d("accountability.requests.detail.reply.none")}</p>
        ) : (
          <ul data-testid="request-replies">
            {replies.map((r, i) => (
              <li key={i}>
                {d("accountability.requests.detail.reply.historyLine", {
                  date: dateTime(r.at),
                  template: r.template ? d(`accountability.requests.detail.reply.templates.${r.template}`) : "–",
                  by: r.by ?? "–",
                })}
              </li>
            ))}
          </ul>
        )}
      </section>
      <p>
        <Link href="/staff/privacy-requests">{t("accountability.requests.form.back")}</Link>
      </p>
    </article>
  );
}
