"use server";
// The compose form's one action (save, then optionally send a test, send now or schedule), its live preview and the
// recipient count for the confirmation. Each checks the caller, calls the use-cases and maps typed results to messages
// in the staff member's language; internal errors never reach the page.
import { getTopicNames } from "@/lib/topics/get-topic-names";
import { redirect } from "next/navigation";
import { checkStaff } from "@/lib/auth/current-staff";
import { getDb } from "@/lib/db/client";
import { offeredLanguages } from "@/lib/i18n/offered-languages";
import { getActionI18n } from "@/lib/i18n/server";
import { countMailingRecipients } from "@/lib/mailings/count-mailing-recipients";
import { MAILING_DRAFT_FIELDS, mailingPreviewSchema } from "@/lib/mailings/mailing-draft-schema";
import { renderMailingPreview } from "@/lib/mailings/render-mailing";
import { saveMailingDraft } from "@/lib/mailings/save-mailing-draft";
import { sendTestMailing } from "@/lib/mailings/send-test-mailing";
import { startMailing } from "@/lib/mailings/start-mailing";
import { stockholmLocalToDate } from "@/lib/mailings/stockholm-time";
import { formValues, type FormState } from "@/app/staff/_components/form-state";
import { toFormState } from "@/app/staff/_components/refusal-state";
import { MAILING_TEXTS } from "@/app/staff/_components/refusal-texts";
import { textsAt } from "@/lib/i18n/texts-at";

const FORM_FIELDS = [...MAILING_DRAFT_FIELDS, "sendAt"] as const;
type Intent = "save" | "test" | "start" | "schedule";
const INTENTS: readonly Intent[] = ["save", "test", "start", "schedule"];

export async function saveMailingAction(_prev: FormState, form: FormData): Promise<FormState> {
  const { lang, t } = await getActionI18n();
  const values = formValues(form, FORM_FIELDS);
  const idValue = form.get("id");
  const id = typeof idValue === "string" && idValue ? idValue : undefined;
  const intentValue = form.get("intent");
  const intent = INTENTS.find((i) => i === intentValue) ?? "save";
  const state = (status: FormState["status"], message: string, fieldErrors: Record<string, string> = {}) => ({
    status,
    message,
    fieldErrors,
    values,
  });
  const localise = (codes: Record<string, string>) =>
    Object.fromEntries(
      Object.entries(codes).map(([f, code]) => [f, errorTexts[code] ?? t("mailings.errors.fallback")]),
    );
  const errorTexts = textsAt(lang, "mailings.errors.codes");

  const access = await checkStaff("mailings.send");
  if (!access.ok) return state("forbidden", t("mailings.errors.forbidden"));
  const staff = access.staff;

  // The time is checked before anything is saved, so a wrong time changes nothing.
  let sendAt: Date | null = null;
  if (intent === "schedule") {
    sendAt = stockholmLocalToDate(values.sendAt ?? "");
    if (!sendAt) return state("invalid", t("mailings.errors.invalid"), localise({ sendAt: "send_at_invalid" }));
    if (sendAt.getTime() <= Date.now())
      return state("invalid", t("mailings.errors.invalid"), localise({ sendAt: "send_at_past" }));
  }

  const db = await getDb();
  let savedId: string;
  let created: boolean;
  let changed: number;
  try {
    const r = await saveMailingDraft({ db, staff, id, input: values });
    if (!r.ok) return toFormState(lang, r, values, MAILING_TEXTS);
    savedId = r.id;
    created = r.created;
    changed = r.changed.length;
  } catch {
    return state("failed", t("mailings.errors.failed"));
  }
  const detail = `/staff/mailings/${encodeURIComponent(savedId)}`;

  if (intent === "save") {
    if (created) redirect(`${detail}/edit?status=created`);
    return changed === 0
      ? state("unchanged", t("mailings.notices.unchanged"))
      : state("saved", t("mailings.notices.saved"));
  }

  if (intent === "test") {
    let outcome: { ok: true; to: string } | { ok: false; code: string };
    try {
      // One test per offered language, so the sender sees every version in their own mailbox.
      outcome = { ok: false, code: "send_failed" };
      for (const language of offeredLanguages()) {
        outcome = await sendTestMailing({ db, staff, mailingId: savedId, language });
        if (!outcome.ok) break;
      }
    } catch {
      outcome = { ok: false, code: "send_failed" };
    }
    if (created) redirect(`${detail}/edit?status=${outcome.ok ? "test_sent" : "created"}`);
    if (outcome.ok) return state("saved", t("mailings.notices.testSent", { to: outcome.to }));
    if (outcome.code === "incomplete") return state("invalid", t("mailings.errors.incomplete"));
    return state(
      "failed",
      outcome.code === "send_failed" ? t("mailings.errors.sendFailed") : t("mailings.errors.failed"),
    );
  }

  let started: Awaited<ReturnType<typeof startMailing>>;
  try {
    started = await startMailing({ db, staff, mailingId: savedId, sendAt });
  } catch {
    return state("failed", t("mailings.errors.failed"));
  }
  if (!started.ok) {
    if (created) redirect(`${detail}/edit?status=created`);
    if (started.code === "incomplete")
      return state("invalid", t("mailings.errors.incomplete"), localise(incompleteCodes(started.fields ?? {})));
    return toFormState(lang, started, values, MAILING_TEXTS);
  }
  redirect(`${detail}?status=${started.status === "SCHEDULED" ? "scheduled" : "started"}`);
}

/** The start use-case names missing fields; show a "required" message for codes it does not share with the form. */
function incompleteCodes(fields: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([f, code]) => [f, code || "required"]));
}

export type PreviewResult =
  { ok: true; sv: { subject: string; html: string }; en: { subject: string; html: string } } | { ok: false };

/** Renders what the form holds right now, in both languages, with the lead renderer and example recipient values. */
export async function previewMailingAction(form: FormData): Promise<PreviewResult> {
  const access = await checkStaff("mailings.send");
  if (!access.ok) return { ok: false };
  const raw = formValues(form, MAILING_DRAFT_FIELDS);
  const parsed = mailingPreviewSchema.safeParse(raw);
  if (!parsed.success) return { ok: false };
  const input = parsed.data;
  try {
    const topic = await getTopicNames({ db: await getDb(), id: raw.topicId ?? "" });
    const render = (language: "sv" | "en") =>
      renderMailingPreview({
        language,
        subject: language === "sv" ? input.subjectSv : input.subjectEn,
        preheader: language === "sv" ? input.preheaderSv : input.preheaderEn,
        bodyMarkdown: language === "sv" ? input.bodySv : input.bodyEn,
        template: input.template,
        topicName: topic?.[language] ?? "…",
        required: topic?.required ?? false,
      });
    const [sv, en] = await Promise.all([render("sv"), render("en")]);
    return { ok: true, sv: { subject: sv.subject, html: sv.html }, en: { subject: en.subject, html: en.html } };
  } catch {
    return { ok: false };
  }
}

/** How many may receive the mailing now; null when it cannot be counted (the confirmation then says less). */
export async function countRecipientsAction(segmentId: string, topicId: string): Promise<number | null> {
  const access = await checkStaff("mailings.send");
  if (!access.ok || typeof segmentId !== "string" || typeof topicId !== "string" || !segmentId || !topicId) return null;
  try {
    const r = await countMailingRecipients({ db: await getDb(), staff: access.staff, segmentId, topicId });
    return r.ok ? r.eligible : null;
  } catch {
    return null;
  }
}
