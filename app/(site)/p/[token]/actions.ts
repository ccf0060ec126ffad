"use server";
// The preference page's only way to change anything: a POST from a button the person pressed. Each press re-checks
// the link (a revoked or expired link stops working mid-visit too) and calls one use-case.
import { revalidatePath } from "next/cache";
import { getDb } from "@/lib/db/client";
import { getConfig } from "@/lib/env/config";
import { getActionI18n } from "@/lib/i18n/server";
import { requestStepUp } from "@/lib/recipients/request-step-up";
import { resolveLink } from "@/lib/recipients/resolve-link";
import { resubscribe } from "@/lib/subscriptions/resubscribe";
import { setSubscription } from "@/lib/subscriptions/set-subscription";
import { unsubscribeFromAll } from "@/lib/subscriptions/unsubscribe-from-all";
import { answerLeavingSurvey } from "@/lib/subscriptions/answer-leaving-survey";
import { markDeliveryUnsubscribed } from "@/lib/mailings/mark-delivery-unsubscribed";
import { LEAVING_TEXT_MAX } from "@/lib/subscriptions/leaving-survey-input";
import { pauseMarketing } from "@/lib/subscriptions/pause-marketing";
import { endMarketingPause } from "@/lib/subscriptions/end-marketing-pause";
import { formatPauseEnd } from "@/lib/recipients/format-pause-end";
import {
  preferenceInput,
  type PreferenceInput,
  type LeavingSurveyState,
  type LeavingSurveyTarget,
  type PreferenceSection,
  type PreferenceState,
} from "./input";

const sectionOf = {
  topic: "topics",
  pause: "pause",
  pause_end: "pause",
  all_off: "all",
  all_on: "all",
  step_up: "more",
} as const satisfies Record<PreferenceInput["intent"], PreferenceSection>;

export async function savePreference(prev: PreferenceState, form: FormData): Promise<PreferenceState> {
  const seq = (prev?.seq ?? 0) + 1;
  // The page's language, decided as the page decided it (posted from the page: same URL, cookie and contact), for
  // the answer and for the step-up mail.
  const { lang, t } = await getActionI18n();
  const parsed = preferenceInput.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    return { seq, section: "topics", kind: "error", message: t("linkPages.prefs.failed") };
  }
  const input = parsed.data;
  const section = sectionOf[input.intent];
  const fail = (message = t("linkPages.prefs.failed")): PreferenceState => ({ seq, section, kind: "error", message });
  try {
    const db = await getDb();
    const config = getConfig();
    const link = await resolveLink({ db, token: input.token, scopes: ["preferences"], keys: config.linkKeys });
    if (!link.ok) return fail(t("linkPages.prefs.linkProblem"));
    const contactId = link.contactId;
    // The change's time is ours, so the survey offered after an unsubscribe can name exactly that change.
    const now = new Date();
    // Opened from a mailing's footer: an unsubscribe counts for that mailing too. The unsubscribe is saved whatever
    // happens here; a failure only leaves the mailing's figure one short.
    const countForMailing = async () => {
      if (!link.claims.extra) return;
      await markDeliveryUnsubscribed({ db, contactId, mailingId: link.claims.extra, now }).catch(() => undefined);
    };
    const saved = (message: string, survey?: LeavingSurveyTarget): PreferenceState => {
      revalidatePath(`/p/${input.token}`);
      return { seq, section, kind: "saved", message, ...(survey ? { survey } : {}) };
    };

    switch (input.intent) {
      case "topic": {
        const r = await setSubscription({
          db,
          contactId,
          topicId: input.topicId,
          state: input.state,
          source: "SELF",
          suppressionKey: config.suppressionKey,
          language: lang,
          now,
        });
        if (!r.ok) return fail();
        const name = lang === "sv" ? r.topic.nameSv : r.topic.nameEn;
        if (r.state === "SUBSCRIBED") return saved(t("linkPages.prefs.savedSubscribed", { name }));
        if (r.changed) await countForMailing();
        return saved(
          t("linkPages.prefs.savedUnsubscribed", { name }),
          r.changed ? { unsubscribedAt: now.toISOString(), topicId: r.topic.id } : undefined,
        );
      }
      case "all_off": {
        const r = await unsubscribeFromAll({
          db,
          contactId,
          source: "SELF",
          suppressionKey: config.suppressionKey,
          language: lang,
          now,
        });
        if (!r.ok) return fail();
        if (r.changed) await countForMailing();
        return saved(
          t("linkPages.prefs.savedAllOff"),
          r.changed ? { unsubscribedAt: now.toISOString(), topicId: null } : undefined,
        );
      }
      case "pause": {
        // A rest, not an objection: no suppression, no privacy request, and not counted as an unsubscribe.
        const r = await pauseMarketing({ db, contactId, months: input.months, now });
        return r.ok ? saved(t("linkPages.prefs.savedPaused", { date: formatPauseEnd(r.pausedUntil, lang) })) : fail();
      }
      case "pause_end": {
        const r = await endMarketingPause({ db, contactId, now });
        return r.ok ? saved(t("linkPages.prefs.savedPauseEnded")) : fail();
      }
      case "all_on": {
        const r = await resubscribe({ db, contactId, suppressionKey: config.suppressionKey, language: lang });
        return r.ok ? saved(t("linkPages.prefs.savedAllOn")) : fail();
      }
      case "step_up": {
        const r = await requestStepUp({ db, contactId, language: lang });
        return r.ok
          ? { seq, section, kind: "saved", message: t("linkPages.prefs.moreSent", { masked: r.maskedAddress }) }
          : fail(t("linkPages.prefs.moreUnavailable"));
      }
    }
  } catch {
    // Errors are values here: the person sees a plain sentence, never a stack trace or an error page.
    return fail();
  }
}

