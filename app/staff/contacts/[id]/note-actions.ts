"use server";
// Notes on the contact detail page. Each action checks the caller, calls one use-case (which checks the contact's
// organisations for account managers) and goes back to the page with a status; results never carry note text.
import { redirect } from "next/navigation";
import { checkStaff } from "@/lib/auth/current-staff";
import { getDb } from "@/lib/db/client";
import { offeredOrDefault } from "@/lib/i18n/languages";
import { offeredLanguages } from "@/lib/i18n/offered-languages";
import { translatorFor } from "@/lib/i18n/translator";
import { addNote } from "@/lib/notes/add-note";
import { deleteNote } from "@/lib/notes/delete-note";
import { formString, type StaffFormState } from "../../privacy-requests/_components/form-state";
import { toFormState } from "@/app/staff/_components/refusal-state";
import { NOTE_TEXTS } from "@/app/staff/_components/refusal-texts";

const back = (id: string, q: string) => `/staff/contacts/${encodeURIComponent(id)}?tab=notes&${q}#notes-heading`;

export async function addNoteAction(_prev: StaffFormState, form: FormData): Promise<StaffFormState> {
  const requested = formString(form, "uiLang");
  const lang = offeredOrDefault(requested, offeredLanguages());
  const t = translatorFor(lang);
  const id = formString(form, "id");
  const values = { body: formString(form, "body") };
  const access = await checkStaff("notes.write");
  if (!access.ok) return { status: "failed", message: t("register.common.forbidden"), fieldErrors: {}, values };
  let target: string;
  try {
    const r = await addNote({ db: await getDb(), staff: access.staff, contactId: id, input: values });
    if (!r.ok) return toFormState(lang, r, values, NOTE_TEXTS);
    target = back(id, "status=note_added");
  } catch {
    return { status: "failed", message: t("register.common.failed"), fieldErrors: {}, values };
  }
  redirect(target);
}

export async function deleteNoteAction(form: FormData): Promise<void> {
  const id = formString(form, "id");
  const noteId = formString(form, "noteId");
  const access = await checkStaff("notes.write");
  if (!access.ok) redirect(back(id, "error=forbidden"));
  let target: string;
  try {
    const r = await deleteNote({ db: await getDb(), staff: access.staff, contactId: id, noteId });
    target = back(id, r.ok ? "status=note_deleted" : `error=${r.code}`);
  } catch {
    target = back(id, "error=failed");
  }
  redirect(target);
}
