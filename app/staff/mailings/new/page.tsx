import type { Metadata } from "next";
import { requireStaff } from "@/lib/auth/current-staff";
import { getDb } from "@/lib/db/client";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { getI18n } from "@/lib/i18n/server";
import { listMailingTargets } from "@/lib/mailings/get-mailing";
import { getConfig } from "@/lib/env/config";
import { getPolicy } from "@/lib/policy/current-policy";
import { policyChangeAnnouncement } from "@/lib/policy/policy-change-announcement";
import { COMPOSE_FORM_MESSAGES, composeProps } from "../_components/compose-props";
import { ComposeForm } from "../_components/compose-form";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
export const dynamic = "force-dynamic";

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t("mailings.newTitle") };
}

export default async function NewMailingPage({ searchParams }: Props) {
  await requireStaff("mailings.send", { returnTo: "/staff/mailings/new" });
  const { t, lang } = await getI18n(searchParams);
  const targets = await listMailingTargets({ db: await getDb() });
  // ?from=policy: the announcement of the policy version in force (linked from /staff/policy), to review and send.
  const fromPolicy = (await searchParams).from === "policy";
  const values = fromPolicy ? policyChangeAnnouncement(getPolicy(), getConfig().publicUrl) : {};
  return (
    <article aria-labelledby="mailing-new-heading">
      <h1 id="mailing-new-heading">{t("mailings.newTitle")}</h1>
      <ClientMessages lang={lang} paths={COMPOSE_FORM_MESSAGES}>
        <ComposeForm values={values} {...composeProps(lang, targets)} />
      </ClientMessages>
    </article>
  );
}
