// Organisations for the staff list: search by name or organisation number, filter by relationship and account
// manager; sorted by name or registration date either way, paginated by keyset (lib/pagination/keyset-page.ts).
// Read-only; nothing personal beyond the account manager's name.
import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import type { Prisma, Relationship } from "@/lib/generated/prisma/client";
import { normaliseOrgNumber } from "@/lib/organisations/org-number";
import { RELATIONSHIPS } from "@/lib/enums";
import { keysetPage, keysetQuery, type SortDirection } from "@/lib/pagination/keyset-page";

export const ORGANISATIONS_PER_PAGE = 50;

export type OrganisationQuery = {
  q?: string;
  relationship?: string;
  accountManagerId?: string;
  sort?: string;
  dir?: string;
  after?: string;
  before?: string;
};

export const ORGANISATION_SORTS = ["name", "created"] as const;
export type OrganisationSort = (typeof ORGANISATION_SORTS)[number];

/** The sort a query asks for, or the default (name, A–Ö). */
export function organisationSortOf(q: Pick<OrganisationQuery, "sort" | "dir">): {
  sort: OrganisationSort;
  dir: SortDirection;
} {
  const sort = (ORGANISATION_SORTS as readonly string[]).includes(q.sort ?? "") ? (q.sort as OrganisationSort) : "name";
  return { sort, dir: q.dir === "desc" ? "desc" : "asc" };
}

export async function listOrganisations(opts: { db: DbOrTx; query: OrganisationQuery }) {
  const { q, relationship, accountManagerId } = opts.query;
  const where: Prisma.OrganisationWhereInput = {};
  const term = q?.trim();
  if (term) {
    const orgNumber = normaliseOrgNumber(term);
    where.OR = [
      { name: { contains: term, mode: "insensitive" } },
      { orgNumber: { contains: term.replace(/\s/g, "") } },
      ...(orgNumber ? [{ orgNumber }] : []),
    ];
  }
  if (relationship && (RELATIONSHIPS as readonly string[]).includes(relationship))
    where.relationship = relationship as Relationship;
  if (accountManagerId === "none") where.accountManagerId = null;
  else if (accountManagerId) where.accountManagerId = accountManagerId;

  const { sort, dir } = organisationSortOf(opts.query);
  const field = sort === "created" ? "createdAt" : "name";
  const k = keysetQuery({
    field,
    dir,
    kind: sort === "created" ? "date" : "string",
    after: opts.query.after,
    before: opts.query.before,
  });
  const [total, found] = await Promise.all([
    opts.db.organisation.count({ where }),
    opts.db.organisation.findMany({
      where: k.seek ? { AND: [where, k.seek] } : where,
      orderBy: [{ [field]: k.order }, { id: k.order }],
      take: ORGANISATIONS_PER_PAGE + 1,
      select: {
        id: true,
        name: true,
        orgNumber: true,
        relationship: true,
        relationshipEnd: true,
        createdAt: true,
        accountManagerId: true,
        accountManager: { select: { name: true, email: true } },
      },
    }),
  ]);
  const page = keysetPage(found, k, ORGANISATIONS_PER_PAGE, (r) => (sort === "created" ? r.createdAt : r.name));
  // Roles counted for the page's organisations only. Prisma's `_count` joins a count of every role in the register
  // grouped by organisation (1,000,000 roles, 300 ms on the bench register) before it keeps the 50 it shows.
  const counts = await opts.db.contactRole.groupBy({
    by: ["organisationId"],
    where: { organisationId: { in: page.rows.map((r) => r.id) } },
    _count: { _all: true },
  });
  const roles = new Map(counts.map((c) => [c.organisationId, c._count._all]));
  const rows = page.rows.map((r) => ({ ...r, _count: { roles: roles.get(r.id) ?? 0 } }));
  return { total, sort, dir, ...page, rows };
}

/** Staff who can be an organisation's account manager (active account managers and admins). */
export async function listAccountManagers(opts: { db: DbOrTx }) {
  return opts.db.staffUser.findMany({
    where: { active: true, role: { in: ["ACCOUNT_MANAGER", "ADMIN"] } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, email: true },
  });
}
