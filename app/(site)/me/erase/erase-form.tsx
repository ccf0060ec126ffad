"use client";
// The erasure confirmation: a checkbox the person must tick and a button (WCAG 3.3.4: a destructive action is
// confirmed). A missing tick is reported next to the box and focus returns to it.
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import styles from "../me.module.css";
import { eraseMe, type EraseState } from "./actions";

export function EraseForm() {
  const t = useTranslations("myData.erase");
  const [state, action, pending] = useActionState<EraseState, FormData>(eraseMe, { error: "", message: "" });
  const box = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (state.error === "confirm") box.current?.focus();
  }, [state]);
  const invalid = state.error === "confirm";
  return (
    <form action={action} noValidate>
      <div className={styles.check}>
        <input
          ref={box}
          type="checkbox"
          id="confirm"
          name="confirm"
          value="yes"
          aria-invalid={invalid ? true : undefined}
          aria-describedby={invalid ? "confirm-error" : undefined}
        />
        <label htmlFor="confirm">{t("confirm")}</label>
      </div>
      {invalid ? (
        <p id="confirm-error" className={styles.error}>
          {state.message}
        </p>
      ) : null}
      <button type="submit" className={`button ${styles.danger}`} disabled={pending}>
        {t("button")}
      </button>
      <p role="status" className={styles.status}>
        {state.error && state.error !== "confirm" ? state.message : ""}
      </p>
    </form>
  );
}
