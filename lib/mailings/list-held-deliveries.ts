// The deliveries of a mailing whose outcome is unknown (HELD), by batch, with the people they concern, for staff to
// decide on (decide-held-batch.ts). Read through the (mailingId, status) index; at most HELD_BATCHES_SHOWN batches of
// at most 100 each, however large the mailing.
import "server-only";
import type { StaffPrincipal } from "@/lib/auth/permissions";
import type { DbOrTx } from "@/lib/db/client";
import { loadMailingForStaff } from "@/lib/access/load-mailing-for-staff";
import type { Forbidden, NotFound } from "@/lib/result";

export const HELD_BATCHES_SHOWN = 20;

export type HeldBatch = {
  batch: number;
  /** When its first request may have reached the provider. */
  firstTriedAt: Date | null;
  recipients: { contactId: string | null; name: string | null; email: string | null }[];
};

export type ListHeldDeliveriesResult = { ok: true; batches: HeldBatch[]; totalBatches: number } | Forbidden | NotFound;

export async function listHeldDeliveries(opts: {
  db: DbOrTx;
  staff: StaffPrincipal;
  mailingId: string;
}): Promise<ListHeldDeliveriesResult> {
  const access = await loadMailingForStaff({ db: opts.db, staff: opts.staff, id: opts.mailingId });
  if (!access.ok) return access;
  const batches = await opts.db.delivery.groupBy({
    by: ["batch"],
    where: { mailingId: opts.mailingId, status: "HELD" },
    orderBy: { batch: "asc" },
  });
  const shown = batches.slice(0, HELD_BATCHES_SHOWN).map((b) => b.batch);
  if (shown.length === 0) return { ok: true, batches: [], totalBatches: 0 };
  const rows = await opts.db.delivery.findMany({
    where: { mailingId: opts.mailingId, status: "HELD", batch: { in: shown } },
    orderBy: { id: "asc" },
    select: { batch: true, firstTriedAt: true, contactId: true, contact: { select: { name: true, email: true } } },
  });
  const byBatch = new Map<number, HeldBatch>(shown.map((b) => [b, { batch: b, firstTriedAt: null, recipients: [] }]));
  for (const r of rows) {
    const held = byBatch.get(r.batch)!;
    if (r.firstTriedAt && (!held.firstTriedAt || r.firstTriedAt < held.firstTriedAt))
      held.firstTriedAt = r.firstTriedAt;
    // An erased person's row keeps no id or address: shown as erased.
    held.recipients.push({ contactId: r.contactId, name: r.contact?.name ?? null, email: r.contact?.email ?? null });
  }
  return { ok: true, batches: [...byBatch.values()], totalBatches: batches.length };
}
