// One organisation with its contacts and their roles, and the date its contacts' data is deleted at the latest once
// the relationship has ended (lib/retention decides).
import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import { getPolicy } from "@/lib/policy/current-policy";
import { computeDeletionDate } from "@/lib/retention/compute-deletion-date";

export async function getOrganisation(opts: { db: DbOrTx; id: string }) {
  const org = await opts.db.organisation.findUnique({
    where: { id: opts.id },
    include: {
      accountManager: { select: { id: true, name: true, email: true } },
      roles: {
        orderBy: [{ endsOn: { sort: "asc", nulls: "first" } }, { startsOn: "asc" }],
        include: { contact: { select: { id: true, name: true, email: true, category: true } } },
      },
    },
  });
  if (!org) return null;
  const retention = computeDeletionDate(
    {
      category: "CUSTOMER_CONTACT",
      sourceDate: null,
      lastActivityAt: null,
      createdAt: org.createdAt,
      roles: [{ endsOn: null, organisation: { relationship: org.relationship, relationshipEnd: org.relationshipEnd } }],
    },
    getPolicy().categories,
  );
  return { ...org, retention };
}
