// The Resend webhook payloads this app acts on (resend SDK 6: EmailDeliveredEvent, EmailBouncedEvent, ...). Only the
// fields used are kept; every other event type (opened, clicked, sent, contact.*, domain.*) is recorded and ignored.
import { z } from "zod";

const emailData = z.object({
  email_id: z.string().min(1).max(200),
  // Resend lists the recipients as sent: a bare address or "Name <address>".
  to: z.array(z.string().max(400)).max(50).default([]),
});

const envelope = <T extends string, D extends z.ZodType>(type: T, data: D) =>
  z.object({ type: z.literal(type), created_at: z.string().max(64).optional(), data });

export const HANDLED_EVENT_TYPES = [
  "email.delivered",
  "email.delivery_delayed",
  "email.failed",
  "email.bounced",
  "email.complained",
  "email.suppressed",
] as const;
export type HandledEventType = (typeof HANDLED_EVENT_TYPES)[number];

export const handledEventSchema = z.discriminatedUnion("type", [
  envelope("email.delivered", emailData),
  envelope("email.delivery_delayed", emailData),
  envelope("email.failed", emailData.extend({ failed: z.object({ reason: z.string().max(2000) }).optional() })),
  envelope(
    "email.bounced",
    emailData.extend({
      // type: "Permanent" | "Transient" | "Undetermined"; subType e.g. "General", "NoEmail", "MailboxFull".
      bounce: z.object({ type: z.string().max(100), subType: z.string().max(100).optional() }).optional(),
    }),
  ),
  envelope("email.complained", emailData),
  // Resend refused to send because the address is on its own suppression list (an earlier bounce or complaint there).
  envelope("email.suppressed", emailData.extend({ suppressed: z.object({ type: z.string().max(100) }).optional() })),
]);

/** Any event: only its type is needed to record it. */
const anyEventSchema = z.object({ type: z.string().min(1).max(100) });

export type HandledEvent = z.output<typeof handledEventSchema>;
export type ResendEvent = { kind: "handled"; event: HandledEvent } | { kind: "other"; type: string };

export type ParseResendEventResult = { ok: true; event: ResendEvent } | { ok: false; code: "invalid_payload" };

export function parseResendEvent(json: unknown): ParseResendEventResult {
  const any = anyEventSchema.safeParse(json);
  if (!any.success) return { ok: false, code: "invalid_payload" };
  if (!(HANDLED_EVENT_TYPES as readonly string[]).includes(any.data.type)) {
    return { ok: true, event: { kind: "other", type: any.data.type } };
  }
  const handled = handledEventSchema.safeParse(json);
  return handled.success
    ? { ok: true, event: { kind: "handled", event: handled.data } }
    : { ok: false, code: "invalid_payload" };
}

/** The address of the first recipient, without a display name; null when Resend sent none. */
export function firstRecipientAddress(to: readonly string[]): string | null {
  const first = to[0]?.trim();
  if (!first) return null;
  const angled = /<([^<>]+)>\s*$/.exec(first);
  return (angled?.[1] ?? first).trim() || null;
}
