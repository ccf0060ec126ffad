// Keyset pagination shared by the staff lists: the query for one page (order, and the rows strictly beyond the cursor
// in (sort field, id) order) and the page it answers (rows in display order, cursors for previous and next). One
// more row than the page is read to know whether another page follows. A previous page is read in the other order
// and turned round.
import { decodeCursor, encodeCursor, type Cursor } from "./keyset-cursor";

export type SortDirection = "asc" | "desc";

export type KeysetRequest = {
  field: string;
  dir: SortDirection;
  kind: "string" | "date";
  after?: string;
  before?: string;
};

export type KeysetQuery = {
  order: SortDirection;
  /** A where-condition for the model (merge it with AND), or none on the first page. */
  seek: Record<string, unknown> | undefined;
  backwards: boolean;
  cursor: Cursor | null;
};

export function keysetQuery(r: KeysetRequest): KeysetQuery {
  const backwards = !r.after && Boolean(r.before);
  const cursor = decodeCursor(backwards ? r.before : r.after, r.kind);
  const order: SortDirection = backwards ? (r.dir === "asc" ? "desc" : "asc") : r.dir;
  const beyond = order === "asc" ? "gt" : "lt";
  const from = order === "asc" ? "gte" : "lte";
  // `field >= v AND (field > v OR id > i)`: the first half is a range an index on (field, id) starts from, so a deep
  // page reads 26 rows. Written as `field > v OR (field = v AND id > i)` PostgreSQL cannot start mid-index and reads
  // every row before the cursor (566,681 rows, 3.6 s, at the middle of a 1,000,000-contact register; bench/README.md).
  const seek = cursor
    ? {
        AND: [
          { [r.field]: { [from]: cursor.value } },
          { OR: [{ [r.field]: { [beyond]: cursor.value } }, { id: { [beyond]: cursor.id } }] },
        ],
      }
    : undefined;
  return { order, seek, backwards, cursor };
}

/** The page from the rows read (up to perPage + 1, in query order). */
export function keysetPage<R extends { id: string }>(
  found: R[],
  q: KeysetQuery,
  perPage: number,
  sortValue: (r: R) => string | Date,
): { rows: R[]; previous: string | null; next: string | null } {
  const more = found.length > perPage;
  const page = found.slice(0, perPage);
  const rows = q.backwards ? page.reverse() : page;
  const cursorOf = (r: R) => encodeCursor(sortValue(r), r.id);
  const first = rows[0];
  const last = rows.at(-1);
  return {
    rows,
    // There is a previous page when we came forward from a cursor, or went backwards and found more.
    previous: first && (q.backwards ? more : Boolean(q.cursor)) ? cursorOf(first) : null,
    next: last && (q.backwards ? Boolean(q.cursor) : more) ? cursorOf(last) : null,
  };
}
