"use client";
// The "send me a link" form. Validation happens on the server (one schema); the field error is tied to the input
// (aria-invalid, aria-describedby) and focus returns to the field; the outcome is announced in a status region.
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import { requestLinkAction, type SendLinkState } from "./actions";

const INITIAL: SendLinkState = { status: "idle" };

/** linkValidDays: how long a mailed link works (the server's rule, shown in the answer). */
export function SendLinkForm({ linkValidDays }: { linkValidDays: number }) {
  const t = useTranslations("publicPages.sendLink");
  const [state, action, pending] = useActionState(requestLinkAction, INITIAL);
  const inputRef = useRef<HTMLInputElement>(null);
  const invalid = state.status === "invalid";

  useEffect(() => {
    if (state.status === "invalid") inputRef.current?.focus();
  }, [state]);

  const message =
    state.status === "accepted"
      ? t("accepted", { days: linkValidDays })
      : state.status === "limited"
        ? t("limited")
        : state.status === "failed"
          ? t("failed")
          : "";

  return (
    <section aria-labelledby="send-link-heading" className="send-link">
      <h2 id="send-link-heading">{t("heading")}</h2>
      <p>{t("text")}</p>
      <form action={action} noValidate className="send-link__form">
        <div className="field">
          <label htmlFor="send-link-email" className="field__label">
            {t("emailLabel")}
          </label>
          <p id="send-link-email-hint" className="field__hint">
            {t("emailHint")}
          </p>
          <input
            ref={inputRef}
            // A fresh input after each answer: keeps a mistyped address for correction, clears an accepted one.
            key={state.status === "invalid" ? `invalid:${state.value}` : state.status}
            id="send-link-email"
            name="email"
            type="email"
            inputMode="email"
            autoComplete="email"
            spellCheck={false}
            required
            maxLength={320}
            defaultValue={invalid ? state.value : ""}
            aria-invalid={invalid || undefined}
            aria-describedby={invalid ? "send-link-email-error send-link-email-hint" : "send-link-email-hint"}
            className="field__input"
          />
          {invalid ? (
            <p id="send-link-email-error" className="field__error">
              {t(`errors.${state.error}`)}
            </p>
          ) : null}
        </div>
        <button type="submit" className="button" aria-disabled={pending || undefined}>
          {pending ? t("sending") : t("submit")}
        </button>
      </form>
      {/* Always in the page, so that screen readers announce what is put into it. */}
      <div role="status" aria-live="polite" className="send-link__status" data-status={state.status}>
        {message ? <p>{message}</p> : null}
        {invalid ? <p className="visually-hidden">{t(`errors.${state.error}`)}</p> : null}
      </div>
    </section>
  );
}
