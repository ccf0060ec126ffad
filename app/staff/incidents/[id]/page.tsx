// /staff/incidents/<id>: one incident with its authority clock, affected contacts (count and the first few), its log,
// and while open the forms that move it on. Privacy officers and admins (incidents.manage, loadIncidentForStaff).
import type { Metadata } from "next";
import Link from "@/app/_components/link";
import { redirect } from "next/navigation";
import { loadIncidentForStaff } from "@/lib/access/load-incident-for-staff";
import { FORBIDDEN_PATH, requireStaff } from "@/lib/auth/current-staff";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { getI18n } from "@/lib/i18n/server";
import { describeAuthorityClock } from "@/lib/incidents/describe-authority-clock";
import { AFFECTED_SHOWN, getIncident, type IncidentDetail } from "@/lib/incidents/get-incident";
import { categoryName } from "@/lib/policy/policy-labels";
import { getPolicy } from "@/lib/policy/current-policy";
import { listSegments } from "@/lib/segments/list-segments";
import { toStockholmLocalTime } from "@/lib/time/stockholm-day";
import { dateTime, day } from "@/app/staff/_components/format";
import { incidentOptions } from "../_components/incident-options";
import { notifyPeopleAction } from "./actions";
import { AffectedForms, AuthorityForms, CloseForm } from "./handling-forms";
import { UpdateIncidentForm } from "./update-form";

export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;
type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

const FORM_MESSAGES = ["accountability.incidents.form", "accountability.incidents.detail"];

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t("accountability.incidents.detail.title") };
}

function currentValues(i: IncidentDetail): Record<string, string> {
  return {
    title: i.title,
    discoveredAt: toStockholmLocalTime(i.discoveredAt),
    occurredAt: i.occurredAt ? toStockholmLocalTime(i.occurredAt) : "",
    description: i.description,
    dataCategories: i.dataCategories.join(","),
    peopleCategories: i.peopleCategories.join(","),
    consequences: i.consequences,
    measures: i.measures,
    risk: i.risk,
    peopleStatus: i.peopleStatus,
    peopleNotifiedAt: i.peopleNotifiedAt ? i.peopleNotifiedAt.toISOString().slice(0, 10) : "",
    note: "",
  };
}

