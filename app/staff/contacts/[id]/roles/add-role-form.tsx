"use client";
import { useActionState, useRef } from "react";
import { SelectField, Status, TextField, useFocusFirstError } from "../../_components/fields";
import { initialFormState } from "../../_components/form-state";
import { addRoleAction } from "./actions";

type Option = { value: string; label: string };

export function AddRoleForm(props: {
  id: string;
  organisations: Option[];
  roleTypes: Option[];
  today: string;
  texts: { organisation: string; role: string; title: string; startsOn: string; dateHint: string; add: string };
}) {
  const [state, action, pending] = useActionState(addRoleAction, initialFormState({ startsOn: props.today }));
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(state, form);
  const t = props.texts;
  return (
    <form ref={form} action={action} noValidate>
      <input type="hidden" name="id" value={props.id} />
      <SelectField name="organisationId" label={t.organisation} state={state} options={props.organisations} />
      <SelectField name="type" label={t.role} state={state} options={props.roleTypes} />
      <TextField name="title" label={t.title} state={state} />
      <TextField name="startsOn" type="date" label={t.startsOn} hint={t.dateHint} state={state} />
      <Status state={state} />
      <button type="submit" className="button" disabled={pending}>
        {t.add}
      </button>
    </form>
  );
}
