// Organisations for the staff list: search by name or organisation number, filter by relationship and account
// manager. Read-only; nothing personal beyond the account manager's name.
import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import type { Prisma, Relationship } from "@/lib/generated/prisma/client";
import { normaliseOrgNumber } from "@/lib/organisations/org-number";
import { RELATIONSHIPS } from "@/lib/enums";

export const ORGANISATIONS_PER_PAGE = 50;

export type OrganisationQuery = { q?: string; relationship?: string; accountManagerId?: string; page?: number };

export async function listOrganisations(opts: { db: DbOrTx; query: OrganisationQuery }) {
  const { q, relationship, accountManagerId } = opts.query;
  const page = Math.max(1, Math.floor(opts.query.page ?? 1));
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

  const [total, rows] = await Promise.all([
    opts.db.organisation.count({ where }),
    opts.db.organisation.findMany({
      where,
      orderBy: { name: "asc" },
      skip: (page - 1) * ORGANISATIONS_PER_PAGE,
      take: ORGANISATIONS_PER_PAGE,
      select: {
        id: true,
        name: true,
        orgNumber: true,
        relationship: true,
        relationshipEnd: true,
        accountManagerId: true,
        accountManager: { select: { name: true, email: true } },
        _count: { select: { roles: true } },
      },
    }),
  ]);
  return { total, page, pages: Math.max(1, Math.ceil(total / ORGANISATIONS_PER_PAGE)), rows };
}

/** Staff who can be an organisation's account manager (active account managers and admins). */
export async function listAccountManagers(opts: { db: DbOrTx }) {
  return opts.db.staffUser.findMany({
    where: { active: true, role: { in: ["ACCOUNT_MANAGER", "ADMIN"] } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, email: true },
  });
}
