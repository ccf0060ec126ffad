// /staff/webhooks: admins list the downstream systems Tillit tells of changes (Art. 19), with their health, and add
// one (its secret shown once). Secrets are never listed.
import type { Metadata } from "next";
import Link from "@/app/_components/link";
import { requireStaff } from "@/lib/auth/current-staff";
import { getDb } from "@/lib/db/client";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { getI18n } from "@/lib/i18n/server";
import { listWebhookEndpoints } from "@/lib/outbound-webhooks/list-webhook-endpoints";
import { dateTime } from "@/app/staff/_components/format";
import { DataTable } from "@/app/staff/_components/kit/data-table";
import { EndpointForm } from "./endpoint-form";
import { eventOptions, FORM_MESSAGES } from "./event-options";

export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;

export async function generateMetadata({ searchParams }: { searchParams: Promise<SearchParams> }): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t("accountability.webhooks.title") };
}

export default async function WebhooksPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  await requireStaff("webhooks.manage", { returnTo: "/staff/webhooks" });
  const { lang, t } = await getI18n(searchParams);
  const endpoints = await listWebhookEndpoints({ db: await getDb() });
  const done = typeof params.done === "string" ? params.done : "";
  const doneText = done === "deleted" ? t("accountability.webhooks.done.deleted") : "";
  return (
    <article aria-labelledby="webhooks-heading">
      <h1 id="webhooks-heading">{t("accountability.webhooks.heading")}</h1>
      <p className="lead">{t("accountability.webhooks.lead")}</p>
      <p role="status" data-testid="webhooks-status" className={doneText ? "callout" : undefined}>
        {doneText}
      </p>
      <DataTable
        caption={t("accountability.webhooks.tableCaption")}
        showCaption
        testId="webhook-endpoints"
        rows={endpoints}
        empty={<p>{t("accountability.webhooks.none")}</p>}
        columns={[
          {
            key: "name",
            header: t("accountability.webhooks.columns.name"),
            cell: (e) => (
              <Link
                href={`/staff/webhooks/${e.id}`}
                aria-label={t("accountability.webhooks.openLabel", { name: e.name })}
              >
                {e.name}
              </Link>
            ),
          },
          { key: "url", header: t("accountability.webhooks.columns.url"), className: "mono", cell: (e) => e.url },
          {
            key: "status",
            header: t("accountability.webhooks.columns.status"),
            cell: (e) =>
              e.enabled
                ? t("accountability.webhooks.on")
                : e.disabledReason === "failures"
                  ? t("accountability.webhooks.offByFailures", { failures: e.consecutiveFailures })
                  : e.disabledReason === "configuration"
                    ? t("accountability.webhooks.offByConfiguration")
                    : t("accountability.webhooks.offByStaff"),
          },
          {
            key: "lastSuccess",
            header: t("accountability.webhooks.columns.lastSuccess"),
            cell: (e) => (e.lastSuccessAt ? dateTime(e.lastSuccessAt) : t("accountability.webhooks.never")),
          },
          {
            key: "failures",
            header: t("accountability.webhooks.columns.failures"),
            cell: (e) => `${e.consecutiveFailures} / ${e.failureThreshold}`,
          },
          { key: "pending", header: t("accountability.webhooks.columns.pending"), cell: (e) => e.pending },
          { key: "dead", header: t("accountability.webhooks.columns.dead"), cell: (e) => e.dead },
        ]}
      />
      <section aria-labelledby="create-endpoint-heading">
        <h2 id="create-endpoint-heading">{t("accountability.webhooks.createHeading")}</h2>
        <ClientMessages lang={lang} paths={FORM_MESSAGES}>
          <EndpointForm lang={lang} events={eventOptions(t)} />
        </ClientMessages>
      </section>
    </article>
  );
}