/**
 * "Why are you leaving?": the optional answer after an unsubscribe made on this page (or "skip", which stores
 * nothing). The link is checked again; the contact and the mailing come from it, never from the form.
 */
export async function answerLeaving(prev: LeavingSurveyState, form: FormData): Promise<LeavingSurveyState> {
  const seq = (prev?.seq ?? 0) + 1;
  const { t } = await getActionI18n();
  const field = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : "";
  };
  const target: LeavingSurveyTarget = { unsubscribedAt: field("unsubscribedAt"), topicId: field("topicId") || null };
  const values = { reason: field("reason"), text: field("text") };
  const error = (message: string, fieldErrors?: { reason?: string; text?: string }): LeavingSurveyState => ({
    seq,
    kind: "error",
    message,
    target,
    values,
    ...(fieldErrors ? { fieldErrors } : {}),
  });
  if (field("intent") === "skip") return { seq, kind: "done", message: t("linkPages.leaving.skipped"), target };
  try {
    const db = await getDb();
    const link = await resolveLink({ db, token: field("token"), scopes: ["preferences"], keys: getConfig().linkKeys });
    if (!link.ok) return error(t("linkPages.prefs.linkProblem"));
    const r = await answerLeavingSurvey({
      db,
      contactId: link.contactId,
      mailingId: link.claims.extra ?? null,
      input: {
        unsubscribedAt: target.unsubscribedAt,
        topicId: target.topicId,
        reason: values.reason,
        text: values.text,
      },
    });
    if (r.ok) return { seq, kind: "done", message: t("linkPages.leaving.thanks"), target };
    if (r.code === "conflict") return { seq, kind: "done", message: t("linkPages.leaving.alreadyAnswered"), target };
    if (r.code === "not_found") return { seq, kind: "done", message: t("linkPages.leaving.noUnsubscribe"), target };
    const codes = r.fieldErrors;
    if (codes.unsubscribedAt || codes.topicId) {
      return { seq, kind: "done", message: t("linkPages.leaving.noUnsubscribe"), target };
    }
    const fieldErrors: { reason?: string; text?: string } = {};
    if (codes.reason) fieldErrors.reason = t("linkPages.leaving.errors.reason_required");
    if (codes.text) fieldErrors.text = t("linkPages.leaving.errors.text_too_long", { max: LEAVING_TEXT_MAX });
    return error(t("linkPages.leaving.failed"), fieldErrors);
  } catch {
    return error(t("linkPages.leaving.failed"));
  }
}
