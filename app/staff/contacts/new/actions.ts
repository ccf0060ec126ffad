"use server";
// Create a contact. An address on the suppression list comes back with the reasons and dates; the form then shows
// the explicit override (new source detail, legal basis, reason), and the next submit creates and audits it.
import { redirect } from "next/navigation";
import { checkStaff } from "@/lib/auth/current-staff";
import { getDb } from "@/lib/db/client";
import { getConfig } from "@/lib/env/config";
import { getActionI18n } from "@/lib/i18n/server";
import { createContact } from "@/lib/contacts/create-contact";
import { formValues, type FormState } from "@/app/staff/_components/form-state";
import { toFormState } from "@/app/staff/_components/refusal-state";

const CREATE_FIELDS = [
  "name",
  "email",
  "phone",
  "jobTitle",
  "language",
  "category",
  "sourceType",
  "sourceDetail",
  "sourceDate",
  "organisationId",
  "roleType",
  "override",
  "overrideBasis",
  "overrideReason",
] as const;

export async function createContactAction(_prev: FormState, form: FormData): Promise<FormState> {
  const { lang, t } = await getActionI18n();
  const values = formValues(form, CREATE_FIELDS);
  const access = await checkStaff("contacts.write");
  if (!access.ok) return { status: "forbidden", message: t("register.common.forbidden"), fieldErrors: {}, values };
  let id: string;
  try {
    const r = await createContact({
      db: await getDb(),
      staff: access.staff,
      input: values,
      suppressionKey: getConfig().suppressionKey,
    });
    // On the suppression list: the reasons and days, and the form then offers the explicit override.
    if (!r.ok) return toFormState(lang, r, values);
    id = r.id;
  } catch {
    return { status: "failed", message: t("register.common.failed"), fieldErrors: {}, values };
  }
  redirect(`/staff/contacts/${encodeURIComponent(id)}?status=saved`);
}
