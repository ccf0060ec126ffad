// Applies one verified Resend event. Idempotent per svix-id: the WebhookEvent row is written in the same transaction
// as every change the event causes, so a redelivery (Resend retries until it gets a 2xx) finds the id and changes
// nothing, and a failure half-way leaves neither the id nor the changes.
import "server-only";
import type { AuditActor } from "@/lib/audit/record-audit-event";
import type { Db, Tx } from "@/lib/db/client";
import type { DeliveryStatus } from "@/lib/generated/prisma/enums";
import { optOutAfterComplaint } from "./opt-out-after-complaint";
import { firstRecipientAddress, type HandledEvent, type ResendEvent } from "./resend-event-schema";
import { suppressAddress } from "@/lib/suppression/suppress-address";

export type ApplyResendEventOutcome =
  /** The event changed, or was checked against, a delivery of a mailing. */
  | "applied"
  /** This svix-id was applied before; nothing changed. */
  | "duplicate"
  /** No mailing delivery has this provider message id (a transactional mail): recorded only. */
  | "unmatched"
  /** An event type this app does not act on (opened, clicked, sent, ...): recorded only. */
  | "ignored";

const ACTOR: AuditActor = { type: "SYSTEM", id: "resend-webhook" };

// Events arrive out of order (Resend does not promise order), so a status only ever moves forward: a late
// "delivery_delayed" must not undo "delivered", and nothing undoes a bounce or a complaint. Rows never handed to the
// provider (suppressed, cancelled) have no provider message id and are never matched.
const RANK: Record<DeliveryStatus, number> = {
  QUEUED: 0,
  SENDING: 0,
  HELD: 0,
  SENT: 1,
  DELAYED: 2,
  DELIVERED: 3,
  FAILED: 3,
  BOUNCED: 4,
  COMPLAINED: 5,
  SUPPRESSED: 9,
  CANCELLED: 9,
};

const MAX_ERROR_LENGTH = 300;

export async function applyResendEvent(opts: {
  db: Db;
  /** The svix-id of the delivery: the same for every retry of one event. */
  eventId: string;
  event: ResendEvent;
  suppressionKey: string;
  now?: Date;
}): Promise<{ ok: true; outcome: ApplyResendEventOutcome }> {
  const now = opts.now ?? new Date();
  const type = opts.event.kind === "handled" ? opts.event.event.type : opts.event.type;
  const outcome = await opts.db.$transaction(async (tx): Promise<ApplyResendEventOutcome> => {
    // ON CONFLICT DO NOTHING: a concurrent redelivery waits here for the first one's commit and then sees the id.
    const recorded = await tx.webhookEvent.createMany({
      data: [{ id: opts.eventId, type, receivedAt: now }],
      skipDuplicates: true,
    });
    if (recorded.count === 0) return "duplicate";
    if (opts.event.kind === "other") return "ignored";
    return applyHandled(tx, opts.event.event, opts.suppressionKey, now);
  });
  return { ok: true, outcome };
}

async function applyHandled(
  tx: Tx,
  event: HandledEvent,
  suppressionKey: string,
  now: Date,
): Promise<ApplyResendEventOutcome> {
  const delivery = await tx.delivery.findUnique({
    where: { providerMessageId: event.data.email_id },
    select: { id: true, status: true, contactId: true, contact: { select: { email: true } } },
  });
  if (!delivery) return "unmatched";
  const cause = { event: event.type, deliveryId: delivery.id.toString() };
  // The address the provider reported on; the contact's current address only if Resend named none.
  const address = firstRecipientAddress(event.data.to) ?? delivery.contact?.email ?? null;

  const setStatus = async (status: DeliveryStatus, error?: string) => {
    if (RANK[status] <= RANK[delivery.status]) return;
    await tx.delivery.update({
      where: { id: delivery.id },
      data: { status, updatedAt: now, ...(error !== undefined && { error: error.slice(0, MAX_ERROR_LENGTH) }) },
    });
  };

  switch (event.type) {
    case "email.delivered":
      await setStatus("DELIVERED");
      break;
    case "email.delivery_delayed":
      await setStatus("DELAYED");
      break;
    case "email.failed":
      await setStatus("FAILED", withoutAddresses(event.data.failed?.reason ?? "failed"));
      break;
    case "email.suppressed":
      // Not mailed, so not delivered; the reason is Resend's, so our own suppression list is left to our own events.
      await setStatus(
        "FAILED",
        `suppressed by provider${event.data.suppressed ? `: ${event.data.suppressed.type}` : ""}`,
      );
      break;
    case "email.bounced": {
      const bounce = event.data.bounce;
      // Only a permanent bounce says the address does not exist; a transient one (mailbox full) may pass.
      const permanent = bounce?.type.toLowerCase() === "permanent";
      await setStatus("BOUNCED", bounce ? [bounce.type, bounce.subType].filter(Boolean).join("/") : "bounced");
      if (permanent && address) {
        await suppressAddress(tx, {
          address,
          reason: "HARD_BOUNCE",
          scope: "ALL",
          suppressionKey,
          actor: ACTOR,
          cause,
          now,
        });
      }
      break;
    }
    case "email.complained":
      await setStatus("COMPLAINED");
      if (address) {
        await suppressAddress(tx, {
          address,
          reason: "COMPLAINT",
          scope: "MARKETING",
          suppressionKey,
          actor: ACTOR,
          cause,
          now,
        });
      }
      // An erased person's delivery has no contact any more: the suppression above is all that is left to write.
      if (delivery.contactId)
        await optOutAfterComplaint(tx, { contactId: delivery.contactId, actor: ACTOR, cause, now });
      break;
  }
  return "applied";
}

// The send log keeps no addresses (an erased person's rows must say nothing about them); providers' failure reasons
// sometimes quote the recipient.
function withoutAddresses(text: string): string {
  return text.replace(/[^\s<>"',;:]+@[^\s<>"',;:]+/g, "[address]");
}
