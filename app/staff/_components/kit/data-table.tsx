// The staff workspace's one table: a caption, sortable headers (links, so sorting works without scripts and is a URL
// to share), optional row selection for bulk actions, and an empty state. A column may name its rows (a row header);
// rows and cells may carry attributes for tests and styles. Rendered on the server; only the selection widgets are
// client code (row-selection.tsx). Wide tables scroll in their frame on a phone, not the page.
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { SortHeader } from "./sort-header";
import { SelectAllRows } from "./row-selection";
import "./data-table.css";

export type DataColumn<R> = {
  key: string;
  header: string;
  cell: (row: R) => ReactNode;
  /** A column the list can sort by: the words for each direction ("A to Z", "Z to A"). */
  sort?: { asc: string; desc: string };
  /** Keep the cell on one line (dates, numbers, codes). */
  nowrap?: boolean;
  /** "end": numbers, right-aligned in tabular figures, header included (staff.css's `num`). */
  align?: "end";
  /** The column that names each row: its cells are row headers (`<th scope="row">`). */
  rowHeader?: boolean;
  /** Extra class on each of the column's cells (e.g. "mono" for addresses and key prefixes). */
  className?: string;
  /** data-testid on each of the column's cells. */
  testId?: string;
};

/** Attributes for a row's `<tr>`: an id to link to, and data-* attributes for tests and styles. */
export type DataRowAttributes = { id?: string } & { [data: `data-${string}`]: string | undefined };

export type DataTableSort = {
  current: { sort: string; dir: "asc" | "desc" };
  /** The list's path and query, kept when the sort changes. */
  base: string;
  query: Record<string, string>;
};

export async function DataTable<R extends { id: string }>(props: {
  caption: string;
  /** Show the caption above the table (by default only screen readers get it, the page's heading naming the list). */
  showCaption?: boolean;
  /** data-testid on the `<table>`. */
  testId?: string;
  columns: DataColumn<R>[];
  rows: R[];
  /** Shown instead of the table when there are no rows. */
  empty: ReactNode;
  sort?: DataTableSort;
  /** Row selection: the id of the bulk-action form the checkboxes post with, and how to name a row to a screen reader. */
  selection?: { form: string; rowLabel: (row: R) => string };
  /** Attributes for each row's `<tr>` (an anchor id, data-* for tests). */
  rowAttributes?: (row: R) => DataRowAttributes;
}) {
  if (props.rows.length === 0) return <div className="data-table__empty">{props.empty}</div>;
  const t = await getTranslations("staff.kit.dataTable");
  const tList = await getTranslations("register.contacts.list");
  const { selection, sort } = props;
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid={props.testId}>
        <caption className={props.showCaption ? undefined : "visually-hidden"}>{props.caption}</caption>
        <thead>
          <tr>
            {selection ? (
              <th scope="col" className="data-table__select">
                <SelectAllRows form={selection.form} label={t("selectAll")} />
              </th>
            ) : null}
            {props.columns.map((c) =>
              c.sort && sort ? (
                <SortHeader
                  key={c.key}
                  column={c.key}
                  label={c.header}
                  actionLabel={tList("sortAction", {
                    column: c.header,
                    direction: sort.current.sort === c.key && sort.current.dir === "asc" ? c.sort.desc : c.sort.asc,
                  })}
                  current={sort.current}
                  base={sort.base}
                  query={sort.query}
                  pendingLabel={t("loading")}
                  className={c.align === "end" ? "num" : undefined}
                />
              ) : (
                <th key={c.key} scope="col" className={c.align === "end" ? "num" : undefined}>
                  {c.header}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.id} {...props.rowAttributes?.(row)}>
              {selection ? (
                <td className="data-table__select">
                  <input
                    type="checkbox"
                    name="ids"
                    value={row.id}
                    form={selection.form}
                    className="data-table__check"
                    aria-label={t("selectRow", { name: selection.rowLabel(row) })}
                  />
                </td>
              ) : null}
              {props.columns.map((c) => {
                const cell = {
                  className:
                    [c.nowrap ? "data-table__nowrap" : "", c.align === "end" ? "num" : "", c.className ?? ""]
                      .filter(Boolean)
                      .join(" ") || undefined,
                  "data-testid": c.testId,
                };
                return c.rowHeader ? (
                  <th key={c.key} scope="row" {...cell}>
                    {c.cell(row)}
                  </th>
                ) : (
                  <td key={c.key} {...cell}>
                    {c.cell(row)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
