// The organisation type-ahead of staff filters and pickers (contact filters, segment builder): the first matches by
// name or organisation number, names first where the name starts with the term, so a picker never renders the whole
// register (tens of thousands of organisations). Names and numbers only; nothing personal.
import "server-only";
import { z } from "zod";
import type { DbOrTx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { can, type StaffPrincipal } from "@/lib/auth/permissions";
import { fail, ok, parseInput, type Forbidden, type Invalid, type Ok } from "@/lib/result";

export const ORGANISATION_MATCHES = 20;

export const searchOrganisationsSchema = z.object({
  q: z.string().trim().max(100, "too_long").default(""),
  /** Ids to resolve to names (a picker showing what a saved filter or the URL already chose). */
  ids: z.array(z.string().max(64)).max(50).default([]),
});

export type OrganisationMatch = { id: string; name: string; orgNumber: string | null };

export async function searchOrganisations(opts: {
  db: DbOrTx;
  staff: StaffPrincipal;
  input: unknown;
}): Promise<Ok<{ organisations: OrganisationMatch[] }> | Forbidden | Invalid> {
  if (!can(opts.staff, "organisations.read")) return fail("forbidden");
  const parsed = parseInput(searchOrganisationsSchema, opts.input);
  if (!parsed.ok) return parsed;
  const { q, ids } = parsed.data;
  const select = { id: true, name: true, orgNumber: true } as const;
  if (ids.length) {
    const rows = await opts.db.organisation.findMany({ where: { id: { in: ids } }, select, orderBy: { name: "asc" } });
    return ok({ organisations: rows });
  }
  const digits = q.replace(/[\s-]/g, "");
  const where: Prisma.OrganisationWhereInput = q
    ? {
        OR: [
          { name: { contains: q, mode: "insensitive" } },
          ...(/^\d{2,}$/.test(digits) ? [{ orgNumber: { startsWith: formatPrefix(digits) } }] : []),
        ],
      }
    : {};
  // Names that start with the term come first (what a person typing a name expects), then other matches.
  const starts = q
    ? await opts.db.organisation.findMany({
        where: { name: { startsWith: q, mode: "insensitive" } },
        select,
        orderBy: { name: "asc" },
        take: ORGANISATION_MATCHES,
      })
    : [];
  const rest =
    starts.length < ORGANISATION_MATCHES
      ? await opts.db.organisation.findMany({
          where: starts.length ? { AND: [where, { id: { notIn: starts.map((s) => s.id) } }] } : where,
          select,
          orderBy: { name: "asc" },
          take: ORGANISATION_MATCHES - starts.length,
        })
      : [];
  return ok({ organisations: [...starts, ...rest] });
}

/** Stored numbers are NNNNNN-NNNN: a typed prefix of more than six digits gets its hyphen. */
function formatPrefix(digits: string): string {
  return digits.length > 6 ? `${digits.slice(0, 6)}-${digits.slice(6, 10)}` : digits;
}
