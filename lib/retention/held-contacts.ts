// Which of these contacts a legal hold keeps from the retention job: a hold on the contact, or on an organisation
// where they hold a role (ended or not: a dispute with a former customer concerns its former contacts). A hold is
// active until it is released or its end date has passed.
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/client";

export async function heldContacts(db: Db, contactIds: string[], now: Date): Promise<Set<string>> {
  if (contactIds.length === 0) return new Set();
  const today = now.toISOString().slice(0, 10);
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT h."contactId" AS id FROM "LegalHold" h
     WHERE h."contactId" IN (${Prisma.join(contactIds)})
       AND h."releasedAt" IS NULL AND h."endsOn" >= ${today}::date
    UNION
    SELECT r."contactId" AS id FROM "ContactRole" r
      JOIN "LegalHold" h ON h."organisationId" = r."organisationId"
     WHERE r."contactId" IN (${Prisma.join(contactIds)})
       AND h."releasedAt" IS NULL AND h."endsOn" >= ${today}::date`;
  return new Set(rows.map((r) => r.id));
}
