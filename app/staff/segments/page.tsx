import type { Metadata } from "next";
import Link from "@/app/_components/link";
import { requireStaff } from "@/lib/auth/current-staff";
import { getDb } from "@/lib/db/client";
import { getI18n } from "@/lib/i18n/server";
import { listSegments } from "@/lib/segments/list-segments";
import { day } from "@/app/staff/_components/format";
import { DataTable } from "@/app/staff/_components/kit/data-table";
import { PageHeader } from "@/app/staff/_components/page-header";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
export const dynamic = "force-dynamic";

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t("segments.segments.title") };
}

export default async function SegmentsPage({ searchParams }: Props) {
  await requireStaff("segments.manage", { returnTo: "/staff/segments" });
  const query = await searchParams;
  const { t } = await getI18n(searchParams);
  const includeArchived = query.archived === "1";
  const segments = await listSegments({ db: await getDb(), includeArchived });
  return (
    <article aria-labelledby="segments-heading">
      <PageHeader id="segments-heading" title={t("segments.segments.heading")}>
        <Link className="button" href="/staff/segments/new">
          {t("segments.segments.create")}
        </Link>
      </PageHeader>
      <p className="lead">{t("segments.segments.lead")}</p>
      <form method="get" className="field">
        <input id="show-archived" type="checkbox" name="archived" value="1" defaultChecked={includeArchived} />{" "}
        <label htmlFor="show-archived">{t("segments.segments.showArchived")}</label>{" "}
        <button type="submit" className="button">
          {t("segments.segments.updateList")}
        </button>
      </form>
      <DataTable
        caption={t("segments.segments.heading")}
        showCaption
        testId="segments"
        rows={segments}
        empty={<p>{t("segments.segments.empty")}</p>}
        columns={[
          { key: "name", header: t("segments.segments.columns.name"), rowHeader: true, cell: (g) => g.name },
          { key: "createdBy", header: t("segments.segments.columns.createdBy"), cell: (g) => g.createdBy ?? "–" },
          {
            key: "updated",
            header: t("segments.segments.columns.updated"),
            nowrap: true,
            cell: (g) => <time dateTime={g.updatedAt.toISOString()}>{day(g.updatedAt)}</time>,
          },
          {
            key: "status",
            header: t("segments.segments.columns.status"),
            cell: (g) => (g.archivedAt ? t("segments.segments.archived") : t("segments.segments.active")),
          },
          {
            key: "edit",
            header: t("segments.segments.columns.edit"),
            cell: (g) => (
              <Link
                href={`/staff/segments/${encodeURIComponent(g.id)}`}
                aria-label={t("segments.segments.editLink", { name: g.name })}
              >
                {t("segments.segments.columns.edit")}
              </Link>
            ),
          },
        ]}
      />
    </article>
  );
}
