import type { Metadata } from "next";
import Link from "@/app/_components/link";
import { redirect } from "next/navigation";
import { FORBIDDEN_PATH, requireStaff } from "@/lib/auth/current-staff";
import { getDb } from "@/lib/db/client";
import { getI18n } from "@/lib/i18n/server";
import { listMailings } from "@/lib/mailings/list-mailings";
import { formatStockholm } from "@/lib/mailings/stockholm-time";
import { first } from "@/app/staff/_components/format";
import { DataTable } from "@/app/staff/_components/kit/data-table";
import { Pagination } from "@/app/staff/_components/pagination";
import { PageHeader } from "@/app/staff/_components/page-header";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
export const dynamic = "force-dynamic";

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t("mailings.title") };
}

export default async function MailingsPage({ searchParams }: Props) {
  const staff = await requireStaff("mailings.send", { returnTo: "/staff/mailings" });
  const query = await searchParams;
  const { t, lang } = await getI18n(query);
  const result = await listMailings({ db: await getDb(), staff, page: Number(first(query.page)) || 1 });
  if (!result.ok) redirect(FORBIDDEN_PATH);
  return (
    <article aria-labelledby="mailings-heading">
      <PageHeader id="mailings-heading" title={t("mailings.heading")}>
        <Link href="/staff/mailings/new" className="button">
          {t("mailings.create")}
        </Link>
      </PageHeader>
      <p role="status">{t("mailings.pageOf", { page: result.page, pages: result.pages, total: result.total })}</p>
      <DataTable
        caption={t("mailings.caption")}
        rows={result.rows}
        empty={<p>{t("mailings.empty")}</p>}
        columns={[
          {
            key: "name",
            header: t("mailings.columns.name"),
            cell: (r) => <Link href={`/staff/mailings/${encodeURIComponent(r.id)}`}>{r.name}</Link>,
          },
          {
            key: "topic",
            header: t("mailings.columns.topic"),
            cell: (r) => (lang === "sv" ? r.topic.nameSv : r.topic.nameEn),
          },
          { key: "segment", header: t("mailings.columns.segment"), cell: (r) => r.segment.name },
          { key: "status", header: t("mailings.columns.status"), cell: (r) => t(`enums.mailingStatus.${r.status}`) },
          {
            key: "when",
            header: t("mailings.columns.when"),
            cell: (r) => (
              <>
                {formatStockholm(r.createdAt)}
                {r.scheduledAt ? (
                  <>
                    <br />
                    {t("mailings.scheduledFor", { when: formatStockholm(r.scheduledAt) })}
                  </>
                ) : null}
              </>
            ),
          },
          {
            key: "progress",
            header: t("mailings.columns.progress"),
            cell: (r) =>
              t("mailings.summary", {
                sent: r.counts.sent,
                total: r.counts.total,
                failed: r.counts.failed,
                suppressed: r.counts.suppressed,
              }),
          },
        ]}
      />
      <Pagination base="/staff/mailings" query={{}} page={result.page} pages={result.pages} />
    </article>
  );
}
