import type { Metadata } from "next";
import Link from "next/link";
import { requireStaff } from "@/lib/auth/current-staff";
import { permissionsOf } from "@/lib/auth/permissions";
import { loadStaffDashboard } from "@/lib/dashboard/load-staff-dashboard";
import { getDb } from "@/lib/db/client";
import { getI18n } from "@/lib/i18n/server";
import { auditActionTexts } from "@/lib/i18n/audit-action-texts";
import { describeAuditAction } from "@/lib/audit/describe-audit-action";
import { dateTime, day } from "@/app/staff/_components/format";
import { BarTable } from "@/app/staff/_components/bar-table";
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
          {board.privacy.next.length === 0 ? (
            <p>{t("staff.dashboard.privacy.none")}</p>
          ) : (
            <div className="table-scroll">
              <table>
                <caption>{t("staff.dashboard.privacy.nextCaption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("staff.dashboard.privacy.type")}</th>
                    <th scope="col">{t("staff.dashboard.privacy.subject")}</th>
                    <th scope="col">{t("staff.dashboard.privacy.status")}</th>
                    <th scope="col">{t("staff.dashboard.privacy.due")}</th>
                  </tr>
                </thead>
                <tbody>
                  {board.privacy.next.map((r) => (
                    <tr key={r.id}>
                      <td>
                        <Link href={`/staff/privacy-requests/${r.id}`}>{t(`enums.requestType.${r.type}`)}</Link>
                      </td>
                      <td>{r.subject}</td>
                      <td>{t(`enums.requestStatus.label.${r.status}`)}</td>
                      <td>
                        <time dateTime={r.dueAt.toISOString()}>{day(r.dueAt)}</time>{" "}
                        {r.dueAt < now ? (
                          <span className="badge badge--danger">{t("staff.dashboard.privacy.overdueBadge")}</span>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
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
          {board.marketing.mailings.length === 0 ? (
            <p>{t("staff.dashboard.marketing.none")}</p>
          ) : (
            <div className="table-scroll">
              <table>
                <caption>{t("staff.dashboard.marketing.mailingsCaption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("staff.dashboard.marketing.name")}</th>
                    <th scope="col">{t("staff.dashboard.marketing.status")}</th>
                    <th scope="col" className="num">
                      {t("staff.dashboard.marketing.delivered")}
                    </th>
                    <th scope="col" className="num">
                      {t("staff.dashboard.marketing.bounced")}
                    </th>
                    <th scope="col" className="num">
                      {t("staff.dashboard.marketing.complained")}
                    </th>
                    <th scope="col" className="num">
                      {t("staff.dashboard.marketing.unsubscribed")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {board.marketing.mailings.map((m) => (
                    <tr key={m.id}>
                      <td>
                        <Link href={`/staff/mailings/${encodeURIComponent(m.id)}`}>{m.name}</Link>
                      </td>
                      <td>{t(`enums.mailingStatus.${m.status}`)}</td>
                      <td className="num">{n(m.counts.delivered)}</td>
                      <td className="num">{n(m.counts.bounced)}</td>
                      <td className="num">{n(m.counts.complained)}</td>
                      <td className="num">{n(m.counts.unsubscribed)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
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
          {board.accountManager.endedRoles.length === 0 ? (
            <p>{t("staff.dashboard.accountManager.noEndedRoles")}</p>
          ) : (
            <div className="table-scroll">
              <table>
                <caption>{t("staff.dashboard.accountManager.endedRolesCaption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("staff.dashboard.accountManager.contact")}</th>
                    <th scope="col">{t("staff.dashboard.accountManager.organisation")}</th>
                    <th scope="col">{t("staff.dashboard.accountManager.role")}</th>
                    <th scope="col">{t("staff.dashboard.accountManager.endedOn")}</th>
                  </tr>
                </thead>
                <tbody>
                  {board.accountManager.endedRoles.map((r) => (
                    <tr key={`${r.contactId}-${r.organisation}-${r.type}`}>
                      <td>
                        <Link href={`/staff/contacts/${r.contactId}`}>{r.contactName}</Link>
                      </td>
                      <td>{r.organisation}</td>
                      <td>{t(`enums.roleType.label.${r.type}`)}</td>
                      <td>{day(r.endsOn)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {board.accountManager.selfServiceChanges.length === 0 ? (
            <p>{t("staff.dashboard.accountManager.noChanges")}</p>
          ) : (
            <div className="table-scroll">
              <table>
                <caption>{t("staff.dashboard.accountManager.changesCaption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("staff.dashboard.accountManager.contact")}</th>
                    <th scope="col">{t("staff.dashboard.accountManager.change")}</th>
                    <th scope="col">{t("staff.dashboard.accountManager.at")}</th>
                  </tr>
                </thead>
                <tbody>
                  {board.accountManager.selfServiceChanges.map((c) => (
                    <tr key={`${c.contactId}-${c.at.toISOString()}-${c.action}`}>
                      <td>
                        <Link href={`/staff/contacts/${c.contactId}`}>{c.contactName}</Link>
                      </td>
                      <td>{describeAuditAction(c.action, actions).text}</td>
                      <td>{dateTime(c.at)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
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
