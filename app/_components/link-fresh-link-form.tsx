"use client";
// The "send me a new link" button of a link-problem page. The status region is always in the page, so screen readers
// announce the answer when it appears.
import { useActionState } from "react";

export type FreshLinkState = null | "sent" | "failed";

export function FreshLinkForm({
  action,
  labels,
}: {
  action: (prev: FreshLinkState, form: FormData) => Promise<FreshLinkState>;
  labels: { button: string; sent: string; failed: string };
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="actions">
      <button type="submit" className="button" disabled={pending || state === "sent"}>
        {labels.button}
      </button>
      <p role="status" className="status-message">
        {state === "sent" ? labels.sent : state === "failed" ? labels.failed : ""}
      </p>
    </form>
  );
}
