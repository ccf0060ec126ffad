"use client";
// Form fields of every staff form: label, hint, error next to the field (aria-invalid, aria-describedby), a status
// line that announces the outcome, and focus on the first invalid field after a failed save. After an action answers,
// each field shows what was typed (the state's values), falling back to its default.
import { useEffect, type RefObject } from "react";
import type { FormState } from "@/app/staff/_components/form-state";

export function useFocusFirstError(state: FormState, form: RefObject<HTMLFormElement | null>) {
  useEffect(() => {
    if (state.status !== "invalid") return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state, form]);
}

type Common = { name: string; label: string; state: FormState; hint?: string; id?: string; defaultValue?: string };

const valueOf = (props: Common) => props.state.values[props.name] ?? props.defaultValue ?? "";

function describe(id: string, hint?: string, error?: string) {
  return [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
}

function Frame(props: Common & { id: string; error?: string; children: React.ReactNode }) {
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

export function TextField(
  props: Common & {
    type?: "text" | "email" | "tel" | "date" | "datetime-local";
    autoComplete?: string;
    textarea?: boolean;
    rows?: number;
  },
) {
  const id = props.id ?? `f-${props.name}`;
  const error = props.state.fieldErrors[props.name];
  const common = {
    id,
    name: props.name,
    className: "field__input",
    defaultValue: valueOf(props),
    "aria-invalid": error ? (true as const) : undefined,
    "aria-describedby": describe(id, props.hint, error),
    autoComplete: props.autoComplete ?? "off",
  };
  return (
    <Frame {...props} id={id} error={error}>
      {props.textarea ? (
        <textarea {...common} rows={props.rows ?? 3} />
      ) : (
        <input type={props.type ?? "text"} {...common} />
      )}
    </Frame>
  );
}

export function SelectField(props: Common & { options: { value: string; label: string }[] }) {
  const id = props.id ?? `f-${props.name}`;
  const error = props.state.fieldErrors[props.name];
  return (
    <Frame {...props} id={id} error={error}>
      {/* Keyed by its value: React resets a form after an action, and a select (unlike an input) would go back to the
          value it was first rendered with, not the one the answer carries. */}
      <select
        key={valueOf(props)}
        id={id}
        name={props.name}
        className="field__input"
        defaultValue={valueOf(props)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describe(id, props.hint, error)}
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

/**
 * A group of checkboxes for a list field: a fieldset whose legend is the label, the error after the boxes. The state
 * carries the ticked values joined with commas (FormState values are strings).
 */
export function CheckboxGroupField(props: Common & { options: { value: string; label: string }[] }) {
  const id = props.id ?? `f-${props.name}`;
  const error = props.state.fieldErrors[props.name];
  const ticked = new Set(valueOf(props).split(",").filter(Boolean));
  return (
    <fieldset className="field" id={id} aria-describedby={describe(id, props.hint, error)} key={[...ticked].join(",")}>
      <legend className="field__label">{props.label}</legend>
      {props.hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {props.hint}
        </p>
      ) : null}
      {props.options.map((o) => (
        <div key={o.value}>
          <label>
            <input
              type="checkbox"
              name={props.name}
              value={o.value}
              defaultChecked={ticked.has(o.value)}
              aria-invalid={error ? true : undefined}
            />{" "}
            {o.label}
          </label>
        </div>
      ))}
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

export function Status({ state }: { state: FormState }) {
  return (
    <div role="status" className="send-link__status">
      {state.message ? <p>{state.message}</p> : null}
      {state.details?.length ? (
        <ul>
          {state.details.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** A status line for forms whose outcome is one sentence, with a test id and the status as data-status. */
export function FormStatus({ state, testId }: { state: FormState; testId?: string }) {
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
