// /staff/retention: for the privacy officer and admins (retention.manage). What falls due for deletion in the next
// 30, 90 and 365 days by category and organisation, with each date's reason; legal holds, placed and released here;
// and what each run of the retention job deleted, in counts (lib/retention/load-retention-overview.ts).
import type { Metadata } from "next";
import Link from "@/app/_components/link";
import { redirect } from "next/navigation";
import { FORBIDDEN_PATH, requireStaff } from "@/lib/auth/current-staff";
import { getDb } from "@/lib/db/client";
import { getConfig } from "@/lib/env/config";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { getI18n } from "@/lib/i18n/server";
import { categoryName } from "@/lib/policy/policy-labels";
import { getPolicy } from "@/lib/policy/current-policy";
import { MAX_HOLD_YEARS } from "@/lib/retention/legal-hold-schema";
import { loadRetentionOverview, type WindowCounts } from "@/lib/retention/load-retention-overview";
import { PageHeader } from "@/app/staff/_components/page-header";
import { dateTime, day, first } from "@/app/staff/_components/format";
import { ConfirmSubmit } from "@/app/staff/_components/kit/confirm-submit";
import { DataTable, type DataColumn } from "@/app/staff/_components/kit/data-table";
import { releaseHold, setRegistrationNoticeAction } from "./actions";
import { PlaceHoldForm } from "./place-hold-form";

export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;

const PLACE_HOLD_MESSAGES = ["accountability.retention", "staff.kit.organisationPicker"];

export async function generateMetadata({ searchParams }: { searchParams: Promise<SearchParams> }): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t("accountability.retention.title") };
}

