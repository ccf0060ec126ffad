"use client";
import { useTranslations } from "next-intl";
import { useActionState, useRef } from "react";
import { SelectField, Status, TextField, useFocusFirstError } from "@/app/staff/_components/fields";
import { initialFormState } from "@/app/staff/_components/form-state";
import { addRoleAction } from "./actions";
import { OrganisationField, type OrganisationFieldChoices } from "@/app/staff/_components/kit/organisation-field";

type Option = { value: string; label: string };

export function AddRoleForm(props: {
  id: string;
  organisations: OrganisationFieldChoices;
  roleTypes: Option[];
  today: string;
}) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(addRoleAction, initialFormState({ startsOn: props.today }));
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(state, form);
  return (
    <form ref={form} action={action} noValidate>
      <input type="hidden" name="id" value={props.id} />
      <OrganisationField
        name="organisationId"
        label={t("register.contacts.organisationLabel")}
        state={state}
        choices={props.organisations}
      />
      <SelectField name="type" label={t("register.contacts.roleTypeLabel")} state={state} options={props.roleTypes} />
      <TextField name="title" label={t("register.contacts.roleTitle")} state={state} />
      <TextField
        name="startsOn"
        type="date"
        label={t("register.contacts.startsOn")}
        hint={t("register.organisations.dateHint")}
        state={state}
      />
      <Status state={state} />
      <button type="submit" className="button" disabled={pending}>
        {t("register.contacts.addRole")}
      </button>
    </form>
  );
}
