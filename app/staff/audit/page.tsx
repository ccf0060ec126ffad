// /staff/audit: the audit trail for the privacy officer and admins. Filters come from the query string (a GET form),
// so a filtered view can be linked to and exported; the hash chain is checked on every display since its newest
// verified checkpoint (lib/audit/check-audit-chain.ts), and the last full check is shown.
import type { Metadata } from "next";
import Link from "@/app/_components/link";
import { describeAuditAction, describeAuditFields } from "@/lib/audit/describe-audit-action";
import {
  AUDIT_FILTER_KEYS,
  auditFilterSchema,
  listAuditEvents,
  listAuditFilterChoices,
  type AuditFilter,
} from "@/lib/audit/list-audit-events";
import { requireStaff } from "@/lib/auth/current-staff";
import { getDb } from "@/lib/db/client";
import { getConfig } from "@/lib/env/config";
import { getI18n } from "@/lib/i18n/server";
import { textsAt } from "@/lib/i18n/texts-at";
import { auditActionTexts } from "@/lib/i18n/audit-action-texts";
import { dateTimeSeconds } from "@/app/staff/_components/format";
import { DataTable } from "@/app/staff/_components/kit/data-table";

export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;

export async function generateMetadata({ searchParams }: { searchParams: Promise<SearchParams> }): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t("accountability.audit.title") };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