export default async function RetentionPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const staff = await requireStaff("retention.manage", { returnTo: "/staff/retention" });
  const { lang, t } = await getI18n(searchParams);
  const view = await loadRetentionOverview({ db: await getDb(), staff });
  if (!view.ok) redirect(FORBIDDEN_PATH);
  const o = view.value;
  const policy = getPolicy();
  const category = (c: string) => categoryName(policy, c as never, lang);
  const done = first(params.done);
  const doneKey = (["released", "already", "not_found", "failed"] as const).find((k) => k === done);
  const noticeKey = (["notice_on", "notice_off", "notice_invalid", "notice_failed"] as const).find((k) => k === done);
  const notice = o.registrationNotice;

  const windowColumns = <R extends WindowCounts>(): DataColumn<R>[] => [
    { key: "overdue", header: t("accountability.retention.columns.overdue"), align: "end", cell: (r) => r.overdue },
    { key: "d30", header: t("accountability.retention.columns.d30"), align: "end", cell: (r) => r.d30 },
    { key: "d90", header: t("accountability.retention.columns.d90"), align: "end", cell: (r) => r.d90 },
    { key: "d365", header: t("accountability.retention.columns.d365"), align: "end", cell: (r) => r.d365 },
  ];
  // The category's rule in years (a category the policy dropped: the shortest rule, as computeDeletionDate reads it).
  const years = (c: keyof typeof policy.categories) =>
    policy.categories[c]?.retention.years ??
    Math.min(...Object.values(policy.categories).map((v) => v.retention.years));
  const reason = (r: { reason: string; since: Date; category: keyof typeof policy.categories }) =>
    t(`accountability.retention.reasons.${r.reason as "relationship_ended" | "role_ended" | "last_contact"}`, {
      years: String(years(r.category)),
      since: day(r.since),
    });

  return (
    <article aria-labelledby="retention-heading">
      <PageHeader id="retention-heading" title={t("accountability.retention.heading")} />
      <p className="lead">
        {t("accountability.retention.lead", { hour: String(getConfig().jobs.retentionHour).padStart(2, "0") })}
      </p>
      <p data-testid="retention-as-of">
        {o.asOf ? t("accountability.retention.asOf", { at: dateTime(o.asOf) }) : t("accountability.retention.neverRun")}
      </p>

      <section aria-labelledby="due-heading">
        <h2 id="due-heading">{t("accountability.retention.dueHeading")}</h2>
        <DataTable
          caption={t("accountability.retention.byCategoryCaption")}
          showCaption
          testId="retention-by-category"
          rows={o.byCategory.map((r) => ({ ...r, id: r.category }))}
          empty={<p>{t("accountability.retention.nothingDue")}</p>}
          columns={[
            {
              key: "category",
              header: t("accountability.retention.columns.category"),
              rowHeader: true,
              cell: (r) => category(r.category),
            },
            ...windowColumns(),
          ]}
        />
        <DataTable
          caption={t("accountability.retention.byOrganisationCaption")}
          showCaption
          testId="retention-by-organisation"
          rows={o.byOrganisation.map((r) => ({ ...r, id: r.id ?? "none" }))}
          empty={<p>{t("accountability.retention.nothingDue")}</p>}
          columns={[
            {
              key: "organisation",
              header: t("accountability.retention.columns.organisation"),
              rowHeader: true,
              cell: (r) =>
                r.id && r.name ? (
                  <Link href={`/staff/organisations/${r.id}`}>{r.name}</Link>
                ) : (
                  t("accountability.retention.noOrganisation")
                ),
            },
            ...windowColumns(),
          ]}
        />
      </section>

      <section aria-labelledby="list-heading">
        <h2 id="list-heading">{t("accountability.retention.listHeading")}</h2>
        <p>{t("accountability.retention.listLead")}</p>
        <DataTable
          caption={t("accountability.retention.listCaption")}
          testId="retention-due-list"
          rows={o.dueFirst}
          rowAttributes={(r) => ({ "data-contact-id": r.id })}
          empty={<p>{t("accountability.retention.nothingDue")}</p>}
          columns={[
            {
              key: "contact",
              header: t("accountability.retention.columns.contact"),
              rowHeader: true,
              cell: (r) => <Link href={`/staff/contacts/${r.id}`}>{r.name}</Link>,
            },
            {
              key: "organisation",
              header: t("accountability.retention.columns.organisation"),
              cell: (r) => r.organisation ?? t("accountability.retention.noOrganisation"),
            },
            {
              key: "category",
              header: t("accountability.retention.columns.category"),
              cell: (r) => category(r.category),
            },
            {
              key: "deleteBy",
              header: t("accountability.retention.columns.deleteBy"),
              nowrap: true,
              cell: (r) => day(r.deleteBy),
            },
            { key: "reason", header: t("accountability.retention.columns.reason"), cell: reason },
            {
              key: "hold",
              header: t("accountability.retention.columns.hold"),
              cell: (r) => (r.held ? t("accountability.retention.heldYes") : ""),
            },
          ]}
        />
      </section>

      <section aria-labelledby="notice-heading">
        <h2 id="notice-heading">{t("accountability.retention.notice.heading")}</h2>
        <p>{t("accountability.retention.notice.lead")}</p>
        <p role="status" data-testid="notice-status" className={noticeKey ? "callout" : undefined}>
          {noticeKey ? t(`accountability.retention.notice.done.${noticeKey}`) : ""}
        </p>
        <p data-testid="notice-state">
          {notice.on ? t("accountability.retention.notice.isOn") : t("accountability.retention.notice.isOff")}
        </p>
        <form action={setRegistrationNoticeAction}>
          <input type="hidden" name="on" value={notice.on ? "off" : "on"} />
          <input type="hidden" name="uiLang" value={lang} />
          <button type="submit" className="button button--secondary">
            {notice.on ? t("accountability.retention.notice.turnOff") : t("accountability.retention.notice.turnOn")}
          </button>
        </form>
        {notice.mailings.length > 0 ? (
          <>
            <h3 id="notice-mailings-heading">{t("accountability.retention.notice.mailingsHeading")}</h3>
            <ul aria-labelledby="notice-mailings-heading">
              {notice.mailings.map((m) => (
                <li key={m.id}>
                  <Link href={`/staff/mailings/${m.id}`}>{m.name}</Link>
                  {" — "}
                  {t(`enums.mailingStatus.${m.status as "SENT"}`)}
                  {m.startedAt ? `, ${dateTime(m.startedAt)}` : ""}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section aria-labelledby="holds-heading">
        <h2 id="holds-heading">{t("accountability.retention.holdsHeading")}</h2>
        <p>{t("accountability.retention.holdsLead", { years: String(MAX_HOLD_YEARS) })}</p>
        <p role="status" data-testid="hold-status" className={doneKey ? "callout" : undefined}>
          {doneKey ? t(`accountability.retention.done.${doneKey}`) : ""}
        </p>
        <DataTable
          caption={t("accountability.retention.holdsCaption")}
          testId="legal-holds"
          rows={o.holds}
          empty={<p>{t("accountability.retention.noHolds")}</p>}
          columns={[
            {
              key: "target",
              header: t("accountability.retention.columns.target"),
              rowHeader: true,
              cell: (h) =>
                h.contact ? (
                  <Link href={`/staff/contacts/${h.contact.id}`}>{h.contact.name}</Link>
                ) : h.organisation ? (
                  <Link href={`/staff/organisations/${h.organisation.id}`}>{h.organisation.name}</Link>
                ) : (
                  t("accountability.retention.erasedTarget")
                ),
            },
            { key: "reason", header: t("accountability.retention.columns.holdReason"), cell: (h) => h.reason },
            {
              key: "endsOn",
              header: t("accountability.retention.columns.endsOn"),
              nowrap: true,
              cell: (h) => day(h.endsOn),
            },
            {
              key: "placed",
              header: t("accountability.retention.columns.placed"),
              cell: (h) => `${dateTime(h.createdAt)}${h.createdBy ? ` (${h.createdBy})` : ""}`,
            },
            {
              key: "status",
              header: t("accountability.retention.columns.status"),
              cell: (h) =>
                h.releasedAt
                  ? t("accountability.retention.status.released", { at: dateTime(h.releasedAt) })
                  : h.active
                    ? t("accountability.retention.status.active")
                    : t("accountability.retention.status.ended"),
            },
            {
              key: "actions",
              header: t("accountability.retention.columns.actions"),
              cell: (h) =>
                h.active ? (
                  <form action={releaseHold}>
                    <input type="hidden" name="id" value={h.id} />
                    <input type="hidden" name="uiLang" value={lang} />
                    <ConfirmSubmit
                      label={t("accountability.retention.release")}
                      ariaLabel={t("accountability.retention.releaseLabel", {
                        target: h.contact?.name ?? h.organisation?.name ?? "",
                      })}
                      heading={t("accountability.retention.releaseHeading")}
                      body={t("accountability.retention.releaseBody")}
                      confirmLabel={t("accountability.retention.releaseConfirm")}
                      backLabel={t("accountability.retention.back")}
                      className="button button--secondary button--small"
                    />
                  </form>
                ) : null,
            },
          ]}
        />
        <h3 id="place-hold-heading">{t("accountability.retention.placeHeading")}</h3>
        <ClientMessages lang={lang} paths={PLACE_HOLD_MESSAGES}>
          <PlaceHoldForm lang={lang} />
        </ClientMessages>
      </section>

      <section aria-labelledby="runs-heading">
        <h2 id="runs-heading">{t("accountability.retention.runsHeading")}</h2>
        <p>{t("accountability.retention.runsLead")}</p>
        <DataTable
          caption={t("accountability.retention.runsCaption")}
          testId="retention-runs"
          rows={o.runs}
          empty={<p>{t("accountability.retention.noRuns")}</p>}
          columns={[
            {
              key: "started",
              header: t("accountability.retention.columns.started"),
              rowHeader: true,
              nowrap: true,
              cell: (r) =>
                `${dateTime(r.startedAt)}${r.finishedAt ? "" : ` (${t("accountability.retention.running")})`}`,
            },
            {
              key: "trigger",
              header: t("accountability.retention.columns.trigger"),
              cell: (r) =>
                (["schedule", "start", "cli", "test"] as const).includes(r.trigger as never)
                  ? t(`accountability.retention.triggers.${r.trigger as "schedule"}`)
                  : r.trigger,
            },
            {
              key: "checked",
              header: t("accountability.retention.columns.checked"),
              align: "end",
              cell: (r) => r.swept,
            },
            {
              key: "deleted",
              header: t("accountability.retention.columns.deleted"),
              align: "end",
              cell: (r) => r.deleted,
            },
            { key: "held", header: t("accountability.retention.columns.held"), align: "end", cell: (r) => r.held },
            {
              key: "failed",
              header: t("accountability.retention.columns.failed"),
              align: "end",
              cell: (r) => r.failed,
            },
            {
              key: "byCategory",
              header: t("accountability.retention.columns.deletedByCategory"),
              cell: (r) =>
                Object.entries(r.byCategory)
                  .map(([c, n]) => `${category(c)}: ${n}`)
                  .join(", "),
            },
          ]}
        />
      </section>
    </article>
  );
}
