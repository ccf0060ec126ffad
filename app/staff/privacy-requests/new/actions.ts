"use server";
// Records a request that arrived by email, phone or letter. Authorised here (privacyRequests.write: support, the
// privacy officer and admins); the use-case validates with the shared schema.
import { checkStaff } from "@/lib/auth/current-staff";
import { getDb } from "@/lib/db/client";
import { getConfig } from "@/lib/env/config";
import { offeredOrDefault } from "@/lib/i18n/languages";
import { offeredLanguages } from "@/lib/i18n/offered-languages";
import { translatorFor } from "@/lib/i18n/translator";
import { recordStaffRequest } from "@/lib/privacy-requests/record-staff-request";
import { formString, type StaffFormState } from "../_components/form-state";
import { toFormState } from "@/app/staff/_components/refusal-state";
import { PRIVACY_REQUEST_TEXTS } from "@/app/staff/_components/refusal-texts";

export async function recordRequest(_prev: StaffFormState, form: FormData): Promise<StaffFormState> {
  const requested = formString(form, "uiLang");
  const lang = offeredOrDefault(requested, offeredLanguages());
  const t = translatorFor(lang);
  const values = Object.fromEntries(
    ["type", "channel", "receivedOn", "email", "reference", "details"].map((k) => [k, formString(form, k)]),
  );
  const access = await checkStaff("privacyRequests.write");
  if (!access.ok)
    return { status: "failed", message: t("accountability.requests.form.forbidden"), fieldErrors: {}, values };
  try {
    const r = await recordStaffRequest({
      db: await getDb(),
      input: values,
      actor: { type: "STAFF", id: access.staff.id },
      suppressionKey: getConfig().suppressionKey,
    });
    if (!r.ok) return toFormState(lang, r, values, PRIVACY_REQUEST_TEXTS);
    return {
      status: "saved",
      message: t("accountability.requests.form.saved"),
      fieldErrors: {},
      values: {},
      data: { id: r.id },
    };
  } catch {
    return { status: "failed", message: t("accountability.requests.form.failed"), fieldErrors: {}, values };
  }
}
