// The contact list's query as SQL over `"Contact" c`, shared by the list, its count and its CSV export so the three
// always agree on who matches. SQL rather than Prisma's where-objects because the fast plans need what Prisma cannot
// write: a row comparison for the keyset seek (`(c.name, c.id) > ($1, $2)`, which an index on (name, id) starts
// from), the relevance rank of a search, and an EXPLAIN of the same conditions for an estimated count.
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { CATEGORIES, ROLE_TYPES } from "@/lib/enums";
import type { ContactQuery } from "./list-contacts";

/** A term as a LIKE pattern that matches it literally anywhere (`%` and `_` in the term are not wildcards). */
export function containsPattern(term: string): string {
  return `%${escapeLike(term)}%`;
}

function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/** The search term of a query, or null. At most 200 characters are read (the form allows no more). */
export function searchTermOf(f: Pick<ContactQuery, "q">): string | null {
  const term = f.q?.trim().slice(0, 200);
  return term ? term : null;
}

/**
 * The rows the list reads from, as `c`: every contact, or those the search matches. The search matches the name, the
 * address, or the name or number of an organisation the person has a current role at, each as a substring (trigram
 * indexes serve all four: see the migration keyset_seek_and_trigram_search); a term of one or two characters only at
 * the start of a word (isShortTerm). Two arms under UNION ALL, each one an
 * index scan on "Contact" itself: the person's own fields (a BitmapOr of two trigram indexes), and the people at
 * the organisations found by theirs who did not match already. Joining a list of matching ids back to "Contact"
 * instead made PostgreSQL scan all 1,000,000 rows to hash-join 6,667 (620 ms; bench/README.md).
 */
export function contactSourceSql(f: Pick<ContactQuery, "q">, within?: ArmClauses): Prisma.Sql {
  const term = searchTermOf(f);
  if (!term) return Prisma.sql`"Contact" c`;
  const own = isShortTerm(term)
    ? Prisma.sql`(${wordStartSql(Prisma.sql`c.name`, term)} OR c.email LIKE ${startPattern(term.toLowerCase())})`
    : Prisma.sql`(c.name ILIKE ${containsPattern(term)} OR c.email LIKE ${containsPattern(term.toLowerCase())})`;
  const org = isShortTerm(term)
    ? Prisma.sql`(${wordStartSql(Prisma.sql`o.name`, term)} OR o."orgNumber" LIKE ${startPattern(term)})`
    : Prisma.sql`(o.name ILIKE ${containsPattern(term)} OR o."orgNumber" LIKE ${containsPattern(term)})`;
  const more = within ? Prisma.sql`AND ${within.where} ${within.tail}` : Prisma.empty;
  return Prisma.sql`(
    (SELECT c.* FROM "Contact" c WHERE ${own} ${more})
    UNION ALL
    (SELECT c.* FROM "Contact" c WHERE NOT ${own} AND c.id IN (
      SELECT r."contactId" FROM "ContactRole" r JOIN "Organisation" o ON o.id = r."organisationId"
      WHERE r."endsOn" IS NULL AND ${org}) ${more})
  ) c`;
}

/**
 * Conditions, order and limit repeated inside each arm of a search (the list's page of a broad search in name or
 * date order): each arm then walks its own index in that order and stops at the page's end, where a page read from
 * the union had to read every match first. "anna" at 1,000,000 contacts matches 66,000 people spread over 31,000 of
 * the table's 37,000 pages: 440–725 ms to read them all, 87 ms to walk the (name, id, email) index to the first 26.
 */
export type ArmClauses = { where: Prisma.Sql; tail: Prisma.Sql };

/**
 * A term of one or two characters matches the start of a word (of a name) or of the whole value (an address, an
 * organisation number), never the middle: a trigram index can find "word starts with zq" (pg_trgm pads the start of
 * every word) but not "contains zq", which read all 1,000,000 contacts (530 ms for a pair no name contains).
 */
export function isShortTerm(term: string): boolean {
  return [...term].length < 3;
}

function startPattern(term: string): string {
  return `${escapeLike(term)}%`;
}

function wordStartSql(column: Prisma.Sql, term: string): Prisma.Sql {
  return Prisma.sql`(${column} ILIKE ${startPattern(term)} OR ${column} ILIKE ${`% ${escapeLike(term)}%`})`;
}

/** `FROM … WHERE …` of the list for a query: its rows as `c`. */
export function contactFromSql(f: ContactQuery): Prisma.Sql {
  return Prisma.sql`FROM ${contactSourceSql(f)} WHERE ${contactConditionsSql(f)}`;
}

/** The conditions of the list's filters over `c` (the search is in the source); unknown values filter nothing. */
export function contactConditionsSql(f: ContactQuery): Prisma.Sql {
  const and: Prisma.Sql[] = [];
  if (f.category && (CATEGORIES as readonly string[]).includes(f.category))
    and.push(Prisma.sql`c.category = ${f.category}::"ContactCategory"`);
  const roleType = f.roleType && (ROLE_TYPES as readonly string[]).includes(f.roleType) ? f.roleType : null;
  if (f.organisationId || roleType) {
    const org = f.organisationId ? Prisma.sql`AND r."organisationId" = ${f.organisationId}` : Prisma.empty;
    const type = roleType ? Prisma.sql`AND r.type = ${roleType}::"RoleType" AND r."endsOn" IS NULL` : Prisma.empty;
    and.push(Prisma.sql`EXISTS (SELECT 1 FROM "ContactRole" r WHERE r."contactId" = c.id ${org} ${type})`);
  }
  if (f.topicId)
    and.push(Prisma.sql`EXISTS (SELECT 1 FROM "Subscription" s
      WHERE s."contactId" = c.id AND s."topicId" = ${f.topicId} AND s.state = 'SUBSCRIBED')`);
  if (f.language === "sv" || f.language === "en") and.push(Prisma.sql`c.language = ${f.language}::"Language"`);
  if (f.optedOut === "yes") and.push(Prisma.sql`c."marketingOptOutAt" IS NOT NULL`);
  if (f.optedOut === "no") and.push(Prisma.sql`c."marketingOptOutAt" IS NULL`);
  return and.length ? Prisma.join(and, " AND ") : Prisma.sql`TRUE`;
}

/**
 * How well a contact matches the search, best first: 0 the whole name or address, 1 the start of the name or
 * address, 2 the start of a later word of the name, 3 anywhere in the name or address, 4 only through an organisation.
 */
export function searchRankSql(term: string): Prisma.Sql {
  const t = term.toLowerCase();
  const prefix = `${escapeLike(t)}%`;
  const wordPrefix = `% ${escapeLike(t)}%`;
  const anywhere = containsPattern(t);
  return Prisma.sql`(CASE
    WHEN lower(c.name) = ${t} OR c.email = ${t} THEN 0
    WHEN lower(c.name) LIKE ${prefix} OR c.email LIKE ${prefix} THEN 1
    WHEN lower(c.name) LIKE ${wordPrefix} THEN 2
    WHEN lower(c.name) LIKE ${anywhere} OR c.email LIKE ${anywhere} THEN 3
    ELSE 4 END)`;
}
