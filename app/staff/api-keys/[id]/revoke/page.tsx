// The confirmation step before revoking a key: GET only shows the question; the button POSTs the server action.
import type { Metadata } from "next";
import Link from "@/app/_components/link";
import { loadApiKeyForStaff } from "@/lib/access/load-api-key-for-staff";
import { requireStaff } from "@/lib/auth/current-staff";
import { getDb } from "@/lib/db/client";
import { getI18n } from "@/lib/i18n/server";
import { revokeKey } from "../../actions";

export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;
type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t("accountability.apiKeys.confirmTitle") };
}

export default async function RevokeKeyPage({ params, searchParams }: Props) {
  const { id } = await params;
  const staff = await requireStaff("apiKeys.manage", { returnTo: "/staff/api-keys" });
  const { lang, t } = await getI18n(searchParams);
  const loaded = await loadApiKeyForStaff({ db: await getDb(), staff, id });
  const key = loaded.ok ? loaded.value : null;
  if (!key || key.revokedAt) {
    return (
      <article aria-labelledby="revoke-heading">
        <h1 id="revoke-heading">{t("accountability.apiKeys.confirmTitle")}</h1>
        <p>{key ? t("accountability.apiKeys.alreadyRevoked") : t("accountability.apiKeys.notFound")}</p>
        <p>
          <Link href="/staff/api-keys">{t("accountability.apiKeys.cancel")}</Link>
        </p>
      </article>
    );
  }
  return (
    <article aria-labelledby="revoke-heading">
      <h1 id="revoke-heading">{t("accountability.apiKeys.confirmHeading", { name: key.name })}</h1>
      <p>
        <code>{key.prefix}</code>
      </p>
      <p>{t("accountability.apiKeys.confirmText")}</p>
      <form action={revokeKey} className="actions">
        <input type="hidden" name="id" value={key.id} />
        <input type="hidden" name="uiLang" value={lang} />
        <button type="submit" className="button button--danger">
          {t("accountability.apiKeys.confirm")}
        </button>
        <Link href="/staff/api-keys">{t("accountability.apiKeys.cancel")}</Link>
      </form>
    </article>
  );
}
