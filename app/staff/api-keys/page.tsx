// /staff/api-keys: admins list, create and revoke API keys for CRM sync. The secret is never listed.
import type { Metadata } from "next";
import Link from "@/app/_components/link";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { requireStaff } from "@/lib/auth/current-staff";
import { getDb } from "@/lib/db/client";
import { getConfig } from "@/lib/env/config";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { getI18n } from "@/lib/i18n/server";
import { CreateKeyForm } from "./create-key-form";
import { dateTime } from "@/app/staff/_components/format";
import { DataTable } from "@/app/staff/_components/kit/data-table";

export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;

const CREATE_KEY_FORM_MESSAGES = [
  "accountability.apiKeys.create",
  "accountability.apiKeys.keyLabel",
  "accountability.apiKeys.name",
  "accountability.apiKeys.nameHint",
  "accountability.apiKeys.scope",
  "accountability.apiKeys.rateLimit",
  "accountability.apiKeys.rateLimitHint",
];

export async function generateMetadata({ searchParams }: { searchParams: Promise<SearchParams> }): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t("accountability.apiKeys.title") };
}

export default async function ApiKeysPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  await requireStaff("apiKeys.manage", { returnTo: "/staff/api-keys" });
  const { lang, t } = await getI18n(searchParams);
  const keys = await listApiKeys({ db: await getDb() });
  const defaultLimit = getConfig().apiRateLimitPerMinute;
  const done = typeof params.done === "string" ? params.done : "";
  const doneText =
    {
      revoked: t("accountability.apiKeys.revokedDone"),
      already: t("accountability.apiKeys.alreadyRevoked"),
      not_found: t("accountability.apiKeys.notFound"),
      failed: t("accountability.apiKeys.failed"),
    }[done] ?? "";

  return (
    <article aria-labelledby="keys-heading">
      <h1 id="keys-heading">{t("accountability.apiKeys.heading")}</h1>
      <p className="lead">{t("accountability.apiKeys.lead")}</p>
      <p role="status" data-testid="revoke-status" className={doneText ? "callout" : undefined}>
        {doneText}
      </p>
      <DataTable
        caption={t("accountability.apiKeys.tableCaption")}
        showCaption
        testId="api-keys"
        rows={keys}
        empty={<p>{t("accountability.apiKeys.none")}</p>}
        rowAttributes={(k) => ({ "data-key-prefix": k.prefix })}
        columns={[
          { key: "name", header: t("accountability.apiKeys.columns.name"), cell: (k) => k.name },
          {
            key: "prefix",
            header: t("accountability.apiKeys.columns.prefix"),
            className: "mono",
            cell: (k) => k.prefix,
          },
          {
            key: "scope",
            header: t("accountability.apiKeys.columns.scope"),
            cell: (k) => t(`enums.apiKeyScope.${k.scope}`),
          },
          {
            key: "rateLimit",
            header: t("accountability.apiKeys.columns.rateLimit"),
            cell: (k) => k.rateLimitPerMinute ?? t("accountability.apiKeys.defaultRateLimit", { limit: defaultLimit }),
          },
          {
            key: "created",
            header: t("accountability.apiKeys.columns.created"),
            cell: (k) => (
              <>
                {dateTime(k.createdAt)}
                {k.createdBy ? ` (${k.createdBy.email})` : ""}
              </>
            ),
          },
          {
            key: "lastUsed",
            header: t("accountability.apiKeys.columns.lastUsed"),
            cell: (k) => (k.lastUsedAt ? dateTime(k.lastUsedAt) : t("accountability.apiKeys.never")),
          },
          {
            key: "revoked",
            header: t("accountability.apiKeys.columns.revoked"),
            cell: (k) => (k.revokedAt ? dateTime(k.revokedAt) : t("accountability.apiKeys.notRevoked")),
          },
          {
            key: "actions",
            header: t("accountability.apiKeys.columns.actions"),
            cell: (k) =>
              k.revokedAt ? null : (
                <Link
                  href={`/staff/api-keys/${k.id}/revoke`}
                  aria-label={t("accountability.apiKeys.revokeLabel", { name: k.name })}
                >
                  {t("accountability.apiKeys.revoke")}
                </Link>
              ),
          },
        ]}
      />
      <section aria-labelledby="create-key-heading">
        <h2 id="create-key-heading">{t("accountability.apiKeys.createHeading")}</h2>
        <ClientMessages lang={lang} paths={CREATE_KEY_FORM_MESSAGES}>
          <CreateKeyForm
            lang={lang}
            defaultLimit={defaultLimit}
            scopes={(["READ", "WRITE"] as const).map((s) => ({ value: s, label: t(`enums.apiKeyScope.${s}`) }))}
          />
        </ClientMessages>
      </section>
    </article>
  );
}
