// Contacts for the staff list: search by name or address, filter by category, organisation, role type, subscribed
// topic, language and opt-out; sorted by name or by when the contact was registered, either way; paginated by keyset
// (a cursor of the last row's sort value and id, never OFFSET, so page 500 costs what page 1 does). Returns only
// fields every role that may list contacts may see (never the phone number), so no role-dependent redaction is needed.
import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import type { ContactCategory, Prisma, RoleType } from "@/lib/generated/prisma/client";
import { CATEGORIES, ROLE_TYPES } from "@/lib/enums";
import { keysetPage, keysetQuery, type SortDirection } from "@/lib/pagination/keyset-page";

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

export const CONTACT_SORTS = ["name", "created"] as const;
export type ContactSort = (typeof CONTACT_SORTS)[number];
export type { SortDirection };

/** The sort a query asks for, or the default (name, A–Ö). */
export function contactSortOf(q: Pick<ContactQuery, "sort" | "dir">): { sort: ContactSort; dir: SortDirection } {
  const sort = (CONTACT_SORTS as readonly string[]).includes(q.sort ?? "") ? (q.sort as ContactSort) : "name";
  return { sort, dir: q.dir === "desc" ? "desc" : "asc" };
}

const SORT_FIELD = { name: "name", created: "createdAt" } as const;

export async function listContacts(opts: { db: DbOrTx; query: ContactQuery }) {
  const f = opts.query;
  const where = contactWhere(f);
  const { sort, dir } = contactSortOf(f);
  const field = SORT_FIELD[sort];
  const q = keysetQuery({ field, dir, kind: sort === "created" ? "date" : "string", after: f.after, before: f.before });
  const [total, found] = await Promise.all([
    opts.db.contact.count({ where }),
    opts.db.contact.findMany({
      where: q.seek ? { AND: [where, q.seek] } : where,
      orderBy: [{ [field]: q.order }, { id: q.order }],
      take: CONTACTS_PER_PAGE + 1,
      select: {
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
      },
    }),
  ]);
  const page = keysetPage(found, q, CONTACTS_PER_PAGE, (r) => (sort === "created" ? r.createdAt : r.name));
  return { total, sort, dir, ...page };
}

/** The filters of the list (and of its CSV export) as a where-condition; unknown values filter nothing. */
export function contactWhere(f: ContactQuery): Prisma.ContactWhereInput {
  const and: Prisma.ContactWhereInput[] = [];
  const term = f.q?.trim();
  if (term)
    and.push({
      OR: [{ name: { contains: term, mode: "insensitive" } }, { email: { contains: term.toLowerCase() } }],
    });
  if (f.category && (CATEGORIES as readonly string[]).includes(f.category))
    and.push({ category: f.category as ContactCategory });
  const roleType =
    f.roleType && (ROLE_TYPES as readonly string[]).includes(f.roleType) ? (f.roleType as RoleType) : undefined;
  if (f.organisationId || roleType)
    and.push({
      roles: {
        some: {
          ...(f.organisationId ? { organisationId: f.organisationId } : {}),
          ...(roleType ? { type: roleType, endsOn: null } : {}),
        },
      },
    });
  if (f.topicId) and.push({ subscriptions: { some: { topicId: f.topicId, state: "SUBSCRIBED" } } });
  if (f.language === "sv" || f.language === "en") and.push({ language: f.language });
  if (f.optedOut === "yes") and.push({ marketingOptOutAt: { not: null } });
  if (f.optedOut === "no") and.push({ marketingOptOutAt: null });
  return and.length ? { AND: and } : {};
}
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
