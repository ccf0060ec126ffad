"use client";
import { useActionState, useRef } from "react";
import { SelectField, Status, TextField, useFocusFirstError } from "../contacts/_components/fields";
import { initialFormState } from "../contacts/_components/form-state";
import { saveOrganisationAction } from "./actions";

type Option = { value: string; label: string };

export function OrganisationForm(props: {
  id?: string;
  values: Record<string, string>;
  relationships: Option[];
  managers: Option[];
  texts: {
    name: string;
    orgNumber: string;
    orgNumberHint: string;
    relationship: string;
    start: string;
    end: string;
    endHint: string;
    dateHint: string;
    accountManager: string;
    save: string;
  };
}) {
  const [state, action, pending] = useActionState(saveOrganisationAction, initialFormState(props.values));
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(state, form);
  const t = props.texts;
  return (
    <form ref={form} action={action} noValidate>
      {props.id ? <input type="hidden" name="id" value={props.id} /> : null}
      <TextField name="name" label={t.name} state={state} autoComplete="organization" />
      <TextField name="orgNumber" label={t.orgNumber} hint={t.orgNumberHint} state={state} />
      <SelectField name="relationship" label={t.relationship} state={state} options={props.relationships} />
      <TextField name="relationshipStart" type="date" label={t.start} hint={t.dateHint} state={state} />
      <TextField name="relationshipEnd" type="date" label={t.end} hint={t.endHint} state={state} />
      <SelectField name="accountManagerId" label={t.accountManager} state={state} options={props.managers} />
      <button type="submit" className="button" disabled={pending}>
        {t.save}
      </button>
      <Status state={state} />
    </form>
  );
}
