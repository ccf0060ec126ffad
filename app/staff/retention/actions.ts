"use server";
// Placing and releasing legal holds: retention.manage (privacy officers and admins), checked in every action by the
// use-case; the form gets per-field messages, the release button a status line.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { checkStaff } from "@/lib/auth/current-staff";
import { getDb } from "@/lib/db/client";
import { isOffered, type Language, offeredOrDefault } from "@/lib/i18n/languages";
import { offeredLanguages } from "@/lib/i18n/offered-languages";
import { translatorFor } from "@/lib/i18n/translator";
import { placeLegalHold } from "@/lib/retention/place-legal-hold";
import { releaseLegalHold } from "@/lib/retention/release-legal-hold";
import { setRegistrationNotice } from "@/lib/notices/set-registration-notice";
import { toFormState } from "@/app/staff/_components/refusal-state";
import { RETENTION_TEXTS } from "@/app/staff/_components/refusal-texts";
import { formString, type StaffFormState } from "../privacy-requests/_components/form-state";

const uiLang = (form: FormData): Language => offeredOrDefault(formString(form, "uiLang"), offeredLanguages());

export async function placeHold(_prev: StaffFormState, form: FormData): Promise<StaffFormState> {
  const lang = uiLang(form);
  const t = translatorFor(lang);
  const values = {
    target: formString(form, "target"),
    email: formString(form, "email"),
    organisationId: formString(form, "organisationId"),
    reason: formString(form, "reason"),
    endsOn: formString(form, "endsOn"),
  };
  const access = await checkStaff("retention.manage");
  if (!access.ok) {
    return { status: "forbidden", message: t("accountability.retention.forbidden"), fieldErrors: {}, values };
  }
  try {
    const r = await placeLegalHold({ db: await getDb(), staff: access.staff, input: values });
    if (!r.ok) return toFormState(lang, r, values, RETENTION_TEXTS);
    revalidatePath("/staff/retention");
    return {
      status: "saved",
      message: t("accountability.retention.placed"),
      fieldErrors: {},
      values: {},
      data: { id: r.id },
    };
  } catch {
    return { status: "failed", message: t("accountability.retention.failed"), fieldErrors: {}, values };
  }
}

export async function releaseHold(form: FormData): Promise<void> {
  const lang = formString(form, "uiLang");
  const access = await checkStaff("retention.manage");
  if (!access.ok) redirect(access.reason === "signed_out" ? "/staff/sign-in" : "/staff/forbidden");
  let outcome = "failed";
  try {
    const r = await releaseLegalHold({ db: await getDb(), staff: access.staff, id: formString(form, "id") });
    // forbidden cannot come back here (checked above, the same permission); were it to, "failed" tells no more.
    outcome = r.ok ? (r.changed ? "released" : "already") : r.code === "not_found" ? "not_found" : "failed";
  } catch {
    outcome = "failed";
  }
  revalidatePath("/staff/retention");
  redirect(
    `/staff/retention?${new URLSearchParams({ done: outcome, ...(isOffered(lang, offeredLanguages()) ? { lang } : {}) })}`,
  );
}

/** The yearly registration notice on or off (lib/notices); the page shows the outcome in its status line. */
export async function setRegistrationNoticeAction(form: FormData): Promise<void> {
  const lang = formString(form, "uiLang");
  const access = await checkStaff("retention.manage");
  if (!access.ok) redirect(access.reason === "signed_out" ? "/staff/sign-in" : "/staff/forbidden");
  let outcome = "notice_failed";
  try {
    const r = await setRegistrationNotice({
      db: await getDb(),
      staff: access.staff,
      input: { on: formString(form, "on") },
    });
    outcome = r.ok ? (r.on ? "notice_on" : "notice_off") : r.code === "invalid" ? "notice_invalid" : "notice_failed";
  } catch {
    outcome = "notice_failed";
  }
  revalidatePath("/staff/retention");
  redirect(
    `/staff/retention?${new URLSearchParams({ done: outcome, ...(isOffered(lang, offeredLanguages()) ? { lang } : {}) })}#notice-heading`,
  );
}
