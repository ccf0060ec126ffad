"use server";
// Server actions of the contact pages. Each checks the caller itself, calls one use-case (which checks the contact's
// organisations), and maps the typed result to a message; buttons on the detail page redirect back with a status.
// Results never carry contact fields, so nothing here can leak a phone number to a role that may not see it.
import { redirect } from "next/navigation";
import { checkStaff } from "@/lib/auth/current-staff";
import { getDb } from "@/lib/db/client";
import { getConfig } from "@/lib/env/config";
import { getActionI18n } from "@/lib/i18n/server";
import { endRole } from "@/lib/roles/end-role";
import { changeSubscriptionByStaff } from "@/lib/subscriptions/change-subscription-by-staff";
import { eraseContactByStaff } from "@/lib/contacts/erase-contact-by-staff";
import { revokeLinks } from "@/lib/recipients/revoke-links";
import { CONTACT_EDIT_FIELDS } from "@/lib/contacts/contact-schemas";
import { updateContact } from "@/lib/contacts/update-contact";
import { formValues, type FormState } from "@/app/staff/_components/form-state";
import { toFormState } from "@/app/staff/_components/refusal-state";
import { refusalWord } from "@/lib/result";

const str = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
};
const back = (id: string, q: string) => `/staff/contacts/${encodeURIComponent(id)}?${q}`;

export async function updateContactAction(_prev: FormState, form: FormData): Promise<FormState> {
  const { lang, t } = await getActionI18n();
  const c = t;
  const values = formValues(form, [...CONTACT_EDIT_FIELDS, "override", "overrideReason"]);
  const id = str(form, "id");
  const access = await checkStaff("contacts.write");
  if (!access.ok) return { status: "forbidden", message: c("register.common.forbidden"), fieldErrors: {}, values };
  try {
    const r = await updateContact({
      db: await getDb(),
      staff: access.staff,
      contactId: id,
      input: values,
      suppressionKey: getConfig().suppressionKey,
    });
    // A new address on the suppression list comes back with its reasons; the form then offers the override.
    if (!r.ok) return toFormState(lang, r, values);
    if (r.changed.length === 0)
      return { status: "unchanged", message: c("register.common.unchanged"), fieldErrors: {}, values };
  } catch {
    return { status: "failed", message: c("register.common.failed"), fieldErrors: {}, values };
  }
  redirect(back(id, "status=saved"));
}

async function runButton(
  id: string,
  run: () => Promise<{ ok: true } | { ok: false; code: string; reason?: string }>,
  okStatus: string,
): Promise<never> {
  let target: string;
  try {
    const r = await run();
    target = back(id, r.ok ? `status=${okStatus}` : `error=${refusalWord(r)}`);
  } catch {
    target = back(id, "error=failed");
  }
  redirect(target);
}

export async function endRoleAction(form: FormData): Promise<void> {
  const id = str(form, "id");
  const access = await checkStaff("roles.write");
  if (!access.ok) redirect(back(id, "error=forbidden"));
  const input = { roleId: str(form, "roleId"), endsOn: str(form, "endsOn") };
  await runButton(
    id,
    async () => endRole({ db: await getDb(), staff: access.staff, contactId: id, input }),
    "role_ended",
  );
}

export async function changeSubscriptionAction(form: FormData): Promise<void> {
  const id = str(form, "id");
  const access = await checkStaff("contacts.write");
  if (!access.ok) redirect(back(id, "error=forbidden"));
  const input = { topicId: str(form, "topicId"), state: str(form, "state") };
  await runButton(
    id,
    async () => changeSubscriptionByStaff({ db: await getDb(), staff: access.staff, contactId: id, input }),
    "subscription_changed",
  );
}

export async function revokeLinksAction(form: FormData): Promise<void> {
  const id = str(form, "id");
  const access = await checkStaff("contacts.write");
  if (!access.ok) redirect(back(id, "error=forbidden"));
  await runButton(id, async () => revokeLinks({ db: await getDb(), staff: access.staff, contactId: id }), "revoked");
}

export async function eraseContactAction(_prev: FormState, form: FormData): Promise<FormState> {
  const { lang, t } = await getActionI18n();
  const c = t;
  const values = formValues(form, ["channel", "confirm"]);
  const id = str(form, "id");
  const access = await checkStaff("contacts.erase");
  if (!access.ok) return { status: "forbidden", message: c("register.common.forbidden"), fieldErrors: {}, values };
  let ref: string;
  try {
    const r = await eraseContactByStaff({
      db: await getDb(),
      staff: access.staff,
      contactId: id,
      input: { channel: values.channel, confirm: values.confirm || undefined },
      suppressionKey: getConfig().suppressionKey,
    });
    if (!r.ok) return toFormState(lang, r, values);
    ref = r.subjectRef;
  } catch {
    return { status: "failed", message: c("register.common.failed"), fieldErrors: {}, values };
  }
  redirect(`/staff/contacts?erased=${encodeURIComponent(ref)}`);
}
