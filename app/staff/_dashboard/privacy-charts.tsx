// The privacy officer's charts on the staff home: open requests by how soon they fall due (split by status),
// erasures per month, and the audit trail's latest entries checked. Numbers come from loadStaffDashboard.
import Link from "@/app/_components/link";
import type { StaffDashboard } from "@/lib/dashboard/load-staff-dashboard";
import type { Translator } from "@/lib/i18n/translator";
import { ChartFigure } from "@/app/staff/_components/charts/chart-figure";
import { dateTime } from "@/app/staff/_components/format";

export function PrivacyCharts(props: {
  privacy: NonNullable<StaffDashboard["privacy"]>;
  t: Translator;
  locale: string;
}) {
  const { privacy, t, locale } = props;
  const due = Object.fromEntries(privacy.byDue.map((b) => [b.bucket, b.RECEIVED + b.IN_PROGRESS]));
  const erasures = privacy.erasuresByMonth.reduce((sum, m) => sum + m.count, 0);
  const chain = privacy.auditChain;
  return (
    <>
      <ChartFigure
        id="requests-by-due"
        kind="stacked"
        locale={locale}
        caption={t("staff.dashboard.privacy.byDueCaption")}
        summary={t("staff.dashboard.privacy.byDueSummary", {
          overdue: due.overdue ?? 0,
          week: due.within7Days ?? 0,
          month: due.within30Days ?? 0,
          later: due.later ?? 0,
        })}
        tableToggle={t("staff.dashboard.charts.showTable")}
        categoryHeading={t("staff.dashboard.privacy.dueWhen")}
        series={[
          { key: "RECEIVED", label: t("enums.requestStatus.label.RECEIVED"), colour: "orange" },
          { key: "IN_PROGRESS", label: t("enums.requestStatus.label.IN_PROGRESS"), colour: "blue" },
        ]}
        rows={privacy.byDue.map((b) => ({
          key: b.bucket,
          label: t(`staff.dashboard.privacy.dueBucket.${b.bucket}`),
          values: { RECEIVED: b.RECEIVED, IN_PROGRESS: b.IN_PROGRESS },
        }))}
        height="14rem"
      />
      <ChartFigure
        id="erasures-by-month"
        kind="bars"
        locale={locale}
        caption={t("staff.dashboard.privacy.erasuresCaption")}
        summary={t("staff.dashboard.privacy.erasuresSummary", { total: erasures })}
        tableToggle={t("staff.dashboard.charts.showTable")}
        categoryHeading={t("staff.dashboard.privacy.month")}
        series={[{ key: "count", label: t("staff.dashboard.privacy.erasures"), colour: "purple" }]}
        rows={privacy.erasuresByMonth.map((m) => ({ key: m.month, label: m.month, values: { count: m.count } }))}
        height="12rem"
      />
      {chain ? (
        <section aria-labelledby="dash-chain">
          <h3 id="dash-chain">{t("staff.dashboard.privacy.chainHeading")}</h3>
          <p data-testid="dash-audit-chain">
            {chain.ok ? (
              chain.latestAt ? (
                <>
                  <span className="badge badge--ok">{t("staff.dashboard.privacy.chainOkBadge")}</span>{" "}
                  {t("staff.dashboard.privacy.chainOk", { checked: chain.checked, at: dateTime(chain.latestAt) })}
                </>
              ) : (
                t("staff.dashboard.privacy.chainEmpty")
              )
            ) : (
              <>
                <span className="badge badge--danger">{t("staff.dashboard.privacy.chainBrokenBadge")}</span>{" "}
                {t("staff.dashboard.privacy.chainBroken", { seq: chain.brokenAt.toString() })}
              </>
            )}{" "}
            <Link href="/staff/audit">{t("staff.dashboard.privacy.chainVerifyAll")}</Link>
          </p>
        </section>
      ) : null}
    </>
  );
}
