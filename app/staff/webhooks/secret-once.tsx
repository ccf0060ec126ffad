"use client";
// A secret shown once, whole (a wrapping read-only field), with a copy button.
import { useTranslations } from "next-intl";
import { useState } from "react";

export function SecretOnce({ secret, id }: { secret: string; id: string }) {
  const t = useTranslations();
  const [copied, setCopied] = useState<"" | "copied" | "copyFailed">("");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied("copied");
    } catch {
      setCopied("copyFailed");
    }
  };
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {t("accountability.webhooks.secretLabel")}
      </label>
      <p id={`${id}-hint`} className="field__hint">
        {t("accountability.webhooks.secretOnce")}
      </p>
      <textarea
        id={id}
        className="field__input"
        readOnly
        rows={2}
        value={secret}
        aria-describedby={`${id}-hint`}
        data-testid="new-secret"
        style={{ fontFamily: "var(--font-mono)", resize: "none" }}
        onFocus={(e) => e.currentTarget.select()}
      />
      <p>
        <button type="button" className="button button--secondary button--small" onClick={() => void copy()}>
          {t("accountability.webhooks.copy")}
        </button>
      </p>
      <p role="status">{copied ? t(`accountability.webhooks.${copied}`) : ""}</p>
    </div>
  );
}
