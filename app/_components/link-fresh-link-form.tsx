"use client";
// The "send me a new link" button of a link-problem page. The status region is always in the page, so screen readers
// announce the answer when it appears.
import { useTranslations } from "next-intl";
import { useActionState } from "react";

export type FreshLinkState = null | "sent" | "failed";

export function FreshLinkForm({
  action,
}: {
  action: (prev: FreshLinkState, form: FormData) => Promise<FreshLinkState>;
}) {
  const t = useTranslations("linkPages");
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="actions">
      <button type="submit" className="button" disabled={pending || state === "sent"}>
        {t("problem.freshButton")}
      </button>
      <p role="status" className="status-message">
        {state === "sent" ? t("problem.freshSent") : state === "failed" ? t("prefs.failed") : ""}
      </p>
    </form>
  );
}
