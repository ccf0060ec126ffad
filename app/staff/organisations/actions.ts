"use server";
// Create or edit an organisation. Checks the caller itself (the use-case checks the organisation), maps the typed
// result to messages in the staff member's language; never returns internal errors.
import { redirect } from "next/navigation";
import { checkStaff } from "@/lib/auth/current-staff";
import { getDb } from "@/lib/db/client";
import { getActionI18n } from "@/lib/i18n/server";
import { saveOrganisation } from "@/lib/organisations/save-organisation";
import { formValues, type FormState } from "@/app/staff/_components/form-state";
import { toFormState } from "@/app/staff/_components/refusal-state";

const FIELDS = [
  "name",
  "orgNumber",
  "relationship",
  "relationshipStart",
  "relationshipEnd",
  "accountManagerId",
] as const;

export async function saveOrganisationAction(_prev: FormState, form: FormData): Promise<FormState> {
  const { lang, t } = await getActionI18n();
  const values = formValues(form, FIELDS);
  const idValue = form.get("id");
  const id = typeof idValue === "string" && idValue ? idValue : undefined;
  const access = await checkStaff("organisations.write");
  if (!access.ok) return { status: "forbidden", message: t("register.common.forbidden"), fieldErrors: {}, values };
  let savedId: string;
  try {
    const r = await saveOrganisation({ db: await getDb(), staff: access.staff, id, input: values });
    if (!r.ok) return toFormState(lang, r, values);
    if (!r.created && r.changed.length === 0)
      return { status: "unchanged", message: t("register.common.unchanged"), fieldErrors: {}, values };
    savedId = r.id;
  } catch {
    return { status: "failed", message: t("register.common.failed"), fieldErrors: {}, values };
  }
  redirect(`/staff/organisations/${encodeURIComponent(savedId)}?status=${id ? "saved" : "created"}`);
}
