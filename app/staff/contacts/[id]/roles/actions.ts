"use server";
// Add a role to a contact (the contact at an organisation from a date). The use-case checks the organisation.
import { redirect } from "next/navigation";
import { checkStaff } from "@/lib/auth/current-staff";
import { getDb } from "@/lib/db/client";
import { getActionI18n } from "@/lib/i18n/server";
import { addRole } from "@/lib/roles/add-role";
import { formValues, type FormState } from "@/app/staff/_components/form-state";
import { toFormState } from "@/app/staff/_components/refusal-state";

export async function addRoleAction(_prev: FormState, form: FormData): Promise<FormState> {
  const { lang, t } = await getActionI18n();
  const values = formValues(form, ["organisationId", "type", "title", "startsOn"]);
  const idValue = form.get("id");
  const id = typeof idValue === "string" ? idValue : "";
  const access = await checkStaff("roles.write");
  if (!access.ok) return { status: "forbidden", message: t("register.common.forbidden"), fieldErrors: {}, values };
  try {
    const r = await addRole({ db: await getDb(), staff: access.staff, contactId: id, input: values });
    if (!r.ok) return toFormState(lang, r, values);
  } catch {
    return { status: "failed", message: t("register.common.failed"), fieldErrors: {}, values };
  }
  redirect(`/staff/contacts/${encodeURIComponent(id)}?status=saved`);
}
