"use client";
// "Why are you leaving?": offered after an unsubscribe made on this page, for that unsubscribe only. One optional
// question (a fixed reason, optional text); "Skip" stores nothing. A plain form posting a server action, so it works
// without JavaScript: the page then renders again with this form's answer (errors per field, or thanks). Always mounted
// in the same place, so that answer finds it.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { LEAVING_REASONS, LEAVING_TEXT_MAX } from "@/lib/subscriptions/leaving-reasons";
import { answerLeaving } from "./actions";
import type { LeavingSurveyTarget } from "./input";
import styles from "./preferences.module.css";

export function LeavingSurvey({ token, offered }: { token: string; offered?: LeavingSurveyTarget }) {
  const t = useTranslations("linkPages.leaving");
  const reasons = useTranslations("enums.leavingReason");
  const [state, action] = useActionState(answerLeaving, null);
  // The unsubscribe to ask about: the one just made, or the one whose answer needs correcting.
  const target = offered ?? (state?.kind === "error" ? state.target : undefined);
  const answered = state?.kind === "done" && (!target || state.target.unsubscribedAt === target.unsubscribedAt);
  const showForm = target && !answered;
  const errors = state?.kind === "error" && state.target.unsubscribedAt === target?.unsubscribedAt ? state : null;
  return (
    <>
      <p role="status" className={styles.status}>
        {state && (answered || (state.kind === "error" && !state.fieldErrors)) ? (
          <span key={state.seq}>{state.message}</span>
        ) : null}
      </p>
      {showForm ? (
        <section aria-labelledby="leaving-heading" className={styles.leaving}>
          <h2 id="leaving-heading">{t("heading")}</h2>
          <p>{t("intro")}</p>
          <form action={action} key={target.unsubscribedAt} noValidate>
            <input type="hidden" name="token" value={token} />
            <input type="hidden" name="unsubscribedAt" value={target.unsubscribedAt} />
            <input type="hidden" name="topicId" value={target.topicId ?? ""} />
            <fieldset
              className={styles.reasons}
              aria-invalid={errors?.fieldErrors?.reason ? true : undefined}
              aria-describedby={errors?.fieldErrors?.reason ? "leaving-reason-error" : undefined}
            >
              <legend className="field__label">{t("reasonLegend")}</legend>
              {errors?.fieldErrors?.reason ? (
                <p id="leaving-reason-error" className="field__error">
                  {errors.fieldErrors.reason}
                </p>
              ) : null}
              {LEAVING_REASONS.map((reason) => (
                <label key={reason} className={styles.reason}>
                  <input type="radio" name="reason" value={reason} defaultChecked={errors?.values?.reason === reason} />
                  {reasons(reason)}
                </label>
              ))}
            </fieldset>
            <div className="field">
              <label htmlFor="leaving-text" className="field__label">
                {t("textLabel", { max: LEAVING_TEXT_MAX })}
              </label>
              {errors?.fieldErrors?.text ? (
                <p id="leaving-text-error" className="field__error">
                  {errors.fieldErrors.text}
                </p>
              ) : null}
              <textarea
                id="leaving-text"
                name="text"
                rows={3}
                className="field__input"
                defaultValue={errors?.values?.text ?? ""}
                aria-invalid={errors?.fieldErrors?.text ? true : undefined}
                aria-describedby={errors?.fieldErrors?.text ? "leaving-text-error" : undefined}
              />
            </div>
            <div className={styles.leavingButtons}>
              <button type="submit" name="intent" value="answer" className="button">
                {t("submit")}
              </button>
              <button type="submit" name="intent" value="skip" className={`button ${styles.secondary}`}>
                {t("skip")}
              </button>
            </div>
          </form>
        </section>
      ) : null}
    </>
  );
}
