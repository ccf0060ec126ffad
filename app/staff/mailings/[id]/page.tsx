import type { Metadata } from "next";
import Link from "@/app/_components/link";
import { notFound, redirect } from "next/navigation";
import { FORBIDDEN_PATH, requireStaff } from "@/lib/auth/current-staff";
import { getDb } from "@/lib/db/client";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { getI18n } from "@/lib/i18n/server";
import { getMailing } from "@/lib/mailings/get-mailing";
import { countDeliveries, stallOf } from "@/lib/mailings/get-mailing-progress";
import { listHeldDeliveries } from "@/lib/mailings/list-held-deliveries";
import { MAILING_TEMPLATES } from "@/lib/mailings/render-mailing";
import { formatStockholm } from "@/lib/mailings/stockholm-time";
import { Notice } from "@/app/staff/_components/notice";
import { first } from "@/app/staff/_components/format";
import { HeldBatches } from "../_components/held-batches";
import { MailingProgress } from "../_components/mailing-progress";
import { REGISTRATION_NOTICE_TEMPLATE } from "@/lib/notices/registration-notice-template";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};
export const dynamic = "force-dynamic";

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t("mailings.progress.heading") };
}

export default async function MailingPage({ params, searchParams }: Props) {
  const { id } = await params;
  const staff = await requireStaff("mailings.send", { returnTo: `/staff/mailings/${id}` });
  const query = await searchParams;
  const { t, lang } = await getI18n(query);
  const db = await getDb();
  const r = await getMailing({ db, staff, id });
  if (!r.ok) {
    if (r.code === "forbidden") redirect(FORBIDDEN_PATH);
    notFound();
  }
  const mailing = r.mailing;
  const counts = await countDeliveries(db, mailing.id);
  const held = counts.held > 0 ? await listHeldDeliveries({ db, staff, mailingId: mailing.id }) : null;
  const status = first(query.status);
  const heldOutcome = first(query.held);
  const heldNotice =
    heldOutcome === "send_again" || heldOutcome === "skip"
      ? t(`mailings.progress.heldDone.${heldOutcome}`)
      : heldOutcome === "wrong_state" || heldOutcome === "nothing_held"
        ? t(`mailings.progress.heldConflicts.${heldOutcome}`)
        : heldOutcome
          ? t("mailings.progress.controlFailed")
          : undefined;
  const notice =
    status === "started"
      ? t("mailings.notices.started")
      : status === "scheduled"
        ? t("mailings.notices.scheduled")
        : heldNotice;
  const template = MAILING_TEMPLATES.find((x) => x.key === mailing.template);
  const rows: [string, string][] = [
    [t("mailings.detail.topic"), lang === "sv" ? mailing.topic.nameSv : mailing.topic.nameEn],
    [t("mailings.detail.segment"), mailing.segment.name],
    [t("mailings.detail.from"), mailing.fromName ?? t("mailings.detail.none")],
    [t("mailings.detail.replyTo"), mailing.replyTo ?? t("mailings.detail.none")],
    [t("mailings.detail.subjectSv"), mailing.subjectSv || t("mailings.detail.none")],
    [t("mailings.detail.subjectEn"), mailing.subjectEn || t("mailings.detail.none")],
    [
      t("mailings.detail.template"),
      template
        ? template.name[lang]
        : mailing.template === REGISTRATION_NOTICE_TEMPLATE
          ? t("mailings.detail.registrationNoticeTemplate")
          : t("mailings.form.templateMarkdown"),
    ],
    [t("mailings.detail.created"), formatStockholm(mailing.createdAt)],
    [t("mailings.detail.scheduledAt"), formatStockholm(mailing.scheduledAt) || t("mailings.detail.none")],
    [t("mailings.detail.startedAt"), formatStockholm(mailing.startedAt) || t("mailings.detail.none")],
    [t("mailings.detail.finishedAt"), formatStockholm(mailing.finishedAt) || t("mailings.detail.none")],
    [
      t("mailings.detail.createdBy"),
      mailing.createdBy
        ? (mailing.createdBy.name ?? mailing.createdBy.email)
        : mailing.template === REGISTRATION_NOTICE_TEMPLATE
          ? t("mailings.detail.system")
          : t("mailings.detail.none"),
    ],
  ];
  return (
    <article aria-labelledby="mailing-heading">
      <p>
        <Link href="/staff/mailings">{t("mailings.detail.back")}</Link>
      </p>
      <h1 id="mailing-heading">{mailing.name}</h1>
      <Notice
        message={notice}
        error={heldOutcome !== undefined && heldOutcome !== "send_again" && heldOutcome !== "skip"}
      />
      <p>
        {t("mailings.columns.status")}:{" "}
        <strong data-testid="mailing-status">{t(`enums.mailingStatus.${mailing.status}`)}</strong>
      </p>
      {r.editable ? (
        <p>
          <Link href={`/staff/mailings/${encodeURIComponent(mailing.id)}/edit`} className="button">
            {t("mailings.detail.edit")}
          </Link>
        </p>
      ) : null}
      {mailing.startedAt ? (
        <p>
          <Link href={`/staff/mailings/${encodeURIComponent(mailing.id)}/report`}>{t("mailings.report.link")}</Link>
        </p>
      ) : null}
      <dl className="details">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p className="field__hint">{t("mailings.timeZoneNote")}</p>
      <ClientMessages
        lang={lang}
        paths={["mailings.progress", "enums.mailingStatus", "enums.exclusionReason.recipient"]}
      >
        {/* Keyed by what the server counted, so a render after an action (a held batch decided) starts from the new
            counts instead of the client's previous ones until its next poll. */}
        <MailingProgress
          key={`${mailing.status}:${counts.queued}:${counts.held}:${counts.failed}:${counts.sent}`}
          mailingId={mailing.id}
          initial={{ status: mailing.status, counts, stall: stallOf(mailing) }}
        />
      </ClientMessages>
      {held?.ok ? (
        <HeldBatches mailingId={mailing.id} batches={held.batches} totalBatches={held.totalBatches} lang={lang} />
      ) : null}
    </article>
  );
}
