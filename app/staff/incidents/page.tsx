// /staff/incidents: the incident register (Art. 33(5)), open incidents first with the authority's 72-hour clock in
// words, then the closed ones. Privacy officers and admins (incidents.manage).
import type { Metadata } from "next";
import Link from "@/app/_components/link";
import { requireStaff } from "@/lib/auth/current-staff";
import { getDb } from "@/lib/db/client";
import { getI18n } from "@/lib/i18n/server";
import { describeAuthorityClock } from "@/lib/incidents/describe-authority-clock";
import { listIncidents, type IncidentSummary } from "@/lib/incidents/list-incidents";
import { dateTime, day } from "@/app/staff/_components/format";
import { DataTable } from "@/app/staff/_components/kit/data-table";
import { PageHeader } from "@/app/staff/_components/page-header";

export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;

export async function generateMetadata({ searchParams }: { searchParams: Promise<SearchParams> }): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t("accountability.incidents.title") };
}

export default async function IncidentsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireStaff("incidents.manage", { returnTo: "/staff/incidents" });
  const { t } = await getI18n(searchParams);
  const incidents = await listIncidents({ db: await getDb() });
  const i = "accountability.incidents" as const;
  return (
    <article aria-labelledby="incidents-heading">
      <PageHeader id="incidents-heading" title={t(`${i}.heading`)}>
        <Link className="button" href="/staff/incidents/new">
          {t(`${i}.record`)}
        </Link>
      </PageHeader>
      <p className="lead">{t(`${i}.lead`)}</p>
      <DataTable<IncidentSummary>
        caption={t(`${i}.listCaption`)}
        testId="incidents"
        rows={incidents}
        empty={<p>{t(`${i}.none`)}</p>}
        rowAttributes={(r) => ({ "data-incident-id": r.id })}
        columns={[
          {
            key: "reference",
            header: t(`${i}.columns.reference`),
            cell: (r) => <Link href={`/staff/incidents/${r.id}`}>{r.reference}</Link>,
          },
          { key: "title", header: t(`${i}.columns.title`), cell: (r) => r.title },
          { key: "discovered", header: t(`${i}.columns.discovered`), cell: (r) => dateTime(r.discoveredAt) },
          {
            key: "clock",
            header: t(`${i}.columns.clock`),
            cell: (r) => (
              <span
                className={r.clock.state === "overdue" ? "badge badge--danger" : undefined}
                data-testid="incident-clock"
              >
                {describeAuthorityClock(t, r.clock, dateTime)}
              </span>
            ),
          },
          { key: "risk", header: t(`${i}.columns.risk`), cell: (r) => t(`enums.incidentRisk.${r.risk}`) },
          {
            key: "people",
            header: t(`${i}.columns.people`),
            cell: (r) => t(`enums.peopleNotification.${r.peopleStatus}`),
          },
          {
            key: "status",
            header: t(`${i}.columns.status`),
            cell: (r) => (r.closedAt ? t(`${i}.closed`, { date: day(r.closedAt) }) : t(`${i}.open`)),
          },
        ]}
      />
    </article>
  );
}
