"use client";
import { useTranslations } from "next-intl";
import { useActionState, useRef } from "react";
import { Status, useFocusFirstError } from "@/app/staff/_components/fields";
import { initialFormState } from "@/app/staff/_components/form-state";
import { eraseContactAction } from "../../actions";

export function EraseForm(props: { id: string; channels: { value: string; label: string }[] }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(eraseContactAction, initialFormState({ channel: "EMAIL" }));
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(state, form);
  const channelError = state.fieldErrors.channel;
  const confirmError = state.fieldErrors.confirm;
  return (
    <form ref={form} action={action} noValidate>
      <input type="hidden" name="id" value={props.id} />
      <fieldset className="field" aria-describedby={channelError ? "channel-error" : undefined}>
        <legend className="field__label">{t("register.contacts.channel")}</legend>
        {props.channels.map((c) => (
          <label key={c.value}>
            <input type="radio" name="channel" value={c.value} defaultChecked={state.values.channel === c.value} />{" "}
            {c.label}
          </label>
        ))}
        {channelError ? (
          <p id="channel-error" className="field__error">
            {channelError}
          </p>
        ) : null}
      </fieldset>
      <div className="field">
        <label>
          <input
            type="checkbox"
            name="confirm"
            aria-invalid={confirmError ? true : undefined}
            aria-describedby={confirmError ? "confirm-error" : undefined}
          />{" "}
          {t("register.contacts.confirm")}
        </label>
        {confirmError ? (
          <p id="confirm-error" className="field__error">
            {confirmError}
          </p>
        ) : null}
      </div>
      <button type="submit" className="button button--danger" disabled={pending}>
        {t("register.contacts.eraseButton")}
      </button>
      <Status state={state} />
    </form>
  );
}
