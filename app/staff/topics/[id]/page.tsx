import type { Metadata } from "next";
import Link from "@/app/_components/link";
import { notFound } from "next/navigation";
import { requireStaff } from "@/lib/auth/current-staff";
import { getDb } from "@/lib/db/client";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { getI18n } from "@/lib/i18n/server";
import { getTopic } from "@/lib/topics/list-topics";
import { TopicForm } from "../topic-form";
import { TOPIC_FORM_MESSAGES, topicFormProps } from "../topic-form-props";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};
export const dynamic = "force-dynamic";

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t("segments.topics.title") };
}

export default async function EditTopicPage({ params, searchParams }: Props) {
  const { id } = await params;
  await requireStaff("topics.manage", { returnTo: `/staff/topics/${encodeURIComponent(id)}` });
  const { t, lang } = await getI18n(searchParams);
  const topic = await getTopic({ db: await getDb(), id });
  if (!topic) notFound();
  const name = lang === "sv" ? topic.nameSv : topic.nameEn;
  return (
    <article aria-labelledby="topic-heading">
      <p>
        <Link href="/staff/topics">{t("segments.topics.back")}</Link>
      </p>
      <h1 id="topic-heading">{t("segments.topics.editTitle", { name })}</h1>
      <ClientMessages lang={lang} paths={TOPIC_FORM_MESSAGES}>
        <TopicForm
          {...topicFormProps(lang, topic)}
          initial={{
            id: topic.id,
            key: topic.key,
            nameSv: topic.nameSv,
            nameEn: topic.nameEn,
            descriptionSv: topic.descriptionSv,
            descriptionEn: topic.descriptionEn,
            purpose: topic.purpose,
            isMarketing: topic.isMarketing ? "on" : "",
            offeredAtSignup: topic.offeredAtSignup ? "on" : "",
            defaultCategories: topic.defaultCategories.join(","),
            sortOrder: String(topic.sortOrder),
            archived: topic.archivedAt ? "on" : "",
          }}
        />
      </ClientMessages>
    </article>
  );
}
