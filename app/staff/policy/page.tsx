// /staff/policy: the privacy officer's view of the deployment's policy. The policy file (POLICY_FILE) as a readable
// page, the versions this deployment has run with and how many contacts were collected under each, and a line diff
// between any two of them. Read only: the file is the source of truth, changed and reviewed in the repository.
// The comparison is a GET form, so a diff can be linked to; nothing here changes anything.
import path from "node:path";
import type { Metadata } from "next";
import Link from "@/app/_components/link";
import { redirect } from "next/navigation";
import { loadPolicyVersionsForStaff } from "@/lib/access/load-policy-versions-for-staff";
import { FORBIDDEN_PATH, requireStaff } from "@/lib/auth/current-staff";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { getConfig } from "@/lib/env/config";
import { getI18n } from "@/lib/i18n/server";
import { getPolicy } from "@/lib/policy/current-policy";
import { textIn } from "@/lib/policy/text-in";
import { first } from "@/app/staff/_components/format";
import { PolicyOverview } from "./policy-overview";
import { PolicyVersions } from "./policy-versions";

export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;

const HASH = /^[0-9a-f]{64}$/;

export async function generateMetadata({ searchParams }: { searchParams: Promise<SearchParams> }): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t("accountability.policy.title") };
}

export default async function PolicyPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const staff = await requireStaff("policy.read", { returnTo: "/staff/policy" });
  const { lang, t } = await getI18n(searchParams);
  const from = first(params.from);
  const to = first(params.to);
  const asked = from !== "" || to !== "";
  const view = await loadPolicyVersionsForStaff({
    db: await getDb(),
    staff,
    // A hash that is not one cannot be recorded: it is answered as an unknown version without a lookup.
    compare: asked ? { from: HASH.test(from) ? from : "-", to: HASH.test(to) ? to : "-" } : null,
  });
  if (!view.ok) redirect(FORBIDDEN_PATH);
  const policy = getPolicy();
  const note = textIn(policy.version.note, lang);
  const sections = [
    ["policy-version", t("accountability.policy.effectiveHeading")],
    ["policy-controller", t("accountability.policy.controllerHeading")],
    ["policy-categories", t("accountability.policy.categoriesHeading")],
    ["policy-purposes", t("accountability.policy.purposesHeading")],
    ["policy-recipients", t("accountability.policy.recipientsHeading")],
    ["policy-cookies", t("accountability.policy.cookiesHeading")],
    ["policy-brand", t("accountability.policy.brandHeading")],
    ["policy-versions", t("accountability.policy.versionsHeading")],
    ["policy-diff", t("accountability.policy.diffHeading")],
  ] as const;

  return (
    <article aria-labelledby="policy-heading">
      <h1 id="policy-heading">{t("accountability.policy.heading")}</h1>
      <p className="lead">{t("accountability.policy.lead", { file: path.basename(getConfig().policyFile) })}</p>
      <p>
        <Link href="/staff/policy/preview">{t("accountability.policy.preview.link")}</Link>
      </p>
      {/* A material change is announced through the mailing pipeline, by those who may send mailings. */}
      {can(staff, "mailings.send") ? (
        <p>
          <Link href="/staff/mailings/new?from=policy" aria-describedby="announce-hint">
            {t("accountability.policy.announce")}
          </Link>
          <br />
          <span className="field__hint" id="announce-hint">
            {t("accountability.policy.announceHint")}
          </span>
        </p>
      ) : null}
      <nav aria-label={t("accountability.policy.contents")}>
        <ul>
          {sections.map(([id, label]) => (
            <li key={id}>
              <a href={`#${id}`}>{label}</a>
            </li>
          ))}
        </ul>
      </nav>

      <section aria-labelledby="policy-version">
        <h2 id="policy-version">{t("accountability.policy.effectiveHeading")}</h2>
        <dl data-testid="policy-effective">
          <dt>{t("accountability.policy.effective")}</dt>
          <dd>{policy.version.effective}</dd>
          <dt>{t("accountability.policy.note")}</dt>
          <dd lang={note.lang === lang ? undefined : note.lang}>{note.text}</dd>
          <dt>{t("accountability.policy.versionId")}</dt>
          <dd className="mono">{policy.hash}</dd>
        </dl>
        <p>
          <a href={`/privacy?lang=${lang}#versions`}>{t("accountability.policy.publicPage")}</a>
        </p>
      </section>

      <PolicyOverview policy={policy} lang={lang} />
      <PolicyVersions view={view} lang={lang} from={from} to={to} />
    </article>
  );
}
