"use client";
// The draft form: one text area for the whole file, then the outcome the action rendered: the problems by field, or
// the changes and the privacy page. Focus moves to the outcome, so a keyboard or screen-reader user lands on it.
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import { previewPolicyDraftAction, type PreviewState } from "./actions";

const INITIAL: PreviewState = { status: "idle", message: "", problems: [], preview: null, draft: "" };

export function PreviewForm() {
  const t = useTranslations("accountability.policy.preview");
  const [state, action, pending] = useActionState(previewPolicyDraftAction, INITIAL);
  const outcome = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status !== "idle") outcome.current?.focus();
  }, [state]);
  const invalid = state.status === "invalid";
  return (
    <>
      <form action={action} noValidate>
        <div className="field">
          <label className="field__label" htmlFor="f-draft">
            {t("draft")}
          </label>
          <p className="field__hint" id="f-draft-hint">
            {t("draftHint")}
          </p>
          <textarea
            className="field__input"
            id="f-draft"
            name="draft"
            rows={18}
            spellCheck={false}
            defaultValue={state.draft}
            key={state.draft}
            aria-invalid={invalid ? true : undefined}
            aria-describedby={invalid ? "f-draft-hint draft-outcome" : "f-draft-hint"}
            style={{ fontFamily: "var(--font-mono, monospace)", width: "100%" }}
          />
        </div>
        <button type="submit" className="button" disabled={pending}>
          {t("submit")}
        </button>
      </form>
      <div ref={outcome} tabIndex={-1} id="draft-outcome" data-testid="draft-outcome" data-status={state.status}>
        <div role="status">
          {state.message ? (
            <p className={invalid || state.status === "forbidden" ? "callout callout--danger" : "callout"}>
              {state.message}
            </p>
          ) : null}
        </div>
        {state.problems.length ? (
          <ul data-testid="draft-problems">
            {state.problems.map((problem) => (
              <li key={problem}>
                <code>{problem}</code>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      {state.preview}
    </>
  );
}
