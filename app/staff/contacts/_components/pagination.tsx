import Link from "next/link";

/** Previous/next links that keep the current filters. */
export function Pagination(props: {
  base: string;
  query: Record<string, string>;
  page: number;
  pages: number;
  texts: { previous: string; next: string; pagination: string };
}) {
  if (props.pages <= 1) return null;
  const href = (page: number) => {
    const q = new URLSearchParams(Object.entries(props.query).filter(([, v]) => v !== ""));
    q.set("page", String(page));
    return `${props.base}?${q.toString()}`;
  };
  return (
    <nav aria-label={props.texts.pagination} className="actions">
      {props.page > 1 ? <Link href={href(props.page - 1)}>{props.texts.previous}</Link> : null}
      {props.page < props.pages ? <Link href={href(props.page + 1)}>{props.texts.next}</Link> : null}
    </nav>
  );
}
