// The one writer of suppression rows: an address (as its keyed hash, never in clear) is kept from mail for a reason.
// Runs in the caller's transaction, next to the change that causes it (an erasure, an opt-out from everything, a
// bounce or complaint). A second row for the same address and reason changes nothing; ON CONFLICT DO NOTHING, so
// two reports racing for one address (two mailings) cannot fail on the unique key.
import "server-only";
import type { Tx } from "@/lib/db/client";
import type { SuppressionReason, SuppressionScope } from "@/lib/generated/prisma/enums";

export async function addSuppression(
  tx: Tx,
  opts: { addressHash: string; reason: SuppressionReason; scope: SuppressionScope; now: Date },
): Promise<{ added: boolean }> {
  const inserted = await tx.suppression.createMany({
    data: [{ addressHash: opts.addressHash, reason: opts.reason, scope: opts.scope, createdAt: opts.now }],
    skipDuplicates: true,
  });
  return { added: inserted.count > 0 };
}
