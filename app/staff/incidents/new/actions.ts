"use server";
// Records an incident. Authorised here (incidents.manage: privacy officers and admins); the use-case validates with
// the shared schema.
import { checkStaff } from "@/lib/auth/current-staff";
import { getDb } from "@/lib/db/client";
import { offeredOrDefault } from "@/lib/i18n/languages";
import { offeredLanguages } from "@/lib/i18n/offered-languages";
import { translatorFor } from "@/lib/i18n/translator";
import { recordIncident } from "@/lib/incidents/record-incident";
import { toFormState } from "@/app/staff/_components/refusal-state";
import { INCIDENT_TEXTS } from "@/app/staff/_components/refusal-texts";
import { DESCRIPTION_FIELDS, readForm, type IncidentFormState } from "../_components/incident-form-data";

export async function recordIncidentAction(_prev: IncidentFormState, form: FormData): Promise<IncidentFormState> {
  const lang = offeredOrDefault(String(form.get("uiLang") ?? ""), offeredLanguages());
  const t = translatorFor(lang);
  const { values, input } = readForm(form, DESCRIPTION_FIELDS);
  const access = await checkStaff("incidents.manage");
  if (!access.ok)
    return { status: "forbidden", message: t("accountability.incidents.form.forbidden"), fieldErrors: {}, values };
  try {
    const r = await recordIncident({ db: await getDb(), input, staffId: access.staff.id });
    if (!r.ok) return toFormState(lang, r, values, INCIDENT_TEXTS);
    return {
      status: "saved",
      message: t("accountability.incidents.form.saved", { reference: r.reference }),
      fieldErrors: {},
      values: {},
      data: { id: r.id },
    };
  } catch {
    return { status: "failed", message: t("accountability.incidents.form.failed"), fieldErrors: {}, values };
  }
}
