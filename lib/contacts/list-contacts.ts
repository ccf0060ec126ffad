// Contacts for the staff list: search by name, address, organisation name or number (best match first); filter by
// category, organisation, role type, subscribed topic, language and opt-out; sorted by name or by when the contact
// was registered, either way; paginated by keyset (a cursor of the last row's sort values and id, never OFFSET, so
// page 20,000 costs what page 1 does); counted exactly up to 10,000 and estimated beyond. Returns only fields every
// role that may list contacts may see (never the phone number), so no role-dependent redaction is needed.
import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import { countOrEstimate } from "@/lib/db/count-or-estimate";
import { Prisma } from "@/lib/generated/prisma/client";
import { decodeCursor, type Cursor } from "@/lib/pagination/keyset-cursor";
import { keysetPage, type SortDirection } from "@/lib/pagination/keyset-page";
import {
  contactConditionsSql,
  contactFromSql,
  contactSourceSql,
  isShortTerm,
  searchRankSql,
  searchTermOf,
} from "./contact-list-sql";

export const CONTACTS_PER_PAGE = 25;

export type ContactQuery = {
  q?: string;
  category?: string;
  organisationId?: string;
  roleType?: string;
  topicId?: string;
  language?: string;
  optedOut?: string;
  sort?: string;
  dir?: string;
  /** The cursor of the row to continue after (next page) or before (previous page). */
  after?: string;
  before?: string;
};

/** The list's filter fields, as the query string names them (the export repeats them). */
export const CONTACT_FILTER_KEYS = [
  "q",
  "category",
  "organisationId",
  "roleType",
  "topicId",
  "language",
  "optedOut",
] as const;

export const CONTACT_SORTS = ["name", "created", "relevance"] as const;
export type ContactSort = (typeof CONTACT_SORTS)[number];
export type { SortDirection };

/**
 * The sort a query asks for, or the default: best match first when searching, else name A–Ö. Best match first needs
 * every match ranked, so it applies while the matches are counted exactly (up to 10,000); a broader search is
 * listed by name, which an index serves from the first row, and the page says so.
 */
export function contactSortOf(
  q: Pick<ContactQuery, "sort" | "dir" | "q">,
  rankable = true,
): { sort: ContactSort; dir: SortDirection } {
  const searching = searchTermOf(q) !== null && rankable;
  const asked = (CONTACT_SORTS as readonly string[]).includes(q.sort ?? "") ? (q.sort as ContactSort) : null;
  const sort = asked && (asked !== "relevance" || searching) ? asked : searching ? "relevance" : "name";
  return { sort, dir: sort !== "relevance" && q.dir === "desc" ? "desc" : "asc" };
}

type Found = { id: string; name: string; createdAt: Date | null; rank: number };

export async function listContacts(opts: { db: DbOrTx; query: ContactQuery }) {
  const f = opts.query;
  const from = contactFromSql(f);
  const total = await countOrEstimate(opts.db, from);
  const { sort, dir } = contactSortOf(f, total.exact);
  const term = searchTermOf(f);
  const backwards = !f.after && Boolean(f.before);
  const order: SortDirection = backwards ? (dir === "asc" ? "desc" : "asc") : dir;
  const cursor = decodeCursor(backwards ? f.before : f.after, sort === "created" ? "date" : "string");
  const rank = sort === "relevance" && term ? searchRankSql(term) : Prisma.sql`0`;
  const keys = {
    name: [Prisma.sql`c.name`, Prisma.sql`c.id`],
    created: [Prisma.sql`c."createdAt"`, Prisma.sql`c.id`],
    relevance: [rank, Prisma.sql`c.name`, Prisma.sql`c.id`],
  }[sort];
  const after = cursor ? cursorSql(sort, cursor) : null;
  const seek = after
    ? Prisma.sql`AND (${Prisma.join(keys)}) ${Prisma.raw(order === "asc" ? ">" : "<")} (${after})`
    : Prisma.empty;
  const direction = Prisma.raw(order === "asc" ? "ASC" : "DESC");
  const ordered = Prisma.sql`ORDER BY ${Prisma.join(keys.map((k) => Prisma.sql`${k} ${direction}`))}
    LIMIT ${CONTACTS_PER_PAGE + 1}`;
  // A search listed by name or date: each arm of the search reads its own page (ArmClauses), then the two merge.
  const source =
    term && sort !== "relevance"
      ? Prisma.sql`FROM ${contactSourceSql(f, { where: Prisma.sql`${contactConditionsSql(f)} ${seek}`, tail: ordered })}`
      : Prisma.sql`${from} ${seek}`;
  // Only the columns the sort needs: a page in name order is then read from the (name, id, email) index alone.
  const created = sort === "created" ? Prisma.sql`c."createdAt"` : Prisma.sql`NULL::timestamp(3)`;
  const found = await opts.db.$queryRaw<Found[]>`SELECT c.id, c.name, ${created} AS "createdAt", ${rank}::int AS rank
    ${source} ${ordered}`;
  const page = keysetPage(found, { order, seek: undefined, backwards, cursor }, CONTACTS_PER_PAGE, (r) =>
    sort === "created" ? r.createdAt! : sort === "relevance" ? `${r.rank}|${r.name}` : r.name,
  );
  const rows = await contactRows(
    opts.db,
    page.rows.map((r) => r.id),
  );
  // A search too broad to rank is listed by name: say so, so the person knows to narrow it.
  const broad = term !== null && !total.exact && f.sort !== "name" && f.sort !== "created";
  return { total, sort, dir, broad, shortTerm: term !== null && isShortTerm(term), ...page, rows };
}

/** The cursor's values in the order of the sort's keys; a relevance cursor is "rank|name". */
function cursorSql(sort: ContactSort, cursor: Cursor): Prisma.Sql | null {
  if (cursor.value instanceof Date)
    return Prisma.sql`${cursor.value.toISOString()}::timestamptz AT TIME ZONE 'UTC', ${cursor.id}`;
  if (sort !== "relevance") return Prisma.sql`${cursor.value}, ${cursor.id}`;
  const bar = cursor.value.indexOf("|");
  const rank = Number(cursor.value.slice(0, bar));
  if (bar < 0 || !Number.isInteger(rank)) return null;
  return Prisma.sql`${rank}::int, ${cursor.value.slice(bar + 1)}, ${cursor.id}`;
}

/** What a row of the list shows, for the contacts of one page, in the page's order. */
export async function contactRows(db: DbOrTx, ids: string[]) {
  const rows = await db.contact.findMany({
    where: { id: { in: ids } },
    select: CONTACT_ROW,
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** The fields of a row of the list (and of the CSV export, which repeats the list). */
export const CONTACT_ROW = {
  id: true,
  name: true,
  email: true,
  language: true,
  category: true,
  createdAt: true,
  marketingOptOutAt: true,
  roles: {
    where: { endsOn: null },
    select: { type: true, organisation: { select: { id: true, name: true } } },
  },
} satisfies Prisma.ContactSelect;

/** Choices for the list's filters: the topics, and the organisation the filter names (the picker searches the rest). */
export async function contactFilterOptions(opts: { db: DbOrTx; organisationId?: string }) {
  const [organisations, topics] = await Promise.all([
    opts.organisationId
      ? opts.db.organisation.findMany({
          where: { id: opts.organisationId },
          select: { id: true, name: true, orgNumber: true },
        })
      : [],
    opts.db.topic.findMany({
      where: { archivedAt: null },
      orderBy: { sortOrder: "asc" },
      select: { id: true, nameSv: true, nameEn: true },
    }),
  ]);
  return { organisations, topics };
}
