// Whether an address is on the suppression list (erased, unsubscribed from everything, bounced, complained), and
// since when. Used before creating or importing a contact: an erased person must never be re-added by mistake.
import type { DbOrTx } from "@/lib/db/client";
import type { SuppressionReason, SuppressionScope } from "@/lib/generated/prisma/enums";
import { hashAddress } from "@/lib/suppression/hash-address";

export type SuppressionMatch = { reason: SuppressionReason; scope: SuppressionScope; since: Date };

export async function findSuppression(opts: {
  db: DbOrTx;
  email: string;
  /** The suppression HMAC key (getConfig().suppressionKey). */
  key: string;
}): Promise<{ suppressed: boolean; matches: SuppressionMatch[] }> {
  const rows = await opts.db.suppression.findMany({
    where: { addressHash: hashAddress(opts.email, opts.key) },
    select: { reason: true, scope: true, createdAt: true },
    orderBy: { createdAt: "asc" },
  });
  const matches = rows.map((r) => ({ reason: r.reason, scope: r.scope, since: r.createdAt }));
  return { suppressed: matches.length > 0, matches };
}
