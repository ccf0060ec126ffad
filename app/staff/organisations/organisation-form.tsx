"use client";
import { useTranslations } from "next-intl";
import { useActionState, useRef } from "react";
import { SelectField, Status, TextField, useFocusFirstError } from "@/app/staff/_components/fields";
import { initialFormState } from "@/app/staff/_components/form-state";
import { saveOrganisationAction } from "./actions";

type Option = { value: string; label: string };

export function OrganisationForm(props: {
  id?: string;
  values: Record<string, string>;
  relationships: Option[];
  managers: Option[];
}) {
  const t = useTranslations("register");
  const [state, action, pending] = useActionState(saveOrganisationAction, initialFormState(props.values));
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(state, form);
  return (
    <form ref={form} action={action} noValidate>
      {props.id ? <input type="hidden" name="id" value={props.id} /> : null}
      <TextField name="name" label={t("organisations.name")} state={state} autoComplete="organization" />
      <TextField
        name="orgNumber"
        label={t("organisations.orgNumber")}
        hint={t("organisations.orgNumberHint")}
        state={state}
      />
      <SelectField
        name="relationship"
        label={t("organisations.relationship")}
        state={state}
        options={props.relationships}
      />
      <TextField
        name="relationshipStart"
        type="date"
        label={t("organisations.start")}
        hint={t("organisations.dateHint")}
        state={state}
      />
      <TextField
        name="relationshipEnd"
        type="date"
        label={t("organisations.end")}
        hint={t("organisations.endHint")}
        state={state}
      />
      <SelectField
        name="accountManagerId"
        label={t("organisations.accountManager")}
        state={state}
        options={props.managers}
      />
      <button type="submit" className="button" disabled={pending}>
        {t("common.save")}
      </button>
      <Status state={state} />
    </form>
  );
}
