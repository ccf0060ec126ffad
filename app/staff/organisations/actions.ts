"use server";
// Create or edit an organisation, or hand several to one account manager. Checks the caller itself (the use-case checks the organisation), maps the typed
// result to messages in the staff member's language; never returns internal errors.
import { redirect } from "next/navigation";
import { checkStaff } from "@/lib/auth/current-staff";
import { getDb } from "@/lib/db/client";
import { getActionI18n } from "@/lib/i18n/server";
import { saveOrganisation } from "@/lib/organisations/save-organisation";
import { assignAccountManager } from "@/lib/organisations/assign-account-manager";
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

/** The words a bulk assignment comes back with in the list's URL (?bulk=…), never anything the caller typed. */
type BulkOutcome = "nothing_selected" | "manager_invalid" | "refused" | "failed";

/** The organisation list's bulk action: hand the ticked organisations to one account manager (or to none). */
export async function assignAccountManagerAction(form: FormData): Promise<void> {
  const back = backToList(form.get("back"));
  const access = await checkStaff("organisations.write");
  let outcome: BulkOutcome | { changed: number; to: string } = "refused";
  if (access.ok) {
    try {
      const r = await assignAccountManager({
        db: await getDb(),
        staff: access.staff,
        input: { ids: form.getAll("ids"), accountManagerId: form.get("accountManagerId") ?? "" },
      });
      if (r.ok) outcome = { changed: r.changed, to: String(form.get("accountManagerId")) };
      else if (r.code === "invalid")
        outcome = r.fieldErrors.ids === "nothing_selected" ? "nothing_selected" : "manager_invalid";
      else outcome = "refused";
    } catch {
      outcome = "failed";
    }
  }
  const q = new URLSearchParams(back);
  if (typeof outcome === "string") q.set("bulk", outcome);
  else {
    q.set("bulk", "assigned");
    q.set("changed", String(outcome.changed));
    q.set("to", outcome.to);
  }
  redirect(`/staff/organisations?${q.toString()}`);
}

/** The list's own filters to return to; only its known query keys, so a form cannot send the browser elsewhere. */
function backToList(raw: FormDataEntryValue | null): URLSearchParams {
  const from = new URLSearchParams(typeof raw === "string" ? raw : "");
  const kept = new URLSearchParams();
  for (const key of ["q", "relationship", "accountManagerId", "sort", "dir"])
    if (from.get(key)) kept.set(key, from.get(key)!.slice(0, 200));
  return kept;
}
