"use client";
// The correction forms. Errors sit next to their field (aria-invalid, aria-describedby) and a status line announces
// the outcome; after a failed save, focus moves to the first invalid field so keyboard and screen-reader users land
// on it.
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import styles from "../me.module.css";
import { changeEmail, reportOther, saveCorrection } from "./actions";
import { initialFormState, type FormState } from "./state";

function useFocusFirstError(state: FormState, form: React.RefObject<HTMLFormElement | null>) {
  useEffect(() => {
    if (state.status !== "invalid") return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state, form]);
}

function Field(props: {
  id: string;
  name: string;
  label: string;
  state: FormState;
  type?: "text" | "tel" | "email";
  hint?: string;
  autoComplete?: string;
  textarea?: boolean;
}) {
  const error = props.state.fieldErrors[props.name];
  const describedBy = [props.hint ? `${props.id}-hint` : "", error ? `${props.id}-error` : ""]
    .filter(Boolean)
    .join(" ");
  const common = {
    id: props.id,
    name: props.name,
    defaultValue: props.state.values[props.name] ?? "",
    "aria-invalid": error ? (true as const) : undefined,
    "aria-describedby": describedBy || undefined,
    autoComplete: props.autoComplete,
  };
  return (
    <div className={styles.field}>
      <label htmlFor={props.id}>{props.label}</label>
      {props.hint ? (
        <p id={`${props.id}-hint`} className={styles.hint}>
          {props.hint}
        </p>
      ) : null}
      {props.textarea ? <textarea {...common} rows={5} /> : <input type={props.type ?? "text"} {...common} />}
      {error ? (
        <p id={`${props.id}-error`} className={styles.error}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

function Status({ state }: { state: FormState }) {
  return (
    <p role="status" className={styles.status}>
      {state.message}
    </p>
  );
}

export function CorrectForms({
  current,
}: {
  current: { name: string; phone: string; jobTitle: string; language: string };
}) {
  const t = useTranslations("myData.correct");
  const languages = useTranslations("myData.me.languages");
  const [state, action, pending] = useActionState(saveCorrection, initialFormState(current));
  const [emailState, emailAction, emailPending] = useActionState(changeEmail, initialFormState());
  const [otherState, otherAction, otherPending] = useActionState(reportOther, initialFormState());
  const form = useRef<HTMLFormElement>(null);
  const emailForm = useRef<HTMLFormElement>(null);
  const otherForm = useRef<HTMLFormElement>(null);
  useFocusFirstError(state, form);
  useFocusFirstError(emailState, emailForm);
  useFocusFirstError(otherState, otherForm);
  const langError = state.fieldErrors.language;

  return (
    <>
      <form ref={form} action={action} noValidate>
        <Field id="name" name="name" label={t("name")} state={state} autoComplete="name" />
        <Field
          id="phone"
          name="phone"
          label={t("phone")}
          hint={t("phoneHint")}
          type="tel"
          state={state}
          autoComplete="tel"
        />
        <Field id="jobTitle" name="jobTitle" label={t("jobTitle")} state={state} autoComplete="organization-title" />
        <div className={styles.field}>
          <label htmlFor="language">{t("language")}</label>
          <select
            id="language"
            name="language"
            defaultValue={state.values.language}
            aria-invalid={langError ? true : undefined}
            aria-describedby={langError ? "language-error" : undefined}
          >
            <option value="sv">{languages("sv")}</option>
            <option value="en">{languages("en")}</option>
          </select>
          {langError ? (
            <p id="language-error" className={styles.error}>
              {langError}
            </p>
          ) : null}
        </div>
        <button type="submit" className="button" disabled={pending}>
          {t("save")}
        </button>
        <Status state={state} />
      </form>

      <section aria-labelledby="email-heading">
        <h2 id="email-heading">{t("emailHeading")}</h2>
        <p>{t("emailText")}</p>
        <form ref={emailForm} action={emailAction} noValidate>
          <Field id="email" name="email" label={t("email")} type="email" state={emailState} autoComplete="email" />
          <button type="submit" className="button" disabled={emailPending}>
            {t("emailButton")}
          </button>
          <Status state={emailState} />
        </form>
      </section>

      <section aria-labelledby="other-heading">
        <h2 id="other-heading">{t("otherHeading")}</h2>
        <p>{t("otherText")}</p>
        <form ref={otherForm} action={otherAction} noValidate>
          <Field id="details" name="details" label={t("details")} state={otherState} textarea />
          <button type="submit" className="button" disabled={otherPending}>
            {t("otherButton")}
          </button>
          <Status state={otherState} />
        </form>
      </section>
    </>
  );
}
