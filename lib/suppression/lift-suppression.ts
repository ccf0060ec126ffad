// The one place suppression rows are removed, in the caller's transaction: the person opted back in (their
// opt-out-from-everything row goes) or was deliberately registered again over an erasure (the erasure tombstone goes;
// bounces and complaints keep protecting the address at send time). Staff never lift a bounce or complaint here.
import "server-only";
import type { Tx } from "@/lib/db/client";

export async function liftSuppression(
  tx: Tx,
  opts: { addressHashes: string[]; reason: "ERASED" | "UNSUBSCRIBED_ALL" },
): Promise<{ lifted: number }> {
  if (opts.addressHashes.length === 0) return { lifted: 0 };
  const deleted = await tx.suppression.deleteMany({
    where: { addressHash: { in: opts.addressHashes }, reason: opts.reason },
  });
  return { lifted: deleted.count };
}
