"use server";
// Create or edit a topic. Archiving is a field of the same form (a checkbox), so it is one audited change.
import { redirect } from "next/navigation";
import { checkStaff } from "@/lib/auth/current-staff";
import { getDb } from "@/lib/db/client";
import { getActionI18n } from "@/lib/i18n/server";
import { saveTopic } from "@/lib/topics/save-topic";
import { formValues, type FormState } from "@/app/staff/_components/form-state";
import { toFormState } from "@/app/staff/_components/refusal-state";
import { SEGMENT_TEXTS } from "@/app/staff/_components/refusal-texts";

const FIELDS = [
  "id",
  "key",
  "nameSv",
  "nameEn",
  "descriptionSv",
  "descriptionEn",
  "purpose",
  "isMarketing",
  "offeredAtSignup",
  "sortOrder",
  "archived",
] as const;

export async function saveTopicAction(_prev: FormState, form: FormData): Promise<FormState> {
  const { lang, t } = await getActionI18n();
  const defaultCategories = form.getAll("defaultCategories").filter((v): v is string => typeof v === "string");
  const values: Record<string, string> = {
    ...formValues(form, FIELDS),
    defaultCategories: defaultCategories.join(","),
  };
  const access = await checkStaff("topics.manage");
  if (!access.ok) return { status: "forbidden", message: t("segments.forbidden"), fieldErrors: {}, values };
  let id: string;
  try {
    const r = await saveTopic({
      db: await getDb(),
      staff: access.staff,
      id: values.id || undefined,
      input: { ...values, defaultCategories },
    });
    if (!r.ok) return toFormState(lang, r, values, SEGMENT_TEXTS);
    if (!r.created && r.changed.length === 0)
      return { status: "unchanged", message: t("segments.unchanged"), fieldErrors: {}, values };
    id = r.id;
  } catch {
    return { status: "failed", message: t("segments.failed"), fieldErrors: {}, values };
  }
  redirect(`/staff/topics?saved=${encodeURIComponent(id)}`);
}
