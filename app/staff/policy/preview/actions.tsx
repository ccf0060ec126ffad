"use server";
// Validate a draft policy file and render what it would change: the problems by field, or the line diff against the
// file in force and the privacy page as people would read it. The preview is rendered here, on the server, with the
// same view the public page uses (it reads server-only modules), and handed to the form as its result.
import type { ReactNode } from "react";
import { PrivacyPolicyView } from "@/app/_components/privacy-policy/privacy-policy-view";
import { checkStaff } from "@/lib/auth/current-staff";
import { getActionI18n } from "@/lib/i18n/server";
import { translatorFor } from "@/lib/i18n/translator";
import { getPolicy } from "@/lib/policy/current-policy";
import { previewPolicyDraft } from "@/lib/policy/preview-policy-draft";
import { DiffTable } from "../diff-table";

export type PreviewState = {
  status: "idle" | "invalid" | "valid" | "forbidden";
  message: string;
  problems: string[];
  preview: ReactNode;
  /** The draft as typed (React resets uncontrolled forms after an action). */
  draft: string;
};

export async function previewPolicyDraftAction(_prev: PreviewState, form: FormData): Promise<PreviewState> {
  const { lang, t } = await getActionI18n();
  const p = (key: string, values?: Record<string, string | number>) =>
    t(`accountability.policy.preview.${key}` as Parameters<typeof t>[0], values as never);
  const raw = form.get("draft");
  const draft = typeof raw === "string" ? raw : "";
  const base = { problems: [], preview: null, draft };
  const access = await checkStaff("policy.read");
  if (!access.ok) return { ...base, status: "forbidden", message: p("forbidden") };
  const result = previewPolicyDraft({ staff: access.staff, source: draft, current: getPolicy() });
  if (!result.ok) {
    if (result.code === "forbidden") return { ...base, status: "forbidden", message: p("forbidden") };
    if (result.code === "invalid")
      return {
        ...base,
        status: "invalid",
        message: p("invalid", { count: result.problems.length }),
        problems: result.problems,
      };
    return { ...base, status: "invalid", message: p(result.code === "empty" ? "empty" : "tooLarge") };
  }
  const { draft: policy, diff } = result;
  // The staff member's language when the draft offers it, else the draft's first (its default).
  const shown = policy.languages.includes(lang) ? lang : policy.languages[0]!;
  const preview = (
    <>
      <section aria-labelledby="preview-changes">
        <h2 id="preview-changes">{p("changesHeading")}</h2>
        {result.unchanged ? (
          <p>{p("unchanged")}</p>
        ) : (
          <>
            <p>{p("changesSummary", { added: diff.added, removed: diff.removed })}</p>
            <DiffTable rows={diff.rows} t={t} />
          </>
        )}
      </section>
      <section aria-labelledby="preview-page">
        <h2 id="preview-page">{p("pageHeading")}</h2>
        <p>{p("pageLanguage", { language: t(`register.languages.${shown}`) })}</p>
        <div className="policy-preview" role="region" aria-label={p("pageRegion")} lang={shown}>
          <PrivacyPolicyView policy={policy} lang={shown} t={shown === lang ? t : translatorFor(shown)} />
        </div>
      </section>
    </>
  );
  return {
    ...base,
    status: "valid",
    message: p("valid", { id: policy.hash.slice(0, 12), date: policy.version.effective }),
    preview,
  };
}
