"use client";
// Creates a key and shows it once, whole (a wrapping read-only field, never cut off), with a copy button.
import { useTranslations } from "next-intl";
import { useActionState, useRef, useState } from "react";
import { FormStatus, SelectField, TextField, useFocusFirstError } from "@/app/staff/_components/fields";
import { idleState } from "../privacy-requests/_components/form-state";
import { createKey } from "./actions";

export function CreateKeyForm(props: {
  lang: string;
  scopes: { value: string; label: string }[];
  defaultLimit: number;
}) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(createKey, idleState({ scope: "READ" }));
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(state, form);
  const key = state.status === "saved" ? state.data?.key : undefined;
  const [copied, setCopied] = useState<"" | "copied" | "copyFailed">("");
  const copy = async (value: string) => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied("copied");
    } catch {
      setCopied("copyFailed");
    }
  };
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
      <TextField
        id="key-rate-limit"
        name="rateLimitPerMinute"
        label={t("accountability.apiKeys.rateLimit")}
        hint={t("accountability.apiKeys.rateLimitHint", { limit: props.defaultLimit })}
        state={state}
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
          <p id="new-key-hint" className="field__hint">
            {t("accountability.apiKeys.keyOnce")}
          </p>
          <textarea
            id="new-key"
            className="field__input"
            readOnly
            rows={2}
            value={key}
            aria-describedby="new-key-hint"
            data-testid="new-key"
            style={{ fontFamily: "var(--font-mono)", resize: "none" }}
            onFocus={(e) => e.currentTarget.select()}
          />
          <p>
            <button type="button" className="button button--secondary button--small" onClick={() => void copy(key)}>
              {t("accountability.apiKeys.copy")}
            </button>
          </p>
          <p role="status">{copied ? t(`accountability.apiKeys.${copied}`) : ""}</p>
        </div>
      ) : null}
    </form>
  );
}
