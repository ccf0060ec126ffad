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
    suppressedHeading: string;
    override: string;
    overrideHint: string;
    overrideReason: string;
    save: string;
  };
}) {
  const [state, action, pending] = useActionState(updateContactAction, initialFormState(props.values));
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(state, form);
  const t = props.texts;
  // Once the new address turned out to be suppressed, the override stays on the form until the change is saved.
  const showOverride = state.status === "suppressed" || state.values.override === "on";
  return (
    <form ref={form} action={action} noValidate>
      <input type="hidden" name="id" value={props.id} />
      <TextField name="name" label={t.name} state={state} />
      <TextField name="email" type="email" label={t.email} state={state} />
      {props.showPhone ? <TextField name="phone" type="tel" label={t.phone} hint={t.phoneHint} state={state} /> : null}
      <TextField name="jobTitle" label={t.jobTitle} state={state} />
      <SelectField name="language" label={t.language} state={state} options={props.languages} />
      <SelectField name="category" label={t.category} state={state} options={props.categories} />
      {showOverride ? (
        <fieldset data-testid="override">
          <legend>{t.suppressedHeading}</legend>
          <div className="field">
            <input
              id="f-override"
              type="checkbox"
              name="override"
              value="on"
              defaultChecked={state.values.override === "on"}
            />{" "}
            <label htmlFor="f-override">{t.override}</label>
          </div>
          <p>{t.overrideHint}</p>
          <TextField name="overrideReason" label={t.overrideReason} state={state} textarea />
        </fieldset>
      ) : null}
      <button type="submit" className="button" disabled={pending}>
        {t.save}
      </button>
      <Status state={state} />
    </form>
  );
}
