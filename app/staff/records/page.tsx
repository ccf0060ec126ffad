// /staff/records: the record of processing activities (Art. 30 GDPR), generated from the policy file the deployment
// runs with (lib/records/build-processing-record.ts), for privacy officers and admins (records.read). Printable (the
// print stylesheet leaves out the workspace's bar and navigation) and downloadable as JSON or CSV. Read only.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { loadProcessingRecordForStaff } from "@/lib/access/load-processing-record-for-staff";
import { FORBIDDEN_PATH, requireStaff } from "@/lib/auth/current-staff";
import { getI18n } from "@/lib/i18n/server";
import { getPolicy } from "@/lib/policy/current-policy";
import { PageHeader } from "@/app/staff/_components/page-header";
import { dateTime } from "@/app/staff/_components/format";
import { PrintButton } from "./print-button";
import { ProcessingActivitySection, RecipientsTable } from "./record-sections";

export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;

export async function generateMetadata({ searchParams }: { searchParams: Promise<SearchParams> }): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t("accountability.records.title") };
}

export default async function RecordsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const staff = await requireStaff("records.read", { returnTo: "/staff/records" });
  const { lang, t } = await getI18n(searchParams);
  const view = loadProcessingRecordForStaff({ staff, policy: getPolicy(), lang });
  if (!view.ok) redirect(FORBIDDEN_PATH);
  const { record } = view;
  const c = record.controller;
  const notGiven = t("accountability.records.notGiven");

  return (
    <article aria-labelledby="records-heading" className="processing-record">
      <PageHeader id="records-heading" title={t("accountability.records.heading")}>
        <PrintButton label={t("accountability.records.print")} />
      </PageHeader>
      <p className="lead">{t("accountability.records.lead")}</p>
      <ul className="print-hide" data-testid="records-exports">
        <li>
          <a href={`/staff/records/export.csv?lang=${lang}`} download>
            {t("accountability.records.exportCsv")}
          </a>
        </li>
        <li>
          <a href={`/staff/records/export.json?lang=${lang}`} download>
            {t("accountability.records.exportJson")}
          </a>
        </li>
      </ul>

      <section aria-labelledby="records-source">
        <h2 id="records-source">{t("accountability.records.generatedFrom")}</h2>
        <dl data-testid="records-version">
          <dt>{t("accountability.records.policyEffective")}</dt>
          <dd>{record.policy.effective}</dd>
          <dt>{t("accountability.records.policyVersion")}</dt>
          <dd className="mono">{record.policy.hash}</dd>
          <dt>{t("accountability.records.generatedAt")}</dt>
          <dd>{dateTime(new Date(record.generatedAt))}</dd>
        </dl>
      </section>

      <section aria-labelledby="records-controller">
        <h2 id="records-controller">{t("accountability.records.controllerHeading")}</h2>
        <dl data-testid="records-controller">
          <dt>{t("accountability.records.controller.name")}</dt>
          <dd>{c.name}</dd>
          <dt>{t("accountability.records.controller.orgNumber")}</dt>
          <dd>{c.orgNumber ?? notGiven}</dd>
          <dt>{t("accountability.records.controller.address")}</dt>
          <dd>{c.address ?? notGiven}</dd>
          <dt>{t("accountability.records.controller.privacyContact")}</dt>
          <dd>
            <a href={`mailto:${c.privacyContact}`}>{c.privacyContact}</a>
          </dd>
          <dt>{t("accountability.records.controller.dataProtectionLead")}</dt>
          <dd>{c.dataProtectionContact}</dd>
          <dt>{t("accountability.records.controller.authority")}</dt>
          <dd>
            <a href={c.supervisoryAuthority.url}>{c.supervisoryAuthority.name}</a>
          </dd>
        </dl>
      </section>

      <section aria-labelledby="records-activities">
        <h2 id="records-activities">{t("accountability.records.activitiesHeading")}</h2>
        {record.activities.map((activity) => (
          <ProcessingActivitySection key={activity.purpose} activity={activity} lang={lang} />
        ))}
        {record.analytics ? (
          <section aria-labelledby="records-analytics" data-testid="records-analytics">
            <h3 id="records-analytics">{t("accountability.records.analyticsHeading")}</h3>
            <p>{record.analytics.text}</p>
            <dl>
              <dt>{t("accountability.records.columns.category")}</dt>
              <dd>{record.analytics.category}</dd>
              <dt>{t("accountability.records.columns.basis")}</dt>
              <dd>{record.analytics.basisName}</dd>
              <dt>{t("accountability.records.dataCategories")}</dt>
              <dd>{record.analytics.dataCategories.join(", ")}</dd>
              <dt>{t("accountability.records.columns.retention")}</dt>
              <dd>{record.analytics.retention}</dd>
              <dt>{t("accountability.records.recipients")}</dt>
              <dd>
                {record.analytics.recipients.length
                  ? record.analytics.recipients.map((r) => `${r.name} (${r.roleName}), ${r.countryName}`).join("; ")
                  : record.analytics.product}
              </dd>
              <dt>{t("accountability.records.transfers")}</dt>
              <dd>
                {record.analytics.transfers.length
                  ? record.analytics.transfers.map((r) => `${r.name}: ${r.transferBasis ?? ""}`).join("; ")
                  : t("accountability.records.noTransfers")}
              </dd>
            </dl>
          </section>
        ) : null}
      </section>

      <section aria-labelledby="records-recipients">
        <h2 id="records-recipients">{t("accountability.records.recipientsHeading")}</h2>
        <RecipientsTable recipients={record.recipients} lang={lang} />
      </section>

      <section aria-labelledby="records-security">
        <h2 id="records-security">{t("accountability.records.securityHeading")}</h2>
        <p>{t("accountability.records.securityLead")}</p>
        <ul data-testid="records-security">
          {record.securityMeasures.map((m) => (
            <li key={m.key}>{m.text}</li>
          ))}
        </ul>
      </section>
    </article>
  );
}
