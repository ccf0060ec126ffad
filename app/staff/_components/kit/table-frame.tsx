import type { ReactNode } from "react";

/**
 * A frame a wide table scrolls in on a phone, instead of the page. For a table with nothing focusable inside, the
 * frame itself takes focus (a named region), so keyboard users can scroll it too (WCAG 2.1.1; axe's
 * scrollable-region-focusable).
 */
export function TableFrame(props: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={props.label} tabIndex={0}>
      {props.children}
    </div>
  );
}
