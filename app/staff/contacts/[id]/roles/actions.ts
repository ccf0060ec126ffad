"use server";
// Add a role to a contact (the contact at an organisation from a date). The use-case checks the organisation.
import { redirect } from "next/navigation";
import { checkStaff } from "@/lib/auth/current-staff";
import { getDb } from "@/lib/db/client";
import { getI18n } from "@/lib/i18n/server";
import { addRole } from "@/lib/roles/add-role";
import { formValues, refusalState, type FormState } from "../../_components/form-state";

export async function addRoleAction(_prev: FormState, form: FormData): Promise<FormState> {
  const { t } = await getI18n();
  const c = t.register.common;
  const values = formValues(form, ["organisationId", "type", "title", "startsOn"]);
  const idValue = form.get("id");
  const id = typeof idValue === "string" ? idValue : "";
  const access = await checkStaff("roles.write");
  if (!access.ok) return { status: "forbidden", message: c.forbidden, fieldErrors: {}, values };
  try {
    const r = await addRole({ db: await getDb(), staff: access.staff, contactId: id, input: values });
    if (!r.ok) return refusalState(t.register, r, values);
  } catch {
    return { status: "failed", message: c.failed, fieldErrors: {}, values };
  }
  redirect(`/staff/contacts/${encodeURIComponent(id)}?status=saved`);
}
