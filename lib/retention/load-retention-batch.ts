// One keyset batch of contacts with what computeDeletionDate needs: the retention sweep reads the register in these,
// so a million contacts cost a thousand index range reads, never one long scan held open.
import "server-only";
import type { Db } from "@/lib/db/client";
import type { RetentionInput } from "./compute-deletion-date";

export type RetentionCandidate = RetentionInput & { id: string };

export async function loadRetentionBatch(db: Db, after: string | null, size: number): Promise<RetentionCandidate[]> {
  return db.contact.findMany({
    where: after ? { id: { gt: after } } : {},
    orderBy: { id: "asc" },
    take: size,
    select: {
      id: true,
      category: true,
      sourceDate: true,
      lastActivityAt: true,
      createdAt: true,
      roles: {
        select: { endsOn: true, organisation: { select: { relationship: true, relationshipEnd: true } } },
      },
    },
  });
}
