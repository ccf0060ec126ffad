"use client";
import { useTranslations } from "next-intl";
import { useActionState, useRef } from "react";
import { SelectField, Status, TextField, useFocusFirstError } from "@/app/staff/_components/fields";
import { initialFormState } from "@/app/staff/_components/form-state";
import { updateContactAction } from "../../actions";

type Option = { value: string; label: string };

export function ContactForm(props: {
  id: string;
  values: Record<string, string>;
  showPhone: boolean;
  languages: Option[];
  categories: Option[];
}) {
  const t = useTranslations("register");
  const [state, action, pending] = useActionState(updateContactAction, initialFormState(props.values));
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(state, form);
  // Once the new address turned out to be suppressed, the override stays on the form until the change is saved.
  const showOverride = state.status === "suppressed" || state.values.override === "on";
  return (
    <form ref={form} action={action} noValidate>
      <input type="hidden" name="id" value={props.id} />
      <TextField name="name" label={t("contacts.fields.name")} state={state} />
      <TextField name="email" type="email" label={t("contacts.fields.email")} state={state} />
      {props.showPhone ? (
        <TextField
          name="phone"
          type="tel"
          label={t("contacts.fields.phone")}
          hint={t("contacts.fields.phoneHint")}
          state={state}
        />
      ) : null}
      <TextField name="jobTitle" label={t("contacts.fields.jobTitle")} state={state} />
      <SelectField name="language" label={t("contacts.fields.language")} state={state} options={props.languages} />
      <SelectField name="category" label={t("contacts.fields.category")} state={state} options={props.categories} />
      <TextField
        name="crmId"
        label={t("contacts.fields.crmId")}
        hint={t("contacts.fields.externalIdHint")}
        state={state}
      />
      <TextField name="supportDeskId" label={t("contacts.fields.supportDeskId")} state={state} />
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
            <label htmlFor="f-override">{t("contacts.editOverride")}</label>
          </div>
          <p>{t("contacts.editOverrideHint")}</p>
          <TextField name="overrideReason" label={t("contacts.overrideReason")} state={state} textarea />
        </fieldset>
      ) : null}
      <button type="submit" className="button" disabled={pending}>
        {t("common.save")}
      </button>
      <Status state={state} />
    </form>
  );
}
