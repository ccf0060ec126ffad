"use client";
// The sign-up form (the page and the embeddable variant). Validated on the server with the one schema; each error is
// tied to its field (aria-invalid, aria-describedby), focus goes to the first wrong field, and the outcome is
// announced in a status region. The consent text comes from the server: the very text whose hash is recorded.
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import { signupAction } from "./signup-actions";
import type { SignupState } from "./signup-state";

const INITIAL: SignupState = { status: "idle" };
const FIELD_ORDER = ["name", "email", "organisation", "topics"] as const;

export type SignupFormTopic = { id: string; name: string; description: string };

export function SignupForm(props: { topics: SignupFormTopic[]; consent: string; linkHours: number }) {
  const t = useTranslations("publicPages.signup");
  const [state, action, pending] = useActionState(signupAction, INITIAL);
  const formRef = useRef<HTMLFormElement>(null);
  const errors = state.status === "invalid" ? state.fieldErrors : {};
  const values = state.status === "invalid" ? state.values : null;

  useEffect(() => {
    if (state.status !== "invalid") return;
    const first = FIELD_ORDER.find((f) => state.fieldErrors[f]);
    const target = first === "topics" ? "signup-topic-0" : `signup-${first}`;
    if (first) (formRef.current?.querySelector(`#${target}`) as HTMLElement | null)?.focus();
  }, [state]);

  if (state.status === "accepted") {
    return (
      <div role="status" aria-live="polite" data-status="accepted">
        <h2>{t("sentHeading")}</h2>
        <p>{t("sent", { hours: props.linkHours })}</p>
      </div>
    );
  }

  const field = (name: "name" | "email" | "organisation", type: string, autoComplete: string, required: boolean) => {
    const error = errors[name];
    const id = `signup-${name}`;
    return (
      <div className="field">
        <label htmlFor={id} className="field__label">
          {t(name)}
        </label>
        <input
          id={id}
          name={name}
          type={type}
          autoComplete={autoComplete}
          required={required}
          maxLength={name === "email" ? 320 : 200}
          defaultValue={values?.[name] ?? ""}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className="field__input"
          {...(type === "email" ? { inputMode: "email" as const, spellCheck: false } : {})}
        />
        {error ? (
          <p id={`${id}-error`} className="field__error">
            {t(`errors.${error}` as Parameters<typeof t>[0])}
          </p>
        ) : null}
      </div>
    );
  };

  return (
    <>
      {props.topics.length === 0 ? (
        <p>{t("noTopics")}</p>
      ) : (
        <form ref={formRef} action={action} noValidate className="signup__form">
          {field("name", "text", "name", true)}
          {field("email", "email", "email", true)}
          {field("organisation", "text", "organization", false)}
          <fieldset
            className="field"
            aria-describedby={errors.topics ? "signup-topics-error" : undefined}
            aria-invalid={errors.topics ? true : undefined}
          >
            <legend className="field__label">{t("topicsLegend")}</legend>
            {props.topics.map((topic, i) => (
              <div key={topic.id} className="field__check">
                <input
                  type="checkbox"
                  id={`signup-topic-${i}`}
                  name="topics"
                  value={topic.id}
                  defaultChecked={values?.topics.includes(topic.id) ?? false}
                  aria-describedby={`signup-topic-${i}-description`}
                />{" "}
                <label htmlFor={`signup-topic-${i}`}>{topic.name}</label>
                <p id={`signup-topic-${i}-description`} className="field__hint">
                  {topic.description}
                </p>
              </div>
            ))}
            {errors.topics ? (
              <p id="signup-topics-error" className="field__error">
                {t(`errors.${errors.topics}` as Parameters<typeof t>[0])}
              </p>
            ) : null}
          </fieldset>
          <section aria-labelledby="signup-consent-heading">
            <h2 id="signup-consent-heading">{t("consentHeading")}</h2>
            <p data-testid="signup-consent">{props.consent}</p>
          </section>
          <button type="submit" className="button" aria-disabled={pending || undefined}>
            {pending ? t("sending") : t("submit")}
          </button>
        </form>
      )}
      <div role="status" aria-live="polite" data-status={state.status}>
        {state.status === "limited" ? <p>{t("limited")}</p> : null}
        {state.status === "failed" ? <p>{t("failed")}</p> : null}
        {state.status === "invalid" ? <p>{t("errorSummary")}</p> : null}
      </div>
    </>
  );
}
