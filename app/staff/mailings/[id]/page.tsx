import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { FORBIDDEN_PATH, requireStaff } from "@/lib/auth/current-staff";
import { getDb } from "@/lib/db/client";
import { getI18n } from "@/lib/i18n/server";
import { getMailing } from "@/lib/mailings/get-mailing";
import { countDeliveries } from "@/lib/mailings/get-mailing-progress";
import { MAILING_TEMPLATES } from "@/lib/mailings/render-mailing";
import { formatStockholm } from "@/lib/mailings/stockholm-time";
import { Notice } from "../../contacts/_components/notice";
import { first } from "../../contacts/_components/format";
import { MailingProgress } from "../_components/mailing-progress";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};
export const dynamic = "force-dynamic";

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t.mailings.progress.heading };
}

export default async function MailingPage({ params, searchParams }: Props) {
  const { id } = await params;
  const staff = await requireStaff("mailings.send", { returnTo: `/staff/mailings/${id}` });
  const query = await searchParams;
  const { t, lang } = await getI18n(query);
  const m = t.mailings;
  const d = m.detail;
  const db = await getDb();
  const r = await getMailing({ db, staff, id });
  if (!r.ok) {
    if (r.code === "forbidden") redirect(FORBIDDEN_PATH);
    notFound();
  }
  const mailing = r.mailing;
  const counts = await countDeliveries(db, mailing.id);
  const status = first(query.status);
  const notice = status === "started" ? m.notices.started : status === "scheduled" ? m.notices.scheduled : undefined;
  const template = MAILING_TEMPLATES.find((x) => x.key === mailing.template);
  const rows: [string, string][] = [
    [d.topic, lang === "sv" ? mailing.topic.nameSv : mailing.topic.nameEn],
    [d.segment, mailing.segment.name],
    [d.from, mailing.fromName ?? d.none],
    [d.replyTo, mailing.replyTo ?? d.none],
    [d.subjectSv, mailing.subjectSv || d.none],
    [d.subjectEn, mailing.subjectEn || d.none],
    [d.template, template ? template.name[lang] : m.form.templateMarkdown],
    [d.created, formatStockholm(mailing.createdAt)],
    [d.scheduledAt, formatStockholm(mailing.scheduledAt) || d.none],
    [d.startedAt, formatStockholm(mailing.startedAt) || d.none],
    [d.finishedAt, formatStockholm(mailing.finishedAt) || d.none],
    [d.createdBy, mailing.createdBy ? (mailing.createdBy.name ?? mailing.createdBy.email) : d.none],
  ];
  return (
    <article aria-labelledby="mailing-heading">
      <p>
        <Link href="/staff/mailings">{d.back}</Link>
      </p>
      <h1 id="mailing-heading">{mailing.name}</h1>
      <Notice message={notice} />
      <p>
        {m.columns.status}: <strong data-testid="mailing-status">{m.status[mailing.status]}</strong>
      </p>
      {r.editable ? (
        <p>
          <Link href={`/staff/mailings/${encodeURIComponent(mailing.id)}/edit`} className="button">
            {d.edit}
          </Link>
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
      <p className="field__hint">{m.timeZoneNote}</p>
      <MailingProgress
        mailingId={mailing.id}
        initial={{ status: mailing.status, counts }}
        texts={{ ...m.progress, status: m.status }}
      />
    </article>
  );
}
