"use client";
import { useActionState, useRef } from "react";
import { SelectField, Status, TextField, useFocusFirstError } from "../../_components/fields";
import { initialFormState } from "../../_components/form-state";
import { updateContactAction } from "../../actions";

type Option = { value: string; label: string };

export function ContactForm(props: {
  id: string;
  values: Record<string, string>;
  showPhone: boolean;
  languages: Option[];
  categories: Option[];
  texts: {
    name: string;
    email: string;
    phone: string;
    phoneHint: string;
    jobTitle: string;
    language: string;
    category: string;
    save: string;
  };
}) {
  const [state, action, pending] = useActionState(updateContactAction, initialFormState(props.values));
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(state, form);
  const t = props.texts;
  return (
    <form ref={form} action={action} noValidate>
      <input type="hidden" name="id" value={props.id} />
      <TextField name="name" label={t.name} state={state} />
      <TextField name="email" type="email" label={t.email} state={state} />
      {props.showPhone ? <TextField name="phone" type="tel" label={t.phone} hint={t.phoneHint} state={state} /> : null}
      <TextField name="jobTitle" label={t.jobTitle} state={state} />
      <SelectField name="language" label={t.language} state={state} options={props.languages} />
      <SelectField name="category" label={t.category} state={state} options={props.categories} />
      <button type="submit" className="button" disabled={pending}>
        {t.save}
      </button>
      <Status state={state} />
    </form>
  );
}
