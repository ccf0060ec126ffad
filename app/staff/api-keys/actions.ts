"use server";
// Creating and revoking API keys: admins only (apiKeys.manage), checked in every action. The full key is returned to
// the form once and never again.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { checkStaff } from "@/lib/auth/current-staff";
import { getDb } from "@/lib/db/client";
import { isOffered, type Language, offeredOrDefault } from "@/lib/i18n/languages";
import { offeredLanguages } from "@/lib/i18n/offered-languages";
import { translatorFor } from "@/lib/i18n/translator";
import { formString, type StaffFormState } from "../privacy-requests/_components/form-state";
import { loadApiKeyForStaff } from "@/lib/access/load-api-key-for-staff";
import { toFormState } from "@/app/staff/_components/refusal-state";
import { API_KEY_TEXTS } from "@/app/staff/_components/refusal-texts";

function uiLang(form: FormData): Language {
  const lang = formString(form, "uiLang");
  return offeredOrDefault(lang, offeredLanguages());
}

function texts(form: FormData) {
  return translatorFor(uiLang(form));
}

export async function createKey(_prev: StaffFormState, form: FormData): Promise<StaffFormState> {
  const t = texts(form);
  const values = {
    name: formString(form, "name"),
    scope: formString(form, "scope"),
    rateLimitPerMinute: formString(form, "rateLimitPerMinute"),
  };
  const access = await checkStaff("apiKeys.manage");
  if (!access.ok) return { status: "failed", message: t("accountability.apiKeys.forbidden"), fieldErrors: {}, values };
  try {
    const r = await createApiKey({
      db: await getDb(),
      input: values,
      actor: { type: "STAFF", id: access.staff.id },
      createdById: access.staff.id,
    });
    if (!r.ok) return toFormState(uiLang(form), r, values, API_KEY_TEXTS);
    revalidatePath("/staff/api-keys");
    return {
      status: "saved",
      message: t("accountability.apiKeys.created"),
      fieldErrors: {},
      values: {},
      data: { key: r.key, id: r.id },
    };
  } catch {
    return { status: "failed", message: t("accountability.apiKeys.failed"), fieldErrors: {}, values };
  }
}

export async function revokeKey(form: FormData): Promise<void> {
  const lang = formString(form, "uiLang");
  const id = formString(form, "id");
  const access = await checkStaff("apiKeys.manage");
  if (!access.ok) redirect(access.reason === "signed_out" ? "/staff/sign-in" : "/staff/forbidden");
  let outcome = "failed";
  try {
    const db = await getDb();
    const key = await loadApiKeyForStaff({ db, staff: access.staff, id });
    const r = key.ok
      ? await revokeApiKey({ db, id: key.value.id, actor: { type: "STAFF", id: access.staff.id } })
      : key;
    outcome = r.ok ? (r.changed ? "revoked" : "already") : r.code;
  } catch {
    outcome = "failed";
  }
  revalidatePath("/staff/api-keys");
  redirect(
    `/staff/api-keys?${new URLSearchParams({ done: outcome, ...(isOffered(lang, offeredLanguages()) ? { lang } : {}) })}`,
  );
}
