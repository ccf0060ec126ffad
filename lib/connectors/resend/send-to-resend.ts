// The Resend connector as a kind of outbound endpoint: deliver-lane.ts hands it each event of a person in order, like
// a webhook, and it answers in the same shape. It does not forward the event: it makes Resend's copy of the person
// match Tillit now (sync-contact-to-resend.ts), so a redelivery or a replay is harmless.
import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import type { Send } from "@/lib/outbound-webhooks/deliver-lane";
import type { ResendContactsClient } from "./resend-contacts-client";
import { syncContactToResend } from "./sync-contact-to-resend";

export function createResendSend(opts: {
  db: DbOrTx;
  client: ResendContactsClient;
  topics: Record<string, string>;
  suppressionKey: string;
}): Send {
  return async ({ body, now }) => {
    const contactId = contactOf(body);
    if (!contactId) return { ok: true, status: 200, response: "no contact" };
    const result = await syncContactToResend({ ...opts, contactId, now });
    if (result.ok) return { ok: true, status: 200, response: result.data };
    return { ok: false, status: result.status, response: null, error: `resend_${result.code}` };
  };
}

function contactOf(body: string): string | null {
  const payload = JSON.parse(body) as { data?: { contact?: { id?: unknown } | null } };
  const id = payload.data?.contact?.id;
  return typeof id === "string" ? id : null;
}
