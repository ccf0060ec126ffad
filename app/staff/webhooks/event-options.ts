// The event types as checkbox options, labelled in the page's language.
import type { Translator } from "@/lib/i18n/translator";
import { OUTBOUND_EVENT_TYPES, type OutboundEventType } from "@/lib/outbound-webhooks/event-types";

export const eventLabel = (t: Translator, type: string) =>
  t(`enums.outboundEvent.${type.replace(".", "_") as "contact_created"}`);

export const eventOptions = (t: Translator) =>
  OUTBOUND_EVENT_TYPES.map((value: OutboundEventType) => ({ value, label: eventLabel(t, value) }));

export const FORM_MESSAGES = ["accountability.webhooks", "enums.outboundEvent"];
