import type { Metadata } from "next";
import Link from "@/app/_components/link";
import { notFound, redirect } from "next/navigation";
import { FORBIDDEN_PATH, requireStaff } from "@/lib/auth/current-staff";
import { getDb } from "@/lib/db/client";
import { getI18n } from "@/lib/i18n/server";
import { getMailingReport, TIMELINE_SERIES } from "@/lib/mailings/get-mailing-report";
import { ChartFigure } from "@/app/staff/_components/charts/chart-figure";
import type { ChartColour } from "@/app/staff/_components/charts/palette";
import { clock, dateTime } from "@/app/staff/_components/format";
import { LEAVING_REASONS } from "@/lib/subscriptions/leaving-reasons";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};
export const dynamic = "force-dynamic";

const COLOURS: Record<(typeof TIMELINE_SERIES)[number], ChartColour> = {
  sent: "blue",
  delivered: "green",
  bounced: "orange",
  complained: "red",
  unsubscribed: "purple",
};

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t("mailings.report.title") };
}

// A sent mailing's delivery report: the timeline from the send start and the totals (lib/mailings/get-mailing-report).
export default async function MailingReportPage({ params, searchParams }: Props) {
  const { id } = await params;
  const staff = await requireStaff("mailings.send", { returnTo: `/staff/mailings/${id}/report` });
  const { t, lang } = await getI18n(searchParams);
  const r = await getMailingReport({ db: await getDb(), staff, mailingId: id });
  if (!r.ok) {
    if (r.code === "forbidden") redirect(FORBIDDEN_PATH);
    notFound();
  }
  const { mailing, totals, timeline, leaving } = r.report;
  const locale = lang === "sv" ? "sv-SE" : "en-GB";
  const n = new Intl.NumberFormat(locale);
  const sumOf = (key: (typeof TIMELINE_SERIES)[number]) => timeline?.buckets.reduce((a, b) => a + b[key], 0) ?? 0;
  const totalRows: [string, number][] = [
    [t("mailings.progress.total"), totals.total],
    [t("mailings.progress.sent"), totals.sent],
    [t("mailings.progress.delivered"), totals.delivered],
    [t("mailings.progress.bounced"), totals.bounced],
    [t("mailings.progress.complained"), totals.complained],
    [t("mailings.progress.failed"), totals.failed],
    [t("mailings.progress.suppressed"), totals.suppressed],
    [t("mailings.progress.cancelled"), totals.cancelled],
    [t("mailings.progress.queued"), totals.queued],
    [t("mailings.progress.unsubscribed"), totals.unsubscribed],
  ];
  return (
    <article aria-labelledby="report-heading">
      <p>
        <Link href={`/staff/mailings/${encodeURIComponent(mailing.id)}`}>{t("mailings.report.back")}</Link>
      </p>
      <h1 id="report-heading">{t("mailings.report.heading", { name: mailing.name })}</h1>
      <p>
        {t("mailings.columns.status")}: <strong>{t(`enums.mailingStatus.${mailing.status}`)}</strong>
      </p>
      {timeline && mailing.startedAt ? (
        <ChartFigure
          id="delivery-timeline"
          kind="line"
          locale={locale}
          caption={t("mailings.report.timelineCaption", { minutes: timeline.bucketMinutes === 10 ? "m10" : "m60" })}
          summary={t("mailings.report.timelineSummary", {
            start: dateTime(mailing.startedAt),
            sent: sumOf("sent"),
            delivered: sumOf("delivered"),
            bounced: sumOf("bounced"),
            complained: sumOf("complained"),
            unsubscribed: sumOf("unsubscribed"),
          })}
          tableToggle={t("staff.dashboard.charts.showTable")}
          categoryHeading={t("mailings.report.from")}
          series={TIMELINE_SERIES.map((key) => ({ key, label: t(`mailings.progress.${key}`), colour: COLOURS[key] }))}
          rows={timeline.buckets.map((b) => ({
            key: b.start.toISOString(),
            label: dateTime(b.start),
            axisLabel: clock(b.start),
            values: Object.fromEntries(TIMELINE_SERIES.map((key) => [key, b[key]])),
          }))}
          note={[
            t("mailings.report.updatedAtNote"),
            t("mailings.report.noOpens"),
            timeline.foldedAfterHours ? t("mailings.report.folded", { hours: timeline.foldedAfterHours }) : "",
          ]
            .filter(Boolean)
            .join(" ")}
        />
      ) : (
        <p>{t("mailings.report.notStarted")}</p>
      )}
      <div className="table-scroll">
        <table data-testid="report-totals">
          <caption>{t("mailings.report.totalsCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("mailings.report.outcome")}</th>
              <th scope="col" className="num">
                {t("mailings.report.count")}
              </th>
            </tr>
          </thead>
          <tbody>
            {totalRows.map(([label, value]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td className="num">{n.format(value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="table-scroll">
        <table data-testid="report-leaving">
          <caption>{t("mailings.report.leavingCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("mailings.report.leavingReason")}</th>
              <th scope="col" className="num">
                {t("mailings.report.count")}
              </th>
              <th scope="col" className="num">
                {t("mailings.report.leavingShare")}
              </th>
            </tr>
          </thead>
          <tbody>
            {LEAVING_REASONS.map((reason) => (
              <tr key={reason}>
                <th scope="row">{t(`enums.leavingReason.${reason}`)}</th>
                <td className="num">{n.format(leaving.reasons[reason])}</td>
                <td className="num">
                  {leaving.answers
                    ? new Intl.NumberFormat(locale, { style: "percent" }).format(
                        leaving.reasons[reason] / leaving.answers,
                      )
                    : "–"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted">
        {t("mailings.report.leavingNote", {
          answers: leaving.answers,
          unsubscribed: totals.unsubscribed,
          rate: totals.delivered
            ? new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(
                totals.unsubscribed / totals.delivered,
              )
            : "–",
          comments: leaving.withComment,
        })}
      </p>
    </article>
  );
}
