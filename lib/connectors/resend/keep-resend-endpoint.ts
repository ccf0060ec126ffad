// The Resend connector's endpoint row, kept by the worker at start from the configuration (RESEND_CONNECTOR_TOPICS):
// present and enabled while the connector is configured, disabled (reason "configuration") once it is not. Being an
// endpoint gives the connector everything webhooks have: events written in the change's transaction, per-person
// order, back-off, dead letters, replay and the admin page, and the person's "who was told" list (Art. 19).
import "server-only";
import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/db/client";
import type { OutboundEventType } from "@/lib/outbound-webhooks/event-types";

/** Every change that can alter what Resend should hold: the address, the opt-outs and topics, the person's existence. */
export const RESEND_EVENT_TYPES: readonly OutboundEventType[] = [
  "contact.created",
  "contact.email_changed",
  "subscription.changed",
  "contact.opted_out",
  "contact.opted_in",
  "contact.erased",
  "contact.retention_deleted",
];

export const RESEND_ENDPOINT_NAME = "Resend";

export async function keepResendEndpoint(opts: { db: Db; enabled: boolean; apiUrl: string; now?: Date }) {
  const now = opts.now ?? new Date();
  const existing = await opts.db.webhookEndpoint.findFirst({ where: { kind: "RESEND" } });
  if (!opts.enabled) {
    if (existing?.enabled)
      await opts.db.webhookEndpoint.update({
        where: { id: existing.id },
        data: { enabled: false, disabledReason: "configuration", disabledAt: now },
      });
    return;
  }
  if (!existing) {
    await opts.db.webhookEndpoint.create({
      data: {
        kind: "RESEND",
        name: RESEND_ENDPOINT_NAME,
        url: opts.apiUrl,
        eventTypes: [...RESEND_EVENT_TYPES],
        // Unused (nothing is signed for Resend); a random value so the row never holds a guessable secret.
        secret: `whsec_${randomBytes(24).toString("base64")}`,
      },
    });
    return;
  }
  // Re-enabled only when configuration had turned it off; one disabled for failures stays off until an admin acts.
  await opts.db.webhookEndpoint.update({
    where: { id: existing.id },
    data: {
      url: opts.apiUrl,
      eventTypes: [...RESEND_EVENT_TYPES],
      ...(existing.disabledReason === "configuration" && { enabled: true, disabledReason: null, disabledAt: null }),
    },
  });
}
