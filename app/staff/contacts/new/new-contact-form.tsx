"use client";
import { useTranslations } from "next-intl";
import { useActionState, useRef } from "react";
import { SelectField, Status, TextField, useFocusFirstError } from "@/app/staff/_components/fields";
import { initialFormState } from "@/app/staff/_components/form-state";
import { createContactAction } from "./actions";
import { OrganisationField, type OrganisationFieldChoices } from "@/app/staff/_components/kit/organisation-field";

type Option = { value: string; label: string };

export function NewContactForm(props: {
  languages: Option[];
  categories: Option[];
  sourceTypes: Option[];
  organisations: OrganisationFieldChoices;
  roleTypes: Option[];
  bases: Option[];
}) {
  const t = useTranslations("register");
  const [state, action, pending] = useActionState(
    createContactAction,
    initialFormState({ language: props.languages[0]?.value ?? "", category: "PROSPECT", sourceType: "STAFF_ENTRY" }),
  );
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(state, form);
  // Once the address turned out to be suppressed, the override stays on the form until the contact is created.
  const showOverride = state.status === "suppressed" || state.values.override === "on";
  return (
    <form ref={form} action={action} noValidate>
      <TextField name="name" label={t("contacts.fields.name")} state={state} />
      <TextField name="email" type="email" label={t("contacts.fields.email")} state={state} />
      <TextField
        name="phone"
        type="tel"
        label={t("contacts.fields.phone")}
        hint={t("contacts.fields.phoneHint")}
        state={state}
      />
      <TextField name="jobTitle" label={t("contacts.fields.jobTitle")} state={state} />
      <SelectField name="language" label={t("contacts.fields.language")} state={state} options={props.languages} />
      <SelectField name="category" label={t("contacts.fields.category")} state={state} options={props.categories} />
      <SelectField name="sourceType" label={t("contacts.source")} state={state} options={props.sourceTypes} />
      <TextField name="sourceDetail" label={t("contacts.sourceDetail")} state={state} />
      <TextField
        name="sourceDate"
        type="date"
        label={t("contacts.sourceDate")}
        hint={t("organisations.dateHint")}
        state={state}
      />
      <OrganisationField
        name="organisationId"
        label={t("contacts.organisationOptional")}
        state={state}
        choices={props.organisations}
      />
      <SelectField name="roleType" label={t("contacts.roleOptional")} state={state} options={props.roleTypes} />
      {showOverride ? (
        <fieldset data-testid="override">
          <legend>{t("contacts.suppressedHeading")}</legend>
          <div className="field">
            <input
              id="f-override"
              type="checkbox"
              name="override"
              value="on"
              defaultChecked={state.values.override === "on"}
            />{" "}
            <label htmlFor="f-override">{t("contacts.override")}</label>
          </div>
          <p>{t("contacts.overrideHint")}</p>
          <SelectField name="overrideBasis" label={t("contacts.overrideBasis")} state={state} options={props.bases} />
          <TextField name="overrideReason" label={t("contacts.overrideReason")} state={state} textarea />
        </fieldset>
      ) : null}
      <Status state={state} />
      <button type="submit" className="button" disabled={pending}>
        {t("contacts.createButton")}
      </button>
    </form>
  );
}
