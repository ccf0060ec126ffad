import type { Metadata } from "next";
import Link from "@/app/_components/link";
import { requireStaff } from "@/lib/auth/current-staff";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { getI18n } from "@/lib/i18n/server";
import { TopicForm } from "../topic-form";
import { TOPIC_FORM_MESSAGES, topicFormProps } from "../topic-form-props";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
export const dynamic = "force-dynamic";

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t("segments.topics.newTitle") };
}

export default async function NewTopicPage({ searchParams }: Props) {
  await requireStaff("topics.manage", { returnTo: "/staff/topics/new" });
  const { t, lang } = await getI18n(searchParams);
  return (
    <article aria-labelledby="topic-heading">
      <p>
        <Link href="/staff/topics">{t("segments.topics.back")}</Link>
      </p>
      <h1 id="topic-heading">{t("segments.topics.newTitle")}</h1>
      <ClientMessages lang={lang} paths={TOPIC_FORM_MESSAGES}>
        <TopicForm
          {...topicFormProps(lang)}
          initial={{ purpose: "MARKETING_MAILINGS", isMarketing: "on", sortOrder: "0", defaultCategories: "" }}
        />
      </ClientMessages>
    </article>
  );
}
