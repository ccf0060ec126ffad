import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { FORBIDDEN_PATH, requireStaff } from "@/lib/auth/current-staff";
import { getDb } from "@/lib/db/client";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { getI18n } from "@/lib/i18n/server";
import { getMailing, listMailingTargets } from "@/lib/mailings/get-mailing";
import { first } from "@/app/staff/_components/format";
import { COMPOSE_FORM_MESSAGES, composeProps, mailingValues } from "../../_components/compose-props";
import { ComposeForm } from "../../_components/compose-form";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};
export const dynamic = "force-dynamic";

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t("mailings.editTitleUnnamed") };
}

export default async function EditMailingPage({ params, searchParams }: Props) {
  const { id } = await params;
  const staff = await requireStaff("mailings.send", { returnTo: `/staff/mailings/${id}/edit` });
  const query = await searchParams;
  const { t, lang } = await getI18n(query);
  const db = await getDb();
  const r = await getMailing({ db, staff, id });
  if (!r.ok) {
    if (r.code === "forbidden") redirect(FORBIDDEN_PATH);
    notFound();
  }
  // Once sending has started the content is fixed; the detail page shows it with the progress.
  if (!r.editable) redirect(`/staff/mailings/${encodeURIComponent(id)}`);
  const targets = await listMailingTargets({ db });
  // A mailing keeps its topic and segment in the selects even if one was archived since.
  if (!targets.topics.some((x) => x.id === r.mailing.topic.id)) targets.topics.push(r.mailing.topic);
  if (!targets.segments.some((x) => x.id === r.mailing.segment.id)) targets.segments.push(r.mailing.segment);
  const status = first(query.status);
  const notice =
    status === "created"
      ? t("mailings.notices.created")
      : status === "test_sent"
        ? t("mailings.notices.testSent", { to: staff.email })
        : undefined;
  return (
    <article aria-labelledby="mailing-edit-heading">
      <h1 id="mailing-edit-heading">{t("mailings.editTitle", { name: r.mailing.name })}</h1>
      <ClientMessages lang={lang} paths={COMPOSE_FORM_MESSAGES}>
        <ComposeForm
          id={r.mailing.id}
          values={mailingValues(r.mailing)}
          notice={notice}
          {...composeProps(lang, targets)}
        />
      </ClientMessages>
    </article>
  );
}
