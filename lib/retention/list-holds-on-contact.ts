// The legal holds that keep one contact from the retention job (on the contact, or on an organisation where they hold
// a role), for the contact's staff page: staff see why a contact past its date is still there. The reason may name a
// dispute, so only those who manage retention get it; others see that a hold exists and until when.
import "server-only";
import type { DbOrTx } from "@/lib/db/client";

export type HoldOnContact = { endsOn: Date; organisation: string | null; reason: string | null };

export async function listHoldsOnContact(
  db: DbOrTx,
  opts: { contactId: string; withReason: boolean; now?: Date },
): Promise<HoldOnContact[]> {
  const today = new Date(`${(opts.now ?? new Date()).toISOString().slice(0, 10)}T00:00:00Z`);
  const holds = await db.legalHold.findMany({
    where: {
      releasedAt: null,
      endsOn: { gte: today },
      OR: [{ contactId: opts.contactId }, { organisation: { roles: { some: { contactId: opts.contactId } } } }],
    },
    orderBy: { endsOn: "asc" },
    select: { endsOn: true, reason: true, organisation: { select: { name: true } } },
  });
  return holds.map((h) => ({
    endsOn: h.endsOn,
    organisation: h.organisation?.name ?? null,
    reason: opts.withReason ? h.reason : null,
  }));
}
