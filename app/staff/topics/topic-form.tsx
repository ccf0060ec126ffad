"use client";
// The topic form (new and edit): texts in both languages, purpose, marketing or not, default categories, order,
// archived. Errors next to their fields; focus moves to the first invalid field after a failed save.
import { useTranslations } from "next-intl";
import { useActionState, useRef } from "react";
import { SelectField, Status, TextField, useFocusFirstError } from "@/app/staff/_components/fields";
import { initialFormState } from "@/app/staff/_components/form-state";
import { Checkbox, CheckboxGroup } from "../segments/_components/choice-fields";
import { saveTopicAction } from "./actions";

type Option = { value: string; label: string };

export function TopicForm(props: { initial: Record<string, string>; purposes: Option[]; categories: Option[] }) {
  const t = useTranslations("segments.topics.fields");
  const tt = useTranslations("segments.topics");
  const [state, action, pending] = useActionState(saveTopicAction, initialFormState(props.initial));
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(state, form);
  const v = state.values;
  return (
    <form ref={form} action={action} noValidate>
      <input type="hidden" name="id" defaultValue={v.id ?? ""} />
      <TextField name="key" label={t("key")} hint={t("keyHint")} state={state} />
      <div>
        <TextField name="nameSv" label={t("nameSv")} state={state} />
        <TextField name="nameEn" label={t("nameEn")} state={state} />
      </div>
      <TextField name="descriptionSv" label={t("descriptionSv")} hint={t("descriptionHint")} state={state} textarea />
      <TextField name="descriptionEn" label={t("descriptionEn")} hint={t("descriptionHint")} state={state} textarea />
      <SelectField name="purpose" label={t("purpose")} state={state} options={props.purposes} />
      <Checkbox name="isMarketing" label={t("isMarketing")} checked={v.isMarketing === "on"} />
      <Checkbox
        name="offeredAtSignup"
        label={`${t("offeredAtSignup")}: ${t("offeredAtSignupHint")}`}
        checked={v.offeredAtSignup === "on"}
      />
      <CheckboxGroup
        name="defaultCategories"
        legend={t("defaultCategories")}
        hint={t("defaultCategoriesHint")}
        options={props.categories}
        selected={(v.defaultCategories ?? "").split(",").filter(Boolean)}
        error={state.fieldErrors.defaultCategories}
      />
      <TextField name="sortOrder" label={t("sortOrder")} hint={t("sortOrderHint")} state={state} />
      <Checkbox name="archived" label={t("archived")} checked={v.archived === "on"} />
      <Status state={state} />
      <button type="submit" className="button" disabled={pending}>
        {tt("save")}
      </button>
    </form>
  );
}
