"use client";
// Row selection for DataTable, on plain checkboxes that belong to the bulk-action form by its id (form="…"), so a
// selection posts with the form even without scripts. With scripts: a header checkbox that ticks the page (mixed when
// some are ticked), a live count, and bulk buttons that stay unavailable until a row is ticked.
import { useEffect, useRef, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";

const boxesOf = (form: string) => [
  ...document.querySelectorAll<HTMLInputElement>(`input[type="checkbox"][name="ids"][form="${CSS.escape(form)}"]`),
];

/** How many rows of the form are ticked, following every change. */
function useSelectedCount(form: string): { count: number; total: number } {
  const [state, setState] = useState({ count: 0, total: 0 });
  useEffect(() => {
    const update = () => {
      const boxes = boxesOf(form);
      setState({ count: boxes.filter((b) => b.checked).length, total: boxes.length });
    };
    update();
    document.addEventListener("change", update);
    document.addEventListener("data-table:selection", update);
    return () => {
      document.removeEventListener("change", update);
      document.removeEventListener("data-table:selection", update);
    };
  }, [form]);
  return state;
}

export function SelectAllRows(props: { form: string; label: string }) {
  const { count, total } = useSelectedCount(props.form);
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = count > 0 && count < total;
  }, [count, total]);
  return (
    <input
      ref={ref}
      type="checkbox"
      className="data-table__check"
      aria-label={props.label}
      checked={total > 0 && count === total}
      onChange={(e) => {
        for (const box of boxesOf(props.form)) box.checked = e.currentTarget.checked;
        document.dispatchEvent(new Event("data-table:selection"));
      }}
    />
  );
}

/** "3 rows selected", announced politely as it changes. data-ready says the selection widgets are live. */
export function SelectionCount(props: { form: string }) {
  const t = useTranslations("staff.kit.dataTable");
  const { count } = useSelectedCount(props.form);
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => ref.current?.setAttribute("data-ready", ""), []);
  return (
    <span ref={ref} role="status" id={`${props.form}-count`} className="data-table__count">
      {t("selected", { count })}
    </span>
  );
}

/**
 * A bulk action's submit button: unavailable (aria-disabled, so it stays in the tab order and says why) while no row
 * is ticked. Without scripts it always submits, and the action answers "select a row first".
 */
export function BulkSubmit(props: {
  form: string;
  children: ReactNode;
  formAction?: string;
  formMethod?: "get" | "post";
  danger?: boolean;
}) {
  const { count } = useSelectedCount(props.form);
  const none = count === 0;
  return (
    <button
      type="submit"
      form={props.form}
      formAction={props.formAction}
      formMethod={props.formMethod}
      className={props.danger ? "button button--danger" : "button button--secondary"}
      aria-disabled={none || undefined}
      aria-describedby={`${props.form}-count`}
      onClick={(e) => {
        if (none) e.preventDefault();
      }}
    >
      {props.children}
    </button>
  );
}
