import Link from "@/app/_components/link";
import { PendingHint } from "./pending-hint";

/**
 * A sortable column's header: a link that sorts by this column (ascending first, then the other way), with aria-sort
 * on the header cell so a screen reader announces the order, and an arrow for sighted users. Sorting starts the list
 * from its first page (the cursors belong to the previous order).
 */
export function SortHeader(props: {
  label: string;
  /** "Sort by name, descending" and so on, in the page's language. */
  actionLabel: string;
  column: string;
  current: { sort: string; dir: "asc" | "desc" };
  base: string;
  query: Record<string, string>;
  /** "Loading …", said while the sorted list is on its way. */
  pendingLabel?: string;
  /** The header cell's class (e.g. "num" for a numeric column). */
  className?: string;
}) {
  const active = props.current.sort === props.column;
  const nextDir = active && props.current.dir === "asc" ? "desc" : "asc";
  const q = new URLSearchParams(
    Object.entries(props.query).filter(([k, v]) => v !== "" && !["after", "before", "sort", "dir"].includes(k)),
  );
  q.set("sort", props.column);
  q.set("dir", nextDir);
  return (
    <th
      scope="col"
      className={props.className}
      aria-sort={active ? (props.current.dir === "asc" ? "ascending" : "descending") : undefined}
    >
      <Link href={`${props.base}?${q.toString()}`} className="sort-header" aria-label={props.actionLabel}>
        {props.label}
        <span aria-hidden="true" className="sort-header__arrow">
          {active ? (props.current.dir === "asc" ? "▲" : "▼") : "↕"}
        </span>
        {props.pendingLabel ? <PendingHint label={props.pendingLabel} /> : null}
      </Link>
    </th>
  );
}
