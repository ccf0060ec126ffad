// What Tillit tells downstream systems (GDPR Art. 19): a closed list of event types and the one mapping from the
// audit trail's actions to them. Every change already writes an audit entry in its transaction, so emitting from
// there (emit-outbound-events.ts) means no path can forget to tell, and a rolled-back change tells nothing.
import type { AuditAction } from "@/lib/audit/audit-actions";
import type { ActorType } from "@/lib/generated/prisma/enums";

export const OUTBOUND_EVENT_TYPES = [
  "contact.created",
  "contact.corrected",
  "contact.email_changed",
  "subscription.changed",
  "contact.opted_out",
  "contact.opted_in",
  "contact.marketing_paused",
  "contact.marketing_pause_ended",
  "contact.erased",
  "contact.retention_deleted",
  "suppression.added",
  "suppression.lifted",
] as const;
export type OutboundEventType = (typeof OUTBOUND_EVENT_TYPES)[number];

export const isOutboundEventType = (v: unknown): v is OutboundEventType =>
  (OUTBOUND_EVENT_TYPES as readonly unknown[]).includes(v);

const TYPE_OF_ACTION: Partial<Record<AuditAction, OutboundEventType>> = {
  "contact.created": "contact.created",
  "contact.imported": "contact.created",
  "contact.updated": "contact.corrected",
  "contact.updated_by_import": "contact.corrected",
  "contact.corrected_by_self": "contact.corrected",
  "contact.email_changed": "contact.email_changed",
  "subscription.subscribed": "subscription.changed",
  "subscription.unsubscribed": "subscription.changed",
  // A confirmed sign-up of someone already registered: topics subscribed, an earlier opt-out from all lifted.
  "contact.signed_up": "subscription.changed",
  "contact.marketing_opt_out": "contact.opted_out",
  "contact.marketing_opt_in": "contact.opted_in",
  // A pause is a restriction with an end (Art. 19 names restriction too): downstream systems that mail hold off as well.
  "contact.marketing_paused": "contact.marketing_paused",
  "contact.marketing_pause_ended": "contact.marketing_pause_ended",
  "contact.erased": "contact.erased",
  "suppression.added": "suppression.added",
  "contact.suppression_overridden": "suppression.lifted",
};

/** The event type an audit entry emits, or null: reads, staff actions and the rest tell nobody. */
export function outboundTypeOf(action: AuditAction, actorType: ActorType): OutboundEventType | null {
  const type = TYPE_OF_ACTION[action] ?? null;
  if (type === "contact.erased" && actorType === "RETENTION") return "contact.retention_deleted";
  return type;
}
