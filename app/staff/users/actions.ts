"use server";
// Staff administration: admins only (staff.manage), checked in every action; the use-cases check again and enforce
// the self and last-admin rules. Buttons redirect back to the list with an outcome code.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { checkStaff } from "@/lib/auth/current-staff";
import type { StaffPrincipal } from "@/lib/auth/permissions";
import { getDb, type Db } from "@/lib/db/client";
import { getConfig } from "@/lib/env/config";
import { type Language, offeredOrDefault } from "@/lib/i18n/languages";
import { offeredLanguages } from "@/lib/i18n/offered-languages";
import { translatorFor } from "@/lib/i18n/translator";
import { changeStaffRole } from "@/lib/staff-users/change-staff-role";
import { deactivateStaffUser } from "@/lib/staff-users/deactivate-staff-user";
import { inviteStaffUser } from "@/lib/staff-users/invite-staff-user";
import { reactivateStaffUser } from "@/lib/staff-users/reactivate-staff-user";
import { formString, type StaffFormState } from "../privacy-requests/_components/form-state";
import { loadStaffUserForStaff } from "@/lib/access/load-staff-user-for-staff";
import { toFormState } from "@/app/staff/_components/refusal-state";
import { STAFF_INVITE_TEXTS } from "@/app/staff/_components/refusal-texts";
import { refusalWord } from "@/lib/result";

const uiLang = (form: FormData): Language => {
  const lang = formString(form, "uiLang");
  return offeredOrDefault(lang, offeredLanguages());
};

export async function inviteStaffAction(_prev: StaffFormState, form: FormData): Promise<StaffFormState> {
  const lang = uiLang(form);
  const t = translatorFor(lang);
  const values = { email: formString(form, "email"), name: formString(form, "name"), role: formString(form, "role") };
  const access = await checkStaff("staff.manage");
  if (!access.ok) return { status: "failed", message: t("staffAdmin.outcome.forbidden"), fieldErrors: {}, values };
  try {
    const config = getConfig();
    const r = await inviteStaffUser({
      db: await getDb(),
      actor: access.staff,
      input: values,
      allowed: config.staffAuth.allowed,
      publicUrl: config.publicUrl,
      language: lang,
    });
    if (!r.ok) return toFormState(lang, r, values, STAFF_INVITE_TEXTS);
    revalidatePath("/staff/users");
    const message = r.mailSent ? t("staffAdmin.invite.invited") : t("staffAdmin.invite.invitedMailFailed");
    return { status: "saved", message, fieldErrors: {}, values: { role: values.role }, data: { id: r.id } };
  } catch {
    return { status: "failed", message: t("staffAdmin.outcome.failed"), fieldErrors: {}, values };
  }
}

type ButtonResult = { ok: true; changed: boolean } | { ok: false; code: string; reason?: string };

async function runButton(
  form: FormData,
  okCode: string,
  run: (db: Db, actor: StaffPrincipal, staffUserId: string) => Promise<ButtonResult>,
): Promise<never> {
  const lang = uiLang(form);
  const id = formString(form, "id");
  const access = await checkStaff("staff.manage");
  if (!access.ok) redirect(access.reason === "signed_out" ? "/staff/sign-in" : "/staff/forbidden");
  let done: string;
  try {
    const db = await getDb();
    const user = await loadStaffUserForStaff({ db, staff: access.staff, id });
    const r = user.ok ? await run(db, access.staff, user.value.id) : user;
    // The page words each outcome, the self and last-admin conflicts included, by this one word.
    done = r.ok ? (r.changed ? okCode : "unchanged") : refusalWord(r);
  } catch {
    done = "failed";
  }
  revalidatePath("/staff/users");
  redirect(`/staff/users?${new URLSearchParams({ done, lang })}#user-${encodeURIComponent(id)}`);
}

export async function changeStaffRoleAction(form: FormData): Promise<void> {
  const role = formString(form, "role");
  await runButton(form, "role_changed", (db, actor, staffUserId) =>
    changeStaffRole({ db, actor, staffUserId, input: { role } }),
  );
}

export async function deactivateStaffAction(form: FormData): Promise<void> {
  await runButton(form, "deactivated", (db, actor, staffUserId) => deactivateStaffUser({ db, actor, staffUserId }));
}

export async function reactivateStaffAction(form: FormData): Promise<void> {
  await runButton(form, "reactivated", (db, actor, staffUserId) => reactivateStaffUser({ db, actor, staffUserId }));
}
