"use client";
// The compose form: one form for the draft, whose buttons save it, send a test, send it now or schedule it (the last
// two after a confirmation dialog that says how many may receive it). The live preview sits beside the fields.
import { useTranslations } from "next-intl";
import { useActionState, useRef, useState } from "react";
import { SelectField, Status, TextField, useFocusFirstError } from "@/app/staff/_components/fields";
import type { FormState } from "@/app/staff/_components/form-state";
import type { Language } from "@/lib/i18n/languages";
import { saveMailingAction } from "../actions";
import { ConfirmStart } from "./confirm-start";
import { MailingPreview } from "./mailing-preview";
import styles from "../mailings.module.css";

type Option = { value: string; label: string };
const cap = (l: string) => (l === "sv" ? "Sv" : "En");

export function ComposeForm(props: {
  id?: string;
  values: Record<string, string>;
  notice?: string;
  topics: Option[];
  segments: Option[];
  templates: Option[];
  defaultSender: string;
  languages: readonly Language[];
}) {
  const initial: FormState = {
    status: props.notice ? "saved" : "idle",
    message: props.notice ?? "",
    fieldErrors: {},
    values: props.values,
  };
  const [state, action, pending] = useActionState(saveMailingAction, initial);
  const form = useRef<HTMLFormElement>(null);
  const [inputTick, setInputTick] = useState(0);
  useFocusFirstError(state, form);
  const t = useTranslations("mailings.form");
  const mailingsT = useTranslations("mailings");
  const sendAtError = state.fieldErrors.sendAt;

  return (
    <form ref={form} action={action} noValidate onInput={() => setInputTick((n) => n + 1)}>
      {props.id ? <input type="hidden" name="id" value={props.id} /> : null}
      <div>
        <fieldset className={styles.fieldset}>
          <legend>{t("general")}</legend>
          <TextField name="name" label={t("name")} state={state} />
          <SelectField name="topicId" label={t("topic")} hint={t("topicHint")} state={state} options={props.topics} />
          <SelectField name="segmentId" label={t("segment")} state={state} options={props.segments} />
          <TextField
            name="fromName"
            label={t("fromName")}
            hint={t("fromNameHint", { sender: props.defaultSender })}
            state={state}
          />
          <TextField name="replyTo" type="email" label={t("replyTo")} hint={t("replyToHint")} state={state} />
          <SelectField
            name="template"
            label={t("template")}
            hint={t("templateHint")}
            state={state}
            options={props.templates}
          />
        </fieldset>
        {props.languages.map((l) => (
          <fieldset key={l} className={styles.fieldset}>
            <legend>{t(`language.${l}`)}</legend>
            <TextField name={`subject${cap(l)}`} label={t("subject")} state={state} />
            <TextField name={`preheader${cap(l)}`} label={t("preheader")} hint={t("preheaderHint")} state={state} />
            <BodyField name={`body${cap(l)}`} label={t("body")} hint={t("bodyHint")} state={state} />
          </fieldset>
        ))}
      </div>

      <MailingPreview form={form} inputTick={inputTick} languages={props.languages} />

      <fieldset className={styles.fieldset}>
        <legend>{t("actions")}</legend>
        <p className="field__hint">{mailingsT("timeZoneNote")}</p>
        <div className="actions">
          <button type="submit" name="intent" value="save" className="button" disabled={pending}>
            {t("save")}
          </button>
          <button type="submit" name="intent" value="test" className="button" disabled={pending}>
            {t("sendTest")}
          </button>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="f-sendAt">
            {t("sendAt")}
          </label>
          <p id="f-sendAt-hint" className="field__hint">
            {t("sendAtHint")}
          </p>
          <input
            id="f-sendAt"
            name="sendAt"
            type="datetime-local"
            className="field__input"
            defaultValue={state.values.sendAt ?? ""}
            aria-invalid={sendAtError ? true : undefined}
            aria-describedby={sendAtError ? "f-sendAt-hint f-sendAt-error" : "f-sendAt-hint"}
          />
          {sendAtError ? (
            <p id="f-sendAt-error" className="field__error">
              {sendAtError}
            </p>
          ) : null}
        </div>
        <ConfirmStart
          form={form}
          pending={pending}
          segments={props.segments}
          sendNowLabel={t("sendNow")}
          scheduleLabel={t("schedule")}
        />
      </fieldset>
      <Status state={state} />
    </form>
  );
}

function BodyField(props: { name: string; label: string; hint: string; state: FormState }) {
  const id = `f-${props.name}`;
  const error = props.state.fieldErrors[props.name];
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {props.label}
      </label>
      <p id={`${id}-hint`} className="field__hint">
        {props.hint}
      </p>
      <textarea
        id={id}
        name={props.name}
        className="field__input"
        rows={12}
        defaultValue={props.state.values[props.name] ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
      />
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
