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
import { preferenceInput, type PreferenceSection, type PreferenceState } from "./input";

const sectionOf = { topic: "topics", all_off: "all", all_on: "all", step_up: "more" } as const satisfies Record<
  string,
  PreferenceSection
>;

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
    const saved = (message: string): PreferenceState => {
      revalidatePath(`/p/${input.token}`);
      return { seq, section, kind: "saved", message };
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
        });
        if (!r.ok) return fail();
        const name = lang === "sv" ? r.topic.nameSv : r.topic.nameEn;
        return saved(
          r.state === "SUBSCRIBED"
            ? t("linkPages.prefs.savedSubscribed", { name })
            : t("linkPages.prefs.savedUnsubscribed", { name }),
        );
      }
      case "all_off": {
        const r = await unsubscribeFromAll({ db, contactId, source: "SELF", suppressionKey: config.suppressionKey });
        return r.ok ? saved(t("linkPages.prefs.savedAllOff")) : fail();
      }
      case "all_on": {
        const r = await resubscribe({ db, contactId, suppressionKey: config.suppressionKey });
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
