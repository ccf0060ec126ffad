"use server";
// The forms of a request's page: status/handler/outcome, extension, closing, and a reply to the person. Each authorises itself
// (privacyRequests.write) and calls one use-case, which validates with its shared schema.
import { revalidatePath } from "next/cache";
import { checkStaff } from "@/lib/auth/current-staff";
import { getDb } from "@/lib/db/client";
import { type Language, offeredOrDefault } from "@/lib/i18n/languages";
import { offeredLanguages } from "@/lib/i18n/offered-languages";
import { translatorFor } from "@/lib/i18n/translator";
import { completePrivacyRequest } from "@/lib/privacy-requests/complete-privacy-request";
import { extendPrivacyRequest } from "@/lib/privacy-requests/extend-privacy-request";
import { updatePrivacyRequest } from "@/lib/privacy-requests/update-privacy-request";
import { replyToPrivacyRequest } from "@/lib/privacy-requests/reply-to-privacy-request";
import { formString, type StaffFormState } from "../_components/form-state";
import { loadPrivacyRequestForStaff } from "@/lib/access/load-privacy-request-for-staff";
import type { Because, Invalid, NotFound } from "@/lib/result";
import { toFormState } from "@/app/staff/_components/refusal-state";
import { PRIVACY_REQUEST_TEXTS } from "@/app/staff/_components/refusal-texts";

type Outcome =
  | { ok: true; changed?: string[] }
  | Invalid
  | NotFound
  | Because<"conflict", "closed" | "no_address">
  | Because<"unavailable", "render_failed">;

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
  if (!access.ok)
    return { status: "failed", message: t("accountability.requests.form.forbidden"), fieldErrors: {}, values };
  try {
    const db = await getDb();
    const request = await loadPrivacyRequestForStaff({ db, staff: access.staff, id });
    if (!request.ok) return toFormState(uiLang(form), request, values, PRIVACY_REQUEST_TEXTS);
    const r = await call(db, request.value.id, values, access.staff.id);
    if (r.ok) {
      revalidatePath(`/staff/privacy-requests/${id}`);
      return { status: "saved", message: success(t, r), fieldErrors: {}, values };
    }
    return toFormState(uiLang(form), r, values, PRIVACY_REQUEST_TEXTS);
  } catch {
    return { status: "failed", message: t("accountability.requests.form.failed"), fieldErrors: {}, values };
  }
}

function uiLang(form: FormData): Language {
  const lang = formString(form, "uiLang");
  return offeredOrDefault(lang, offeredLanguages());
}

function texts(form: FormData) {
  return translatorFor(uiLang(form));
}

export async function updateRequest(_prev: StaffFormState, form: FormData): Promise<StaffFormState> {
  return run(
    form,
    ["status", "handlerId", "outcome"],
    (t, r) =>
      r.changed?.length ? t("accountability.requests.detail.saved") : t("accountability.requests.detail.unchanged"),
    (db, id, input, staffId) => updatePrivacyRequest({ db, id, input, actor: { type: "STAFF", id: staffId } }),
  );
}

export async function extendRequest(_prev: StaffFormState, form: FormData): Promise<StaffFormState> {
  return run(
    form,
    ["months", "reason"],
    (t) => t("accountability.requests.detail.extended"),
    (db, id, input, staffId) => extendPrivacyRequest({ db, id, input, actor: { type: "STAFF", id: staffId } }),
  );
}

export async function completeRequest(_prev: StaffFormState, form: FormData): Promise<StaffFormState> {
  return run(
    form,
    ["status", "outcome"],
    (t) => t("accountability.requests.detail.completed"),
    (db, id, input, staffId) =>
      completePrivacyRequest({ db, id, input, actor: { type: "STAFF", id: staffId }, handlerId: staffId }),
  );
}

export async function replyToRequest(_prev: StaffFormState, form: FormData): Promise<StaffFormState> {
  // A sent reply empties the form, so a second press does not send the same words twice.
  const state = await run(
    form,
    ["template", "message"],
    (t) => t("accountability.requests.detail.reply.sent"),
    (db, id, input, staffId) => replyToPrivacyRequest({ db, id, input, actor: { type: "STAFF", id: staffId } }),
  );
  return state.status === "saved" ? { ...state, values: {} } : state;
}
