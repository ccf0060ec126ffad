"use client";
// Creates a key and shows it once, in a read-only field that can be selected and copied.
import { useTranslations } from "next-intl";
import { useActionState, useRef } from "react";
import { FormStatus, SelectField, TextField, useFocusFirstError } from "../privacy-requests/_components/form-parts";
import { idleState } from "../privacy-requests/_components/form-state";
import { createKey } from "./actions";

export function CreateKeyForm(props: { lang: string; scopes: { value: string; label: string }[] }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(createKey, idleState({ scope: "READ" }));
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(state, form);
  const key = state.status === "saved" ? state.data?.key : undefined;
  return (
    <form ref={form} action={action} noValidate key={state.data?.id ?? "form"}>
      <input type="hidden" name="uiLang" value={props.lang} />
      <TextField
        id="key-name"
        name="name"
        label={t("accountability.apiKeys.name")}
        hint={t("accountability.apiKeys.nameHint")}
        state={state}
      />
      <SelectField
        id="key-scope"
        name="scope"
        label={t("accountability.apiKeys.scope")}
        state={state}
        options={props.scopes}
      />
      <button type="submit" className="button" disabled={pending}>
        {t("accountability.apiKeys.create")}
      </button>
      <FormStatus state={state} testId="create-key-status" />
      {key ? (
        <div className="field">
          <label className="field__label" htmlFor="new-key">
            {t("accountability.apiKeys.keyLabel")}
          </label>
          <input
            id="new-key"
            className="field__input"
            readOnly
            value={key}
            data-testid="new-key"
            onFocus={(e) => e.currentTarget.select()}
          />
        </div>
      ) : null}
    </form>
  );
}
