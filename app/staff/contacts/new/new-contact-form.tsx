"use client";
import { useActionState, useRef } from "react";
import { SelectField, Status, TextField, useFocusFirstError } from "../_components/fields";
import { initialFormState } from "../_components/form-state";
import { createContactAction } from "./actions";

type Option = { value: string; label: string };

export function NewContactForm(props: {
  languages: Option[];
  categories: Option[];
  sourceTypes: Option[];
  organisations: Option[];
  roleTypes: Option[];
  bases: Option[];
  texts: {
    name: string;
    email: string;
    phone: string;
    phoneHint: string;
    jobTitle: string;
    language: string;
    category: string;
    source: string;
    sourceDetail: string;
    sourceDate: string;
    dateHint: string;
    organisation: string;
    role: string;
    suppressedHeading: string;
    override: string;
    overrideBasis: string;
    overrideReason: string;
    overrideHint: string;
    create: string;
  };
}) {
  const [state, action, pending] = useActionState(
    createContactAction,
    initialFormState({ language: "sv", category: "PROSPECT", sourceType: "STAFF_ENTRY" }),
  );
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(state, form);
  const t = props.texts;
  // Once the address turned out to be suppressed, the override stays on the form until the contact is created.
  const showOverride = state.status === "suppressed" || state.values.override === "on";
  return (
    <form ref={form} action={action} noValidate>
      <TextField name="name" label={t.name} state={state} />
      <TextField name="email" type="email" label={t.email} state={state} />
      <TextField name="phone" type="tel" label={t.phone} hint={t.phoneHint} state={state} />
      <TextField name="jobTitle" label={t.jobTitle} state={state} />
      <SelectField name="language" label={t.language} state={state} options={props.languages} />
      <SelectField name="category" label={t.category} state={state} options={props.categories} />
      <SelectField name="sourceType" label={t.source} state={state} options={props.sourceTypes} />
      <TextField name="sourceDetail" label={t.sourceDetail} state={state} />
      <TextField name="sourceDate" type="date" label={t.sourceDate} hint={t.dateHint} state={state} />
      <SelectField name="organisationId" label={t.organisation} state={state} options={props.organisations} />
      <SelectField name="roleType" label={t.role} state={state} options={props.roleTypes} />
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
          <SelectField name="overrideBasis" label={t.overrideBasis} state={state} options={props.bases} />
          <TextField name="overrideReason" label={t.overrideReason} state={state} textarea />
        </fieldset>
      ) : null}
      <Status state={state} />
      <button type="submit" className="button" disabled={pending}>
        {t.create}
      </button>
    </form>
  );
}
