// Marketing's charts on the staff home: each topic's audience, opt-outs per week by how people opted out, and the
// outcome of the latest mailings. Numbers come from loadStaffDashboard.
import type { StaffDashboard } from "@/lib/dashboard/load-staff-dashboard";
import { OPT_OUT_SOURCES } from "@/lib/dashboard/count-opt-outs-by-week";
import type { Translator } from "@/lib/i18n/translator";
import type { Language } from "@/lib/i18n/languages";
import { ChartFigure } from "@/app/staff/_components/charts/chart-figure";
import type { ChartColour } from "@/app/staff/_components/charts/palette";
import { dateTime } from "@/app/staff/_components/format";
import { isoWeek } from "./iso-week";
import { LEAVING_REASONS } from "@/lib/subscriptions/leaving-reasons";
import { LEAVING_REASON_COLOURS } from "@/app/staff/_components/charts/leaving-reason-colours";

const SOURCE_COLOURS: Record<(typeof OPT_OUT_SOURCES)[number], ChartColour> = {
  SELF: "blue",
  ONE_CLICK: "orange",
  COMPLAINT: "red",
  UNKNOWN: "grey",
};

export function MarketingCharts(props: {
  marketing: NonNullable<StaffDashboard["marketing"]>;
  t: Translator;
  lang: Language;
  locale: string;
}) {
  const { marketing, t, lang, locale } = props;
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const audience = marketing.audienceByTopic;
  const weeks = marketing.optOutsByWeek;
  const weekTotal = (w: (typeof weeks)[number]) => sum(OPT_OUT_SOURCES.map((s) => w[s]));
  const mailings = marketing.mailings;
  const leaving = marketing.leavingReasons;
  const reasonTotal = (r: Record<(typeof LEAVING_REASONS)[number], number>) => sum(LEAVING_REASONS.map((x) => r[x]));
  const reasonSeries = LEAVING_REASONS.map((reason) => ({
    key: reason,
    label: t(`enums.leavingReason.${reason}`),
    colour: LEAVING_REASON_COLOURS[reason],
  }));
  const monthLabel = (month: string) =>
    new Intl.DateTimeFormat(locale, { month: "short", year: "numeric", timeZone: "UTC" }).format(
      new Date(`${month}-01T12:00:00Z`),
    );
  const toggle = t("staff.dashboard.charts.showTable");
  return (
    <>
      {audience.length > 0 ? (
        <ChartFigure
          id="audience-by-topic"
          kind="horizontalStacked"
          locale={locale}
          caption={t("staff.dashboard.marketing.audienceCaption")}
          summary={`${t("staff.dashboard.marketing.audienceSummary", {
            topics: audience.length,
            eligible: sum(audience.map((a) => a.eligible)),
            stopped: sum(audience.map((a) => a.stopped)),
            unsubscribed: sum(audience.map((a) => a.unsubscribed)),
          })}${
            marketing.audienceAsOf
              ? ` ${t("staff.dashboard.marketing.audienceAsOf", { at: dateTime(marketing.audienceAsOf) })}`
              : ""
          }`}
          tableToggle={toggle}
          categoryHeading={t("staff.dashboard.marketing.topic")}
          series={[
            { key: "eligible", label: t("staff.dashboard.marketing.eligible"), colour: "green" },
            { key: "stopped", label: t("staff.dashboard.marketing.stopped"), colour: "orange" },
            { key: "unsubscribed", label: t("staff.dashboard.marketing.unsubscribedTopic"), colour: "grey" },
          ]}
          rows={audience.map((a) => ({
            key: a.topicId,
            label: lang === "sv" ? a.nameSv : a.nameEn,
            values: { eligible: a.eligible, stopped: a.stopped, unsubscribed: a.unsubscribed },
          }))}
          height={`${Math.max(8, audience.length * 2.5 + 3)}rem`}
        />
      ) : null}
      <ChartFigure
        id="opt-outs-by-week"
        kind="stacked"
        locale={locale}
        caption={t("staff.dashboard.marketing.optOutsCaption")}
        summary={t("staff.dashboard.marketing.optOutsSummary", {
          total: sum(weeks.map(weekTotal)),
          thisWeek: weeks.length ? weekTotal(weeks[weeks.length - 1]!) : 0,
        })}
        tableToggle={toggle}
        categoryHeading={t("staff.dashboard.marketing.weekStarting")}
        series={OPT_OUT_SOURCES.map((s) => ({
          key: s,
          label: t(`staff.dashboard.marketing.optOutSource.${s}`),
          colour: SOURCE_COLOURS[s],
        }))}
        rows={weeks.map((w) => ({
          key: w.week,
          label: w.week,
          axisLabel: t("staff.dashboard.marketing.weekShort", { week: isoWeek(w.week) }),
          values: Object.fromEntries(OPT_OUT_SOURCES.map((s) => [s, w[s]])),
        }))}
      />
      <ChartFigure
        id="leaving-reasons-by-month"
        kind="stacked"
        locale={locale}
        caption={t("staff.dashboard.marketing.leavingByMonthCaption")}
        summary={t("staff.dashboard.marketing.leavingByMonthSummary", {
          total: sum(leaving.byMonth.map(reasonTotal)),
          months: leaving.byMonth.length,
        })}
        tableToggle={toggle}
        categoryHeading={t("staff.dashboard.marketing.month")}
        series={reasonSeries}
        rows={leaving.byMonth.map((m) => ({
          key: m.month,
          label: monthLabel(m.month),
          values: Object.fromEntries(LEAVING_REASONS.map((r) => [r, m[r]])),
        }))}
      />
      {leaving.byTopic.length > 0 ? (
        <ChartFigure
          id="leaving-reasons-by-topic"
          kind="horizontalStacked"
          locale={locale}
          caption={t("staff.dashboard.marketing.leavingByTopicCaption")}
          summary={t("staff.dashboard.marketing.leavingByTopicSummary", {
            topics: leaving.byTopic.length,
            total: sum(leaving.byTopic.map(reasonTotal)),
          })}
          tableToggle={toggle}
          categoryHeading={t("staff.dashboard.marketing.topic")}
          series={reasonSeries}
          rows={leaving.byTopic.map((topic) => ({
            key: topic.topicId ?? "all",
            label:
              topic.topicId === null
                ? t("staff.dashboard.marketing.allMarketing")
                : ((lang === "sv" ? topic.nameSv : topic.nameEn) ?? ""),
            values: Object.fromEntries(LEAVING_REASONS.map((r) => [r, topic[r]])),
          }))}
          height={`${Math.max(8, leaving.byTopic.length * 2.5 + 3)}rem`}
        />
      ) : null}
      {mailings.length > 0 ? (
        <ChartFigure
          id="latest-mailings"
          kind="bars"
          locale={locale}
          caption={t("staff.dashboard.marketing.mailingsChartCaption")}
          summary={t("staff.dashboard.marketing.mailingsSummary", {
            count: mailings.length,
            delivered: sum(mailings.map((m) => m.counts.delivered)),
            bounced: sum(mailings.map((m) => m.counts.bounced)),
            complained: sum(mailings.map((m) => m.counts.complained)),
            unsubscribed: sum(mailings.map((m) => m.counts.unsubscribed)),
          })}
          tableToggle={toggle}
          categoryHeading={t("staff.dashboard.marketing.name")}
          series={[
            { key: "delivered", label: t("staff.dashboard.marketing.delivered"), colour: "green" },
            { key: "bounced", label: t("staff.dashboard.marketing.bounced"), colour: "orange" },
            { key: "complained", label: t("staff.dashboard.marketing.complained"), colour: "red" },
            { key: "unsubscribed", label: t("staff.dashboard.marketing.unsubscribed"), colour: "purple" },
          ]}
          rows={mailings.map((m) => ({
            key: m.id,
            label: m.name,
            values: {
              delivered: m.counts.delivered,
              bounced: m.counts.bounced,
              complained: m.counts.complained,
              unsubscribed: m.counts.unsubscribed,
            },
          }))}
        />
      ) : null}
    </>
  );
}
