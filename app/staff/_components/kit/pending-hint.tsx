"use client";
// The loading state of a list: inside a sort or page link, a spinner and "Loading …" while the next rows are on their
// way (Next.js's useLinkStatus), so a slow page never looks like an ignored click. Rendered inside the <Link>; the
// text is announced as a status, the spinner is decoration and stops for people who ask for less motion.
import { useLinkStatus } from "next/link";

export function PendingHint(props: { label: string }) {
  const { pending } = useLinkStatus();
  if (!pending) return null;
  return (
    <span className="pending-hint" role="status">
      <span className="pending-hint__spinner" aria-hidden="true" />
      <span className="visually-hidden">{props.label}</span>
    </span>
  );
}
