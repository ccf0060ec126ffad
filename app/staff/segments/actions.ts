"use server";
// Save a segment (name and filter, create or edit) and archive or restore one. The builder's filter fields are read
// the same way as by the live count (filterFromForm).
import { redirect } from "next/navigation";
import { checkStaff } from "@/lib/auth/current-staff";
import { getDb } from "@/lib/db/client";
import { getActionI18n } from "@/lib/i18n/server";
import { archiveSegment } from "@/lib/segments/archive-segment";
import { filterFromForm } from "@/lib/segments/filter-from-form";
import { saveSegment } from "@/lib/segments/save-segment";
import { formValues, type FormState } from "@/app/staff/_components/form-state";
import { toFormState } from "@/app/staff/_components/refusal-state";
import { SEGMENT_TEXTS } from "@/app/staff/_components/refusal-texts";

export async function saveSegmentAction(_prev: FormState, form: FormData): Promise<FormState> {
  const { lang, t } = await getActionI18n();
  const s = t;
  const filter = filterFromForm(form);
  // The form resets after an action; the values typed come back so nothing chosen is lost on an error.
  const values: Record<string, string> = {
    ...formValues(form, ["id", "name", "topic"]),
    filter: JSON.stringify(filter),
  };
  const access = await checkStaff("segments.manage");
  if (!access.ok) return { status: "forbidden", message: s("segments.forbidden"), fieldErrors: {}, values };
  let id: string;
  try {
    const r = await saveSegment({
      db: await getDb(),
      staff: access.staff,
      id: values.id || undefined,
      input: { name: values.name, filter },
    });
    if (!r.ok) return toFormState(lang, r, values, SEGMENT_TEXTS);
    if (!r.created && r.changed.length === 0)
      return { status: "unchanged", message: s("segments.unchanged"), fieldErrors: {}, values };
    id = r.id;
  } catch {
    return { status: "failed", message: s("segments.failed"), fieldErrors: {}, values };
  }
  const topic = values.topic ? `&topic=${encodeURIComponent(values.topic)}` : "";
  redirect(`/staff/segments/${encodeURIComponent(id)}?saved=1${topic}`);
}

export async function archiveSegmentAction(form: FormData): Promise<void> {
  const id = String(form.get("id") ?? "");
  const access = await checkStaff("segments.manage");
  if (!access.ok) redirect("/staff/forbidden");
  const r = await archiveSegment({
    db: await getDb(),
    staff: access.staff,
    id,
    archived: form.get("archived") === "on",
  });
  if (!r.ok) redirect(r.code === "forbidden" ? "/staff/forbidden" : "/staff/segments");
  redirect(`/staff/segments/${encodeURIComponent(id)}`);
}
