import { dateTime } from "@/app/staff/_components/format";
import type { Metadata } from "next";
import Link from "@/app/_components/link";
import { requireStaff } from "@/lib/auth/current-staff";
import { getDb } from "@/lib/db/client";
import { getI18n } from "@/lib/i18n/server";
import { getPolicy } from "@/lib/policy/current-policy";
import { purposeName } from "@/lib/policy/policy-labels";
import { listTopics } from "@/lib/topics/list-topics";
import { DataTable } from "@/app/staff/_components/kit/data-table";
import { PageHeader } from "@/app/staff/_components/page-header";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
export const dynamic = "force-dynamic";

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t("segments.topics.title") };
}

export default async function TopicsPage({ searchParams }: Props) {
  await requireStaff("topics.manage", { returnTo: "/staff/topics" });
  const query = await searchParams;
  const { t, lang } = await getI18n(searchParams);
  const topics = await listTopics({ db: await getDb(), includeArchived: true });
  const policy = getPolicy();
  const name = (x: { nameSv: string; nameEn: string }) => (lang === "sv" ? x.nameSv : x.nameEn);
  return (
    <article aria-labelledby="topics-heading">
      <PageHeader id="topics-heading" title={t("segments.topics.heading")}>
        <Link className="button" href="/staff/topics/new">
          {t("segments.topics.create")}
        </Link>
      </PageHeader>
      <p className="lead">{t("segments.topics.lead")}</p>
      {query.saved ? (
        <p role="status" className="callout">
          {t("segments.saved")}
        </p>
      ) : null}
      <DataTable
        caption={t("segments.topics.heading")}
        showCaption
        testId="topics"
        rows={topics}
        empty={<p>{t("segments.topics.empty")}</p>}
        columns={[
          { key: "name", header: t("segments.topics.columns.name"), rowHeader: true, cell: (topic) => name(topic) },
          { key: "key", header: t("segments.topics.columns.key"), cell: (topic) => topic.key },
          {
            key: "purpose",
            header: t("segments.topics.columns.purpose"),
            cell: (topic) => purposeName(policy, topic.purpose, lang),
          },
          {
            key: "marketing",
            header: t("segments.topics.columns.marketing"),
            cell: (topic) => (topic.isMarketing ? t("segments.yes") : t("segments.no")),
          },
          {
            key: "defaults",
            header: t("segments.topics.columns.defaults"),
            cell: (topic) => topic.defaultCategories.map((c) => t(`enums.contactCategory.label.${c}`)).join(", "),
          },
          {
            key: "subscribed",
            header: t("segments.topics.columns.subscribed"),
            cell: (topic) => topic.subscribed.toLocaleString(lang === "sv" ? "sv-SE" : "en-GB"),
          },
          {
            key: "status",
            header: t("segments.topics.columns.status"),
            cell: (topic) => (topic.archivedAt ? t("segments.topics.archived") : t("segments.topics.active")),
          },
          {
            key: "edit",
            header: t("segments.topics.columns.edit"),
            cell: (topic) => (
              <Link
                href={`/staff/topics/${encodeURIComponent(topic.id)}`}
                aria-label={t("segments.topics.editLink", { name: name(topic) })}
              >
                {t("segments.topics.columns.edit")}
              </Link>
            ),
          },
        ]}
      />
      {topics[0]?.subscribedAsOf ? (
        <p className="muted">{t("segments.topics.countedAt", { at: dateTime(topics[0].subscribedAsOf) })}</p>
      ) : null}
    </article>
  );
}
