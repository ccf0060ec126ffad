// Contacts for the staff list: search by name or address, filter by category, organisation, role type, subscribed
// topic, language and opt-out; paginated. Returns only fields every role that may list contacts may see (never the
// phone number), so no role-dependent redaction is needed here.
import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import type { ContactCategory, Prisma, RoleType } from "@/lib/generated/prisma/client";
import { CATEGORIES, ROLE_TYPES } from "@/lib/enums";

export const CONTACTS_PER_PAGE = 25;

export type ContactQuery = {
  q?: string;
  category?: string;
  organisationId?: string;
  roleType?: string;
  topicId?: string;
  language?: string;
  optedOut?: string;
  page?: number;
};

export async function listContacts(opts: { db: DbOrTx; query: ContactQuery }) {
  const f = opts.query;
  const page = Math.max(1, Math.floor(Number.isFinite(f.page) ? (f.page as number) : 1));
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
  const where: Prisma.ContactWhereInput = and.length ? { AND: and } : {};

  const [total, rows] = await Promise.all([
    opts.db.contact.count({ where }),
    opts.db.contact.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (page - 1) * CONTACTS_PER_PAGE,
      take: CONTACTS_PER_PAGE,
      select: {
        id: true,
        name: true,
        email: true,
        language: true,
        category: true,
        marketingOptOutAt: true,
        roles: {
          where: { endsOn: null },
          select: { type: true, organisation: { select: { id: true, name: true } } },
        },
      },
    }),
  ]);
  return { total, page, pages: Math.max(1, Math.ceil(total / CONTACTS_PER_PAGE)), rows };
}

/** Choices for the list's filters. */
export async function contactFilterOptions(opts: { db: DbOrTx }) {
  const [organisations, topics] = await Promise.all([
    opts.db.organisation.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    opts.db.topic.findMany({
      where: { archivedAt: null },
      orderBy: { sortOrder: "asc" },
      select: { id: true, nameSv: true, nameEn: true },
    }),
  ]);
  return { organisations, topics };
}
