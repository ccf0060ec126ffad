"use client";
// Form fields for the staff accountability pages: errors next to their field (aria-invalid, aria-describedby), a
// status line that announces the outcome, and focus on the first invalid field after a failed submit.
import { useEffect, type ReactNode, type RefObject } from "react";
import type { StaffFormState } from "./form-state";

export function useFocusFirstError(state: StaffFormState, form: RefObject<HTMLFormElement | null>) {
  useEffect(() => {
    if (state.status !== "invalid") return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state, form]);
}

type FieldProps = {
  id: string;
  name: string;
  label: string;
  state: StaffFormState;
  hint?: string;
  defaultValue?: string;
};

function describedBy(id: string, hint: string | undefined, error: string | undefined) {
  return [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
}

function Frame(props: FieldProps & { error?: string; children: ReactNode }) {
  return (
    <div className="field">
      <label className="field__label" htmlFor={props.id}>
        {props.label}
      </label>
      {props.hint ? (
        <p id={`${props.id}-hint`} className="field__hint">
          {props.hint}
        </p>
      ) : null}
      {props.children}
      {props.error ? (
        <p id={`${props.id}-error`} className="field__error">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

export function TextField(props: FieldProps & { type?: "text" | "email" | "date"; textarea?: boolean }) {
  const error = props.state.fieldErrors[props.name];
  const common = {
    id: props.id,
    name: props.name,
    className: "field__input",
    defaultValue: props.state.values[props.name] ?? props.defaultValue ?? "",
    "aria-invalid": error ? (true as const) : undefined,
    "aria-describedby": describedBy(props.id, props.hint, error),
  };
  return (
    <Frame {...props} error={error}>
      {props.textarea ? <textarea {...common} rows={4} /> : <input type={props.type ?? "text"} {...common} />}
    </Frame>
  );
}

export function SelectField(props: FieldProps & { options: { value: string; label: string }[] }) {
  const error = props.state.fieldErrors[props.name];
  return (
    <Frame {...props} error={error}>
      <select
        id={props.id}
        name={props.name}
        className="field__input"
        defaultValue={props.state.values[props.name] ?? props.defaultValue ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(props.id, props.hint, error)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

export function FormStatus({ state, testId }: { state: StaffFormState; testId?: string }) {
  return (
    <p
      role="status"
      data-testid={testId}
      data-status={state.status}
      className={state.message ? "field__hint" : undefined}
    >
      {state.message}
    </p>
  );
}
