// /staff/webhooks/[id]: one endpoint: its settings, secret rotation, on/off, delete, and its dead letters with what
// was sent and what the receiver answered, each replayable. Admins only; GET only renders.
import type { Metadata } from "next";
import Link from "@/app/_components/link";
import { notFound } from "next/navigation";
import { loadWebhookEndpointForStaff } from "@/lib/access/load-webhook-endpoint-for-staff";
import { requireStaff } from "@/lib/auth/current-staff";
import { getDb } from "@/lib/db/client";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { getI18n } from "@/lib/i18n/server";
import { listDeadLetters } from "@/lib/outbound-webhooks/list-webhook-endpoints";
import { dateTime } from "@/app/staff/_components/format";
import { DataTable } from "@/app/staff/_components/kit/data-table";
import { endpointCommand } from "../actions";
import { ConfirmSubmit } from "@/app/staff/_components/kit/confirm-submit";
import { EndpointForm } from "../endpoint-form";
import { eventLabel, eventOptions, FORM_MESSAGES } from "../event-options";
import { RotateForm } from "../rotate-form";

export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;
type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

const DONE = ["enabled", "disabled", "replayed", "deleted", "not_found", "failed"] as const;

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t("accountability.webhooks.title") };
}

export default async function WebhookEndpointPage({ params, searchParams }: Props) {
  const { id } = await params;
  const query = await searchParams;
  const staff = await requireStaff("webhooks.manage", { returnTo: "/staff/webhooks" });
  const { lang, t } = await getI18n(searchParams);
  const db = await getDb();
  const loaded = await loadWebhookEndpointForStaff({ db, staff, id });
  if (!loaded.ok) notFound();
  const endpoint = loaded.value;
  const dead = await listDeadLetters({ db, endpointId: endpoint.id });
  const done = DONE.find((d) => d === query.done);
  const command = (name: string, label: string, extra: Record<string, string> = {}, danger = false) => (
    <form action={endpointCommand}>
      <input type="hidden" name="uiLang" value={lang} />
      <input type="hidden" name="id" value={endpoint.id} />
      <input type="hidden" name="command" value={name} />
      {Object.entries(extra).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <button type="submit" className={danger ? "button button--danger" : "button button--secondary"}>
        {label}
      </button>
    </form>
  );
  return (
    <article aria-labelledby="endpoint-heading">
      <p>
        <Link href="/staff/webhooks">{t("accountability.webhooks.heading")}</Link>
      </p>
      <h1 id="endpoint-heading">{endpoint.name}</h1>
      <p className="lead">{t("accountability.webhooks.detailLead")}</p>
      <p role="status" data-testid="endpoint-status" className={done ? "callout" : undefined}>
        {done ? t(`accountability.webhooks.done.${done}`) : ""}
      </p>
      <section aria-labelledby="health-heading">
        <h2 id="health-heading">{t("accountability.webhooks.health")}</h2>
        <dl>
          <dt>{t("accountability.webhooks.columns.status")}</dt>
          <dd data-testid="endpoint-state">
            {endpoint.enabled
              ? t("accountability.webhooks.on")
              : endpoint.disabledReason === "failures"
                ? t("accountability.webhooks.offByFailures", { failures: endpoint.consecutiveFailures })
                : endpoint.disabledReason === "configuration"
                  ? t("accountability.webhooks.offByConfiguration")
                  : t("accountability.webhooks.offByStaff")}
          </dd>
          <dt>{t("accountability.webhooks.columns.lastSuccess")}</dt>
          <dd>{endpoint.lastSuccessAt ? dateTime(endpoint.lastSuccessAt) : t("accountability.webhooks.never")}</dd>
          <dt>{t("accountability.webhooks.lastFailure")}</dt>
          <dd>{endpoint.lastFailureAt ? dateTime(endpoint.lastFailureAt) : t("accountability.webhooks.never")}</dd>
          <dt>{t("accountability.webhooks.columns.failures")}</dt>
          <dd>{`${endpoint.consecutiveFailures} / ${endpoint.failureThreshold}`}</dd>
        </dl>
      </section>
      <section aria-labelledby="dead-heading">
        <h2 id="dead-heading">{t("accountability.webhooks.deadHeading")}</h2>
        <DataTable
          caption={t("accountability.webhooks.deadCaption")}
          showCaption
          testId="dead-letters"
          rows={dead}
          empty={<p>{t("accountability.webhooks.deadNone")}</p>}
          columns={[
            {
              key: "event",
              header: t("accountability.webhooks.deadColumns.event"),
              cell: (d) => eventLabel(t, d.event.type),
            },
            {
              key: "occurred",
              header: t("accountability.webhooks.deadColumns.occurred"),
              cell: (d) => dateTime(d.event.occurredAt),
            },
            { key: "attempts", header: t("accountability.webhooks.deadColumns.attempts"), cell: (d) => d.attempts },
            {
              key: "answer",
              header: t("accountability.webhooks.deadColumns.answer"),
              cell: (d) =>
                d.lastStatus === null ? (
                  t("accountability.webhooks.noAnswer", { error: d.lastError ?? "" })
                ) : (
                  <>
                    <span className="mono">{d.lastStatus}</span> <code>{d.lastResponse}</code>
                  </>
                ),
            },
            {
              key: "payload",
              header: t("accountability.webhooks.deadColumns.payload"),
              cell: (d) => <code className="mono">{JSON.stringify(d.event.payload)}</code>,
            },
            {
              key: "actions",
              header: t("accountability.webhooks.deadColumns.actions"),
              cell: (d) => (
                <form action={endpointCommand}>
                  <input type="hidden" name="uiLang" value={lang} />
                  <input type="hidden" name="id" value={endpoint.id} />
                  <input type="hidden" name="command" value="replay" />
                  <input type="hidden" name="deliveryId" value={d.id} />
                  <button
                    type="submit"
                    className="button button--secondary button--small"
                    aria-label={t("accountability.webhooks.replayLabel", { id: d.event.id })}
                  >
                    {t("accountability.webhooks.replay")}
                  </button>
                </form>
              ),
            },
          ]}
        />
        {dead.length > 0 ? command("replay", t("accountability.webhooks.replayAll")) : null}
      </section>
      {endpoint.kind === "RESEND" ? (
        <p className="field__hint">{t("accountability.webhooks.resendManaged")}</p>
      ) : (
        <>
          <section aria-labelledby="settings-heading">
            <h2 id="settings-heading">{t("accountability.webhooks.settingsHeading")}</h2>
            <ClientMessages lang={lang} paths={FORM_MESSAGES}>
              <EndpointForm lang={lang} events={eventOptions(t)} endpoint={endpoint} />
            </ClientMessages>
          </section>
          <section aria-labelledby="secret-heading">
            <h2 id="secret-heading">{t("accountability.webhooks.secretHeading")}</h2>
            {endpoint.previousSecretUntil && endpoint.previousSecretUntil > new Date() ? (
              <p>{t("accountability.webhooks.overlapUntil", { at: dateTime(endpoint.previousSecretUntil) })}</p>
            ) : null}
            <ClientMessages lang={lang} paths={FORM_MESSAGES}>
              <RotateForm lang={lang} id={endpoint.id} />
            </ClientMessages>
          </section>
        </>
      )}
      <section aria-labelledby="state-heading">
        <h2 id="state-heading">{t("accountability.webhooks.stateHeading")}</h2>
        {endpoint.enabled ? (
          command("disable", t("accountability.webhooks.disable"), {}, true)
        ) : (
          <>
            <p className="field__hint">{t("accountability.webhooks.enableHint")}</p>
            {command("enable", t("accountability.webhooks.enable"))}
          </>
        )}
      </section>
      {endpoint.kind === "RESEND" ? null : (
        <section aria-labelledby="delete-heading">
          <h2 id="delete-heading">{t("accountability.webhooks.deleteHeading")}</h2>
          <p className="field__hint">{t("accountability.webhooks.deleteHint")}</p>
          <form action={endpointCommand}>
            <input type="hidden" name="uiLang" value={lang} />
            <input type="hidden" name="id" value={endpoint.id} />
            <input type="hidden" name="command" value="delete" />
            <ConfirmSubmit
              label={t("accountability.webhooks.delete")}
              heading={t("accountability.webhooks.deleteConfirmHeading", { name: endpoint.name })}
              body={t("accountability.webhooks.deleteHint")}
              confirmLabel={t("accountability.webhooks.delete")}
              backLabel={t("staff.kit.confirm.back")}
            />
          </form>
        </section>
      )}
    </article>
  );
}
