"use server";
// The three forms of a request's page: status/handler/outcome, extension, closing. Each authorises itself
// (privacyRequests.write) and calls one use-case, which validates with its shared schema.
import { revalidatePath } from "next/cache";
import { checkStaff } from "@/lib/auth/current-staff";
import { getDb } from "@/lib/db/client";
import { isLanguage } from "@/lib/i18n/languages";
import { getMessages } from "@/lib/i18n/messages";
import { completePrivacyRequest } from "@/lib/privacy-requests/complete-privacy-request";
import { extendPrivacyRequest } from "@/lib/privacy-requests/extend-privacy-request";
import { updatePrivacyRequest } from "@/lib/privacy-requests/update-privacy-request";
import { formString, localiseErrors, type StaffFormState } from "../_components/form-state";
import { loadPrivacyRequestForStaff } from "@/lib/access/load-privacy-request-for-staff";

type Outcome =
  | { ok: true; changed?: string[] }
  | { ok: false; code: "validation_failed"; fieldErrors: Record<string, string> }
  | { ok: false; code: "not_found" | "closed" };

async function run(
  form: FormData,
  fields: string[],
  success: (t: ReturnType<typeof texts>, r: { changed?: string[] }) => string,
  call: (
    db: Awaited<ReturnType<typeof getDb>>,
    id: string,
    input: Record<string, string>,
    staffId: string,
  ) => Promise<Outcome>,
): Promise<StaffFormState> {
  const t = texts(form);
  const values = Object.fromEntries(fields.map((k) => [k, formString(form, k)]));
  const id = formString(form, "id");
  const access = await checkStaff("privacyRequests.write");
  if (!access.ok) return { status: "failed", message: t.form.forbidden, fieldErrors: {}, values };
  try {
    const db = await getDb();
    const request = await loadPrivacyRequestForStaff({ db, staff: access.staff, id });
    if (!request.ok) {
      const message = request.code === "forbidden" ? t.form.forbidden : (t.errors.not_found ?? t.form.failed);
      return { status: "failed", message, fieldErrors: {}, values };
    }
    const r = await call(db, request.value.id, values, access.staff.id);
    if (r.ok) {
      revalidatePath(`/staff/privacy-requests/${id}`);
      return { status: "saved", message: success(t, r), fieldErrors: {}, values };
    }
    if (r.code === "validation_failed")
      return {
        status: "invalid",
        message: t.form.invalid,
        fieldErrors: localiseErrors(r.fieldErrors, t.errors, t.errorFallback),
        values,
      };
    return { status: "failed", message: t.errors[r.code] ?? t.form.failed, fieldErrors: {}, values };
  } catch {
    return { status: "failed", message: t.form.failed, fieldErrors: {}, values };
  }
}

function texts(form: FormData) {
  const lang = formString(form, "uiLang");
  return getMessages(isLanguage(lang) ? lang : "sv").accountability.requests;
}

export async function updateRequest(_prev: StaffFormState, form: FormData): Promise<StaffFormState> {
  return run(
    form,
    ["status", "handlerId", "outcome"],
    (t, r) => (r.changed?.length ? t.detail.saved : t.detail.unchanged),
    (db, id, input, staffId) => updatePrivacyRequest({ db, id, input, actor: { type: "STAFF", id: staffId } }),
  );
}

export async function extendRequest(_prev: StaffFormState, form: FormData): Promise<StaffFormState> {
  return run(
    form,
    ["months", "reason"],
    (t) => t.detail.extended,
    (db, id, input, staffId) => extendPrivacyRequest({ db, id, input, actor: { type: "STAFF", id: staffId } }),
  );
}

export async function completeRequest(_prev: StaffFormState, form: FormData): Promise<StaffFormState> {
  return run(
    form,
    ["status", "outcome"],
    (t) => t.detail.completed,
    (db, id, input, staffId) =>
      completePrivacyRequest({ db, id, input, actor: { type: "STAFF", id: staffId }, handlerId: staffId }),
  );
}
