import type { Metadata } from "next";
import Link from "@/app/_components/link";
import { requireStaff } from "@/lib/auth/current-staff";
import { permissionsOf } from "@/lib/auth/permissions";
import { loadStaffDashboard } from "@/lib/dashboard/load-staff-dashboard";
import { getDb } from "@/lib/db/client";
import { getI18n } from "@/lib/i18n/server";
import { auditActionTexts } from "@/lib/i18n/audit-action-texts";
import { describeAuditAction } from "@/lib/audit/describe-audit-action";
import { describeAuthorityClock } from "@/lib/incidents/describe-authority-clock";
import { dateTime, day } from "@/app/staff/_components/format";
import { BarTable } from "@/app/staff/_components/bar-table";
import { DataTable } from "@/app/staff/_components/kit/data-table";
import { MarketingCharts } from "./_dashboard/marketing-charts";
import { PrivacyCharts } from "./_dashboard/privacy-charts";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t("staff.dashboard.title") };
}

// The staff home: an overview per role (lib/dashboard), then who is signed in and what the role may do.
export default async function StaffHomePage() {
  const staff = await requireStaff();
  const { t, lang } = await getI18n();
  const db = await getDb();
  const board = await loadStaffDashboard({ db, staff });
  const now = new Date();
  const may = permissionsOf(staff.role);
  const locale = lang === "sv" ? "sv-SE" : "en-GB";
  const n = (v: number) => v.toLocaleString(locale);
  const actions = auditActionTexts(lang);
  return (
    <article aria-labelledby="staff-home-heading">
      <div className="page-header">
        <h1 id="staff-home-heading">{t("staff.dashboard.heading")}</h1>
      </div>

      {board.incidents ? (
        <section aria-labelledby="dash-incidents" className="panel">
          <h2 id="dash-incidents">{t("accountability.incidents.dashboard.heading")}</h2>
          {board.incidents.length === 0 ? (
            <p>{t("accountability.incidents.dashboard.none")}</p>
          ) : (
            <ul data-testid="dashboard-incidents">
              {board.incidents.map((i) => (
                <li key={i.id}>
                  <Link href={`/staff/incidents/${i.id}`}>{i.reference}</Link> {i.title}:{" "}
                  <span className={i.clock.state === "overdue" ? "badge badge--danger" : undefined}>
                    {describeAuthorityClock(t, i.clock, dateTime)}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <p>
            <Link href="/staff/incidents">{t("accountability.incidents.dashboard.all")}</Link>
          </p>
        </section>
      ) : null}

      {board.privacy ? (
        <section aria-labelledby="dash-privacy" className="panel">
          <h2 id="dash-privacy">{t("staff.dashboard.privacy.heading")}</h2>
          <ul className="stats">
            <li className="stat">
              <span className="stat__label">{t("staff.dashboard.privacy.open")}</span>
              <span className="stat__value" data-testid="dash-open-requests">
                {n(board.privacy.open)}
              </span>
            </li>
            <li className="stat">
              <span className="stat__label">{t("staff.dashboard.privacy.overdue")}</span>
              <span className="stat__value">{n(board.privacy.overdue)}</span>
            </li>
            <li className="stat">
              <span className="stat__label">{t("staff.dashboard.privacy.dueIn30Days")}</span>
              <span className="stat__value">{n(board.privacy.dueIn30Days)}</span>
            </li>
          </ul>
          <DataTable
            caption={t("staff.dashboard.privacy.nextCaption")}
            showCaption
            rows={board.privacy.next}
            empty={<p>{t("staff.dashboard.privacy.none")}</p>}
            columns={[
              {
                key: "type",
                header: t("staff.dashboard.privacy.type"),
                cell: (r) => <Link href={`/staff/privacy-requests/${r.id}`}>{t(`enums.requestType.${r.type}`)}</Link>,
              },
              { key: "subject", header: t("staff.dashboard.privacy.subject"), cell: (r) => r.subject },
              {
                key: "status",
                header: t("staff.dashboard.privacy.status"),
                cell: (r) => t(`enums.requestStatus.label.${r.status}`),
              },
              {
                key: "due",
                header: t("staff.dashboard.privacy.due"),
                cell: (r) => (
                  <>
                    <time dateTime={r.dueAt.toISOString()}>{day(r.dueAt)}</time>{" "}
                    {r.dueAt < now ? (
                      <span className="badge badge--danger">{t("staff.dashboard.privacy.overdueBadge")}</span>
                    ) : null}
                  </>
                ),
              },
            ]}
          />
          <PrivacyCharts privacy={board.privacy} t={t} locale={locale} />
          <p>
            <Link href="/staff/privacy-requests">{t("staff.dashboard.privacy.all")}</Link>
          </p>
        </section>
      ) : null}

      {board.marketing ? (
        <section aria-labelledby="dash-marketing" className="panel">
          <h2 id="dash-marketing">{t("staff.dashboard.marketing.heading")}</h2>
          <ul className="stats">
            <li className="stat">
              <span className="stat__label">{t("staff.dashboard.marketing.optOuts")}</span>
              <span className="stat__value">{n(board.marketing.optOutsLast30Days)}</span>
            </li>
          </ul>
          <DataTable
            caption={t("staff.dashboard.marketing.mailingsCaption")}
            showCaption
            rows={board.marketing.mailings}
            empty={<p>{t("staff.dashboard.marketing.none")}</p>}
            columns={[
              {
                key: "name",
                header: t("staff.dashboard.marketing.name"),
                cell: (m) => <Link href={`/staff/mailings/${encodeURIComponent(m.id)}`}>{m.name}</Link>,
              },
              {
                key: "status",
                header: t("staff.dashboard.marketing.status"),
                cell: (m) => t(`enums.mailingStatus.${m.status}`),
              },
              {
                key: "delivered",
                header: t("staff.dashboard.marketing.delivered"),
                align: "end",
                cell: (m) => n(m.counts.delivered),
              },
              {
                key: "bounced",
                header: t("staff.dashboard.marketing.bounced"),
                align: "end",
                cell: (m) => n(m.counts.bounced),
              },
              {
                key: "complained",
                header: t("staff.dashboard.marketing.complained"),
                align: "end",
                cell: (m) => n(m.counts.complained),
              },
              {
                key: "unsubscribed",
                header: t("staff.dashboard.marketing.unsubscribed"),
                align: "end",
                cell: (m) => n(m.counts.unsubscribed),
              },
            ]}
          />
          <MarketingCharts marketing={board.marketing} t={t} lang={lang} locale={locale} />
          <p>
            <Link href="/staff/mailings">{t("staff.dashboard.marketing.all")}</Link>
          </p>
        </section>
      ) : null}

      {board.accountManager ? (
        <section aria-labelledby="dash-am" className="panel">
          <h2 id="dash-am">{t("staff.dashboard.accountManager.heading")}</h2>
          <ul className="stats">
            <li className="stat">
              <span className="stat__label">{t("staff.dashboard.accountManager.organisations")}</span>
              <span className="stat__value">{n(board.accountManager.organisationCount)}</span>
            </li>
          </ul>
          {board.accountManager.organisations.length === 0 ? (
            <p>{t("staff.dashboard.accountManager.noOrganisations")}</p>
          ) : (
            <ul aria-label={t("staff.dashboard.accountManager.organisationsCaption")}>
              {board.accountManager.organisations.map((o) => (
                <li key={o.id}>
                  <Link href={`/staff/organisations/${o.id}`}>{o.name}</Link>
                </li>
              ))}
            </ul>
          )}
          <DataTable
            caption={t("staff.dashboard.accountManager.endedRolesCaption")}
            showCaption
            rows={board.accountManager.endedRoles.map((r) => ({
              ...r,
              id: `${r.contactId}-${r.organisation}-${r.type}`,
            }))}
            empty={<p>{t("staff.dashboard.accountManager.noEndedRoles")}</p>}
            columns={[
              {
                key: "contact",
                header: t("staff.dashboard.accountManager.contact"),
                cell: (r) => <Link href={`/staff/contacts/${r.contactId}`}>{r.contactName}</Link>,
              },
              {
                key: "organisation",
                header: t("staff.dashboard.accountManager.organisation"),
                cell: (r) => r.organisation,
              },
              {
                key: "role",
                header: t("staff.dashboard.accountManager.role"),
                cell: (r) => t(`enums.roleType.label.${r.type}`),
              },
              { key: "endedOn", header: t("staff.dashboard.accountManager.endedOn"), cell: (r) => day(r.endsOn) },
            ]}
          />
          <DataTable
            caption={t("staff.dashboard.accountManager.changesCaption")}
            showCaption
            rows={board.accountManager.selfServiceChanges.map((c) => ({
              ...c,
              id: `${c.contactId}-${c.at.toISOString()}-${c.action}`,
            }))}
            empty={<p>{t("staff.dashboard.accountManager.noChanges")}</p>}
            columns={[
              {
                key: "contact",
                header: t("staff.dashboard.accountManager.contact"),
                cell: (c) => <Link href={`/staff/contacts/${c.contactId}`}>{c.contactName}</Link>,
              },
              {
                key: "change",
                header: t("staff.dashboard.accountManager.change"),
                cell: (c) => describeAuditAction(c.action, actions).text,
              },
              { key: "at", header: t("staff.dashboard.accountManager.at"), cell: (c) => dateTime(c.at) },
            ]}
          />
        </section>
      ) : null}

      {board.admin ? (
        <section aria-labelledby="dash-admin" className="panel">
          <h2 id="dash-admin">{t("staff.dashboard.admin.heading")}</h2>
          <ul className="stats">
            <li className="stat">
              <span className="stat__label">{t("staff.dashboard.admin.apiKeys")}</span>
              <span className="stat__value">{n(board.admin.activeApiKeys)}</span>
              <Link href="/staff/api-keys">{t("staff.dashboard.admin.manageKeys")}</Link>
            </li>
          </ul>
          <BarTable
            caption={t("staff.dashboard.admin.staffCaption")}
            labelHeading={t("staff.dashboard.admin.role")}
            valueHeading={t("staff.dashboard.admin.count")}
            rows={board.admin.staffByRole.map((s) => ({
              key: s.role,
              label: t(`enums.staffRole.label.${s.role}`),
              value: s.count,
            }))}
            format={n}
          />
          <p>
            <Link href="/staff/users">{t("staff.dashboard.admin.manageStaff")}</Link>
          </p>
        </section>
      ) : null}

      <section aria-labelledby="dash-account" className="panel">
        <h2 id="dash-account">{t("staff.home.mayHeading")}</h2>
        <dl>
          <dt>{t("staff.home.signedInAs")}</dt>
          <dd data-testid="staff-identity">{staff.name ? `${staff.name} (${staff.email})` : staff.email}</dd>
          <dt>{t("staff.home.role")}</dt>
          <dd data-testid="staff-role">{t(`enums.staffRole.label.${staff.role}`)}</dd>
        </dl>
        <ul>
          {may.map((p) => (
            <li key={p}>{t(`staff.permissions.${p}`)}</li>
          ))}
        </ul>
        {staff.role === "ACCOUNT_MANAGER" ? <p>{t("staff.ownOrganisationsNote")}</p> : null}
        <p className="muted">{t("staff.home.signOutNote")}</p>
      </section>
    </article>
  );
}