export default async function IncidentPage({ params, searchParams }: Props) {
  const { id } = await params;
  const staff = await requireStaff("incidents.manage", { returnTo: `/staff/incidents/${id}` });
  const { lang, t } = await getI18n(searchParams);
  const notify = (await searchParams).notify;
  const notifyOutcome = (["not_high_risk", "already_drafted", "no_affected", "not_found", "failed"] as const).find(
    (k) => k === notify,
  );
  const db = await getDb();
  const access = await loadIncidentForStaff({ db, staff, id });
  if (!access.ok && access.code === "forbidden") redirect(FORBIDDEN_PATH);
  const incident = access.ok ? await getIncident({ db, id: access.value.id }) : null;
  const d = "accountability.incidents.detail" as const;
  if (!incident) {
    return (
      <article aria-labelledby="inc-heading">
        <h1 id="inc-heading">{t(`${d}.title`)}</h1>
        <p>{t(`${d}.notFound`)}</p>
        <p>
          <Link href="/staff/incidents">{t("accountability.incidents.form.back")}</Link>
        </p>
      </article>
    );
  }
  const policy = getPolicy();
  const open = incident.closedAt === null;
  const segments = open ? await listSegments({ db }) : [];
  // No staff member: the system (a scheduled notification going out).
  const by = (s: { name: string | null; email: string } | null) =>
    s ? (s.name ?? s.email) : t("enums.auditActorType.SYSTEM");
  const fieldNames = (fields: string[]) =>
    fields.map((f) => t(`enums.auditField.${f as "risk"}`)).join(", ") || t(`${d}.logNoFields`);
  const auditHref = `/staff/audit?${new URLSearchParams({ subjectType: "Incident", subjectId: incident.id })}`;

  return (
    <article aria-labelledby="inc-heading">
      <h1 id="inc-heading">{t(`${d}.heading`, { reference: incident.reference, title: incident.title })}</h1>
      <dl data-testid="incident-facts" aria-label={t(`${d}.facts`)}>
        <dt>{t(`${d}.clock`)}</dt>
        <dd data-testid="incident-clock">
          {describeAuthorityClock(t, incident.clock, dateTime)}
          {incident.clock.state === "due" || incident.clock.state === "overdue"
            ? ` · ${t(`${d}.deadline`, { date: dateTime(incident.clock.deadline) })}`
            : ""}
        </dd>
        <dt>{t("accountability.incidents.columns.discovered")}</dt>
        <dd>{dateTime(incident.discoveredAt)}</dd>
        {incident.occurredAt ? (
          <>
            <dt>{t("accountability.incidents.form.occurredAt")}</dt>
            <dd>{dateTime(incident.occurredAt)}</dd>
          </>
        ) : null}
        <dt>{t("accountability.incidents.form.description")}</dt>
        <dd>{incident.description}</dd>
        <dt>{t("accountability.incidents.form.dataCategories")}</dt>
        <dd>{incident.dataCategories.map((c) => t(`accountability.incidents.data.${c as "identity"}`)).join(", ")}</dd>
        <dt>{t("accountability.incidents.form.peopleCategories")}</dt>
        <dd>{incident.peopleCategories.map((c) => categoryName(policy, c, lang)).join(", ")}</dd>
        <dt>{t("accountability.incidents.form.consequences")}</dt>
        <dd>{incident.consequences}</dd>
        <dt>{t("accountability.incidents.form.measures")}</dt>
        <dd>{incident.measures}</dd>
        <dt>{t("accountability.incidents.columns.risk")}</dt>
        <dd data-testid="incident-risk">{t(`enums.incidentRisk.${incident.risk}`)}</dd>
        <dt>{t(`${d}.authorityStatus`)}</dt>
        <dd>{t(`enums.authorityNotification.${incident.authorityStatus}`)}</dd>
        {incident.notNotifiedReason ? (
          <>
            <dt>{t(`${d}.notNotifiedReason`)}</dt>
            <dd>{incident.notNotifiedReason}</dd>
          </>
        ) : null}
        <dt>{t(`${d}.peopleStatus`)}</dt>
        <dd>
          {t(`enums.peopleNotification.${incident.peopleStatus}`)}
          {incident.peopleNotifiedAt ? ` (${day(incident.peopleNotifiedAt)})` : ""}
        </dd>
        <dt>{t(`${d}.createdBy`)}</dt>
        <dd>{by(incident.createdBy)}</dd>
        {incident.closedAt ? (
          <>
            <dt>{t(`${d}.closedAt`)}</dt>
            <dd>{dateTime(incident.closedAt)}</dd>
          </>
        ) : null}
      </dl>
      {can(staff, "audit.read") ? (
        <p>
          <Link href={auditHref}>{t(`${d}.auditLink`)}</Link>
        </p>
      ) : null}

      <section aria-labelledby="inc-affected-heading">
        <h2 id="inc-affected-heading">{t(`${d}.affected`)}</h2>
        <p data-testid="affected-count">{t(`${d}.affectedCount`, { count: incident.affectedCount })}</p>
        {incident.affected.length > 0 ? (
          <>
            <p>{t(`${d}.affectedShown`, { shown: Math.min(AFFECTED_SHOWN, incident.affectedCount) })}</p>
            <ul data-testid="affected-list">
              {incident.affected.map((c) => (
                <li key={c.id}>
                  <Link href={`/staff/contacts/${c.id}`}>{c.name}</Link> ({c.email})
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      {incident.risk === "HIGH_RISK" || incident.notificationMailing ? (
        <section aria-labelledby="inc-people-heading">
          <h2 id="inc-people-heading">{t(`${d}.notify.heading`)}</h2>
          <p>{t(`${d}.notify.lead`)}</p>
          <p role="status" data-testid="notify-status" className={notifyOutcome ? "callout" : undefined}>
            {notifyOutcome ? t(`${d}.notify.refused.${notifyOutcome}`) : ""}
          </p>
          {incident.notificationMailing ? (
            <p data-testid="notify-mailing">
              {t(`${d}.notify.mailing`, {
                status: t(`enums.mailingStatus.${incident.notificationMailing.status}`),
              })}{" "}
              <Link href={`/staff/mailings/${incident.notificationMailing.id}`}>
                {incident.notificationMailing.name}
              </Link>
            </p>
          ) : (
            <form action={notifyPeopleAction}>
              <input type="hidden" name="id" value={incident.id} />
              <input type="hidden" name="uiLang" value={lang} />
              <button type="submit" className="button" data-testid="notify-people">
                {t(`${d}.notify.button`)}
              </button>
            </form>
          )}
        </section>
      ) : null}

      <section aria-labelledby="inc-log-heading">
        <h2 id="inc-log-heading">{t(`${d}.log`)}</h2>
        <ol data-testid="incident-log">
          {incident.updates.map((u, n) => (
            <li key={u.id}>
              {t(`${d}.logLine`, {
                date: dateTime(u.at),
                by: by(u.staff),
                fields: n === incident.updates.length - 1 ? t(`${d}.logRecorded`) : fieldNames(u.fields),
              })}
              {u.note ? <p>{u.note}</p> : null}
            </li>
          ))}
        </ol>
      </section>

      {open ? (
        <ClientMessages lang={lang} paths={FORM_MESSAGES}>
          <AuthorityForms id={incident.id} lang={lang} notified={incident.authorityStatus === "NOTIFIED"} />
          <AffectedForms
            id={incident.id}
            lang={lang}
            segments={segments.map((s) => ({ value: s.id, label: s.name }))}
          />
          <UpdateIncidentForm
            id={incident.id}
            lang={lang}
            current={currentValues(incident)}
            options={incidentOptions(lang)}
            peopleStatuses={(["NOT_REQUIRED", "PLANNED", "NOTIFIED"] as const).map((s) => ({
              value: s,
              label: t(`enums.peopleNotification.${s}`),
            }))}
          />
          <CloseForm id={incident.id} lang={lang} />
        </ClientMessages>
      ) : (
        <p>{t(`${d}.closedNote`)}</p>
      )}
      <p>
        <Link href="/staff/incidents">{t("accountability.incidents.form.back")}</Link>
      </p>
    </article>
  );
}
