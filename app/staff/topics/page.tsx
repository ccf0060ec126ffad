import type { Metadata } from "next";
import Link from "next/link";
import { requireStaff } from "@/lib/auth/current-staff";
import { getDb } from "@/lib/db/client";
import { getI18n } from "@/lib/i18n/server";
import { PURPOSES } from "@/lib/policy/purposes";
import { listTopics } from "@/lib/topics/list-topics";
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
  const purposeName = new Map(PURPOSES.map((p) => [p.key, t(`enums.purpose.${p.key}.name`)]));
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
      {topics.length === 0 ? (
        <p>{t("segments.topics.empty")}</p>
      ) : (
        <div className="table-scroll">
          <table data-testid="topics">
            <caption>{t("segments.topics.heading")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("segments.topics.columns.name")}</th>
                <th scope="col">{t("segments.topics.columns.key")}</th>
                <th scope="col">{t("segments.topics.columns.purpose")}</th>
                <th scope="col">{t("segments.topics.columns.marketing")}</th>
                <th scope="col">{t("segments.topics.columns.defaults")}</th>
                <th scope="col">{t("segments.topics.columns.subscribed")}</th>
                <th scope="col">{t("segments.topics.columns.status")}</th>
                <th scope="col">{t("segments.topics.columns.edit")}</th>
              </tr>
            </thead>
            <tbody>
              {topics.map((topic) => (
                <tr key={topic.id}>
                  <th scope="row">{name(topic)}</th>
                  <td>{topic.key}</td>
                  <td>{purposeName.get(topic.purpose) ?? topic.purpose}</td>
                  <td>{topic.isMarketing ? t("segments.yes") : t("segments.no")}</td>
                  <td>{topic.defaultCategories.map((c) => t(`enums.contactCategory.label.${c}`)).join(", ")}</td>
                  <td>{topic.subscribed.toLocaleString(lang === "sv" ? "sv-SE" : "en-GB")}</td>
                  <td>{topic.archivedAt ? t("segments.topics.archived") : t("segments.topics.active")}</td>
                  <td>
                    <Link
                      href={`/staff/topics/${encodeURIComponent(topic.id)}`}
                      aria-label={t("segments.topics.editLink", { name: name(topic) })}
                    >
                      {t("segments.topics.columns.edit")}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </article>
  );
}
