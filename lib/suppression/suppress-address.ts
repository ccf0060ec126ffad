// Puts an address on the suppression list because of what the mail provider reported, inside the caller's
// transaction. Only the keyed hash is stored; a second report for the same address and reason changes nothing.
import "server-only";
import { addSuppression } from "./add-suppression";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import type { Tx } from "@/lib/db/client";
import type { SuppressionReason, SuppressionScope } from "@/lib/generated/prisma/enums";
import { hashAddress } from "@/lib/suppression/hash-address";

export async function suppressAddress(
  tx: Tx,
  opts: {
    address: string;
    reason: Extract<SuppressionReason, "HARD_BOUNCE" | "COMPLAINT">;
    scope: SuppressionScope;
    suppressionKey: string;
    actor: AuditActor;
    /** Why, for the audit entry: the provider's event type and the delivery it concerned. */
    cause: { event: string; deliveryId: string };
    now: Date;
  },
): Promise<{ added: boolean }> {
  const addressHash = hashAddress(opts.address, opts.suppressionKey);
  const { added } = await addSuppression(tx, { addressHash, reason: opts.reason, scope: opts.scope, now: opts.now });
  if (!added) return { added: false };
  const row = await tx.suppression.findUniqueOrThrow({
    where: { addressHash_reason: { addressHash, reason: opts.reason } },
    select: { id: true },
  });
  await recordAuditEvent(
    tx,
    {
      actor: opts.actor,
      action: "suppression.added",
      subject: { type: "Suppression", id: row.id },
      fields: ["addressHash", "reason", "scope"],
      personalValues: { reason: opts.reason, scope: opts.scope, ...opts.cause },
    },
    opts.now,
  );
  return { added: true };
}