function query(filter: AuditFilter, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const key of AUDIT_FILTER_KEYS) if (filter[key]) params.set(key, filter[key]);
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  return params.toString();
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  await requireStaff("audit.read", { returnTo: "/staff/audit" });
  const { lang, t } = await getI18n(searchParams);
  const actionTexts = auditActionTexts(lang);
  const subjectTypes = textsAt(lang, "enums.auditSubjectType");
  const subjectType = (type: string) => subjectTypes[type] ?? type;
  const raw = Object.fromEntries(AUDIT_FILTER_KEYS.map((k) => [k, one(params[k]) ?? ""]));
  const parsed = auditFilterSchema.safeParse(raw);
  const filter: AuditFilter = parsed.success ? parsed.data : {};
  const db = await getDb();
  const [result, choices] = await Promise.all([
    listAuditEvents({
      db,
      filter,
      before: one(params.before),
      suppressionKey: getConfig().suppressionKey,
    }),
    listAuditFilterChoices({ db }),
  ]);
  const chain = result.chain;

  return (
    <article aria-labelledby="audit-heading">
      <h1 id="audit-heading">{t("accountability.audit.heading")}</h1>
      <p className="lead">{t("accountability.audit.lead")}</p>
      {chain ? (
        <p
          className={chain.ok ? "callout callout--ok" : "callout callout--danger"}
          data-testid="chain-status"
          role="status"
        >
          {chain.ok
            ? t(chain.pending ? "accountability.audit.chainOkSoFar" : "accountability.audit.chainOk", {
                n: chain.entries,
              })
            : t("accountability.audit.chainBroken", { seq: chain.brokenAt.toString() })}
          {chain.ok && chain.since ? (
            <>
              {" "}
              {t("accountability.audit.chainChecked", {
                checked: chain.checkedNow,
                since: dateTimeSeconds(chain.since),
              })}
            </>
          ) : null}{" "}
          {chain.lastFull
            ? t("accountability.audit.chainLastFull", {
                at: dateTimeSeconds(chain.lastFull.at),
                n: chain.lastFull.entries,
              })
            : t("accountability.audit.chainNeverFull")}
        </p>
      ) : null}
      <p className="muted">{t("accountability.audit.readNote")}</p>

      <form method="get" action="/staff/audit" aria-labelledby="audit-filters">
        <h2 id="audit-filters">{t("accountability.audit.filters")}</h2>
        {!parsed.success ? (
          <p className="field__error" role="alert">
            {t("accountability.audit.invalidFilter")}
          </p>
        ) : null}
        <div className="filter-bar">
          <div className="field">
            <label className="field__label" htmlFor="audit-person">
              {t("accountability.audit.person")}
            </label>
            <p className="field__hint" id="audit-person-hint">
              {t("accountability.audit.personHint")}
            </p>
            <input
              className="field__input"
              id="audit-person"
              name="person"
              defaultValue={raw.person}
              aria-describedby="audit-person-hint"
            />
          </div>
          <div className="field">
            <label className="field__label" htmlFor="audit-staff">
              {t("accountability.audit.staff")}
            </label>
            <select className="field__input" id="audit-staff" name="staffId" defaultValue={raw.staffId}>
              <option value="">{t("accountability.audit.anyStaff")}</option>
              {choices.staff.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name ? `${s.name} (${s.email})` : s.email}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field__label" htmlFor="audit-action">
              {t("accountability.audit.action")}
            </label>
            <select className="field__input" id="audit-action" name="action" defaultValue={raw.action}>
              <option value="">{t("accountability.audit.anyAction")}</option>
              {choices.actions.map((a) => (
                <option key={a} value={a}>
                  {describeAuditAction(a, actionTexts).text}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field__label" htmlFor="audit-from">
              {t("accountability.audit.from")}
            </label>
            <input
              className="field__input"
              id="audit-from"
              name="from"
              type="date"
              defaultValue={raw.from}
              aria-invalid={!parsed.success && raw.from ? true : undefined}
            />
          </div>
          <div className="field">
            <label className="field__label" htmlFor="audit-to">
              {t("accountability.audit.to")}
            </label>
            <input
              className="field__input"
              id="audit-to"
              name="to"
              type="date"
              defaultValue={raw.to}
              aria-invalid={!parsed.success && raw.to ? true : undefined}
            />
          </div>
        </div>
        {filter.subjectId ? <input type="hidden" name="subjectId" value={filter.subjectId} /> : null}
        {filter.subjectType ? <input type="hidden" name="subjectType" value={filter.subjectType} /> : null}
        {filter.subjectId ? (
          <p data-testid="audit-subject">
            {t("accountability.audit.subject")}: {filter.subjectType ? subjectType(filter.subjectType) : null}{" "}
            <span className="mono">{filter.subjectId}</span>
          </p>
        ) : null}
        <div className="actions">
          <button type="submit" className="button">
            {t("accountability.audit.apply")}
          </button>
          <Link href="/staff/audit">{t("accountability.audit.clear")}</Link>
          <a href={`/staff/audit/export?${query(filter, { format: "csv" })}`}>{t("accountability.audit.exportCsv")}</a>
          <a href={`/staff/audit/export?${query(filter, { format: "json" })}`}>
            {t("accountability.audit.exportJson")}
          </a>
        </div>
      </form>

      {!result.ok ? (
        <p className="callout">{t("accountability.audit.personNotFound")}</p>
      ) : (
        <>
          {result.person?.kind === "erased" ? (
            <p className="callout">{t("accountability.audit.personErased", { ref: result.person.subjectRef })}</p>
          ) : null}
          <DataTable
            caption={t("accountability.audit.tableCaption")}
            showCaption
            testId="audit-table"
            rows={result.entries.map((e) => ({ ...e, id: e.seq }))}
            empty={<p>{t("accountability.audit.none")}</p>}
            rowAttributes={(e) => ({ "data-action": e.action })}
            columns={[
              { key: "seq", header: t("accountability.audit.columns.seq"), cell: (e) => e.seq },
              { key: "at", header: t("accountability.audit.columns.at"), cell: (e) => dateTimeSeconds(e.at) },
              {
                key: "actor",
                header: t("accountability.audit.columns.actor"),
                cell: (e) => (
                  <>
                    {t(`enums.auditActorType.${e.actorType}`)}
                    {e.actorLabel || e.actorId ? <br /> : null}
                    {e.actorLabel ? (
                      <span>{e.actorLabel}</span>
                    ) : e.actorType === "CONTACT" ? (
                      <span>{t("enums.auditSubjectType.erased")}</span>
                    ) : (
                      <span className="mono">{e.actorId}</span>
                    )}
                  </>
                ),
              },
              {
                key: "action",
                header: t("accountability.audit.columns.action"),
                cell: (e) => describeAuditAction(e.action, actionTexts).text,
              },
              {
                key: "subject",
                header: t("accountability.audit.columns.subject"),
                cell: (e) => (
                  <>
                    {subjectType(e.subjectType)}
                    <br />
                    <Link
                      href={`/staff/audit?subjectType=${encodeURIComponent(e.subjectType)}&subjectId=${encodeURIComponent(e.subjectId)}`}
                    >
                      {e.subjectLabel ??
                        (e.subjectType === "Contact" ? t("enums.auditSubjectType.erased") : subjectType(e.subjectType))}
                    </Link>
                  </>
                ),
              },
              {
                key: "fields",
                header: t("accountability.audit.columns.fields"),
                cell: (e) => describeAuditFields(e.fields, actionTexts),
              },
            ]}
          />
          <nav className="actions" aria-label={t("accountability.audit.tableCaption")}>
            {one(params.before) ? (
              <Link href={`/staff/audit?${query(filter)}`}>{t("accountability.audit.newest")}</Link>
            ) : null}
            {result.nextBefore ? (
              <Link href={`/staff/audit?${query(filter, { before: result.nextBefore })}`}>
                {t("accountability.audit.older")}
              </Link>
            ) : null}
          </nav>
        </>
      )}
    </article>
  );
}
