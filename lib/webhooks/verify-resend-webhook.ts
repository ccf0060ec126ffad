// Resend signs webhooks the Svix way (Standard Webhooks): HMAC-SHA256 of "<svix-id>.<svix-timestamp>.<raw body>" with
// the endpoint's whsec_ secret, in svix-signature. The library compares in constant time and refuses timestamps more
// than five minutes off; the timestamp is checked here first as well, only so a stale delivery gets its own code.
import "server-only";
import { Webhook } from "standardwebhooks";

export const WEBHOOK_TOLERANCE_SECONDS = 5 * 60;

// Svix message ids look like "msg_2Lh9KRb0pzN4LePd3XiA4v"; the id becomes a primary key, so its shape is bounded.
const MESSAGE_ID = /^[A-Za-z0-9_.:-]{1,200}$/;

export type VerifyResendWebhookResult =
  { ok: true; messageId: string } | { ok: false; code: "missing_signature" | "stale_timestamp" | "invalid_signature" };

/** Throws when the secret itself is unusable (not base64 after "whsec_"): a configuration error, not a bad request. */
export function createResendVerifier(secret: string): Webhook {
  return new Webhook(secret);
}

export function verifyResendWebhook(opts: {
  verifier: Webhook;
  headers: Headers;
  body: string;
  now?: Date;
}): VerifyResendWebhookResult {
  const id = opts.headers.get("svix-id");
  const timestamp = opts.headers.get("svix-timestamp");
  const signature = opts.headers.get("svix-signature");
  if (!id || !timestamp || !signature) return { ok: false, code: "missing_signature" };
  if (!MESSAGE_ID.test(id) || !/^\d{1,12}$/.test(timestamp)) return { ok: false, code: "invalid_signature" };

  const nowSeconds = Math.floor((opts.now ?? new Date()).getTime() / 1000);
  if (Math.abs(nowSeconds - Number(timestamp)) > WEBHOOK_TOLERANCE_SECONDS)
    return { ok: false, code: "stale_timestamp" };

  try {
    opts.verifier.verify(
      opts.body,
      { "webhook-id": id, "webhook-timestamp": timestamp, "webhook-signature": signature },
      { jsonParse: false },
    );
  } catch {
    return { ok: false, code: "invalid_signature" };
  }
  return { ok: true, messageId: id };
}
