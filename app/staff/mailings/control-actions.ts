"use server";
// Pause, resume and cancel from the progress page. Each checks the caller, calls the lead's use-case and answers with
// a message in the staff member's language; the page then fetches the progress again.
import { checkStaff } from "@/lib/auth/current-staff";
import { getDb } from "@/lib/db/client";
import { getActionI18n } from "@/lib/i18n/server";
import { cancelMailing } from "@/lib/mailings/cancel-mailing";
import { pauseMailing } from "@/lib/mailings/pause-mailing";
import { resumeMailing } from "@/lib/mailings/resume-mailing";
import { refusalMessage } from "@/app/staff/_components/refusal-state";
import { MAILING_CONTROL_TEXTS } from "@/app/staff/_components/refusal-texts";

export type ControlVerb = "pause" | "resume" | "cancel";
const USE_CASES = { pause: pauseMailing, resume: resumeMailing, cancel: cancelMailing } as const;

export async function controlMailingAction(
  mailingId: string,
  verb: ControlVerb,
): Promise<{ ok: boolean; message: string }> {
  const { lang, t } = await getActionI18n();
  const access = await checkStaff("mailings.send");
  if (!access.ok) return { ok: false, message: t("mailings.errors.forbidden") };
  const change = Object.hasOwn(USE_CASES, verb) ? USE_CASES[verb] : null;
  if (!change || typeof mailingId !== "string") return { ok: false, message: t("mailings.progress.controlFailed") };
  try {
    const r = await change({ db: await getDb(), staff: access.staff, mailingId });
    if (r.ok)
      return {
        ok: true,
        message:
          verb === "pause"
            ? t("mailings.progress.paused")
            : verb === "resume"
              ? t("mailings.progress.resumed")
              : t("mailings.progress.cancelledDone"),
      };
    return { ok: false, message: refusalMessage(lang, r, MAILING_CONTROL_TEXTS) };
  } catch {
    return { ok: false, message: t("mailings.progress.controlFailed") };
  }
}
