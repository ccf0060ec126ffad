// POST /api/webhooks/resend: verify the signature over the raw body, parse, apply once. Any answer other than 2xx
// makes Resend retry with backoff, so only events worth retrying (our own failure) get a 5xx; a refused signature or
// a body we cannot read gets a 4xx and a stable code, never an internal message.
import "server-only";
import type { Db } from "@/lib/db/client";
import { KIB, readLimitedBody } from "@/lib/http/read-limited-body";
import { loggerFor } from "@/lib/log/logger";
import { applyResendEvent, type ApplyResendEventOutcome } from "./apply-resend-event";
import { parseResendEvent } from "./resend-event-schema";
import { createResendVerifier, verifyResendWebhook } from "./verify-resend-webhook";

export type ResendWebhookErrorCode =
  | "webhook_not_configured"
  | "payload_too_large"
  | "missing_signature"
  | "invalid_signature"
  | "stale_timestamp"
  | "invalid_json"
  | "invalid_payload"
  | "internal";

const ERRORS: Record<ResendWebhookErrorCode, { status: number; message: string }> = {
  webhook_not_configured: { status: 503, message: "Webhooks are not configured on this server." },
  payload_too_large: { status: 413, message: "The request body is too large." },
  missing_signature: { status: 401, message: "The svix-id, svix-timestamp and svix-signature headers are required." },
  invalid_signature: { status: 401, message: "The signature does not match." },
  stale_timestamp: { status: 401, message: "The timestamp is more than five minutes from the server's clock." },
  invalid_json: { status: 400, message: "The request body is not valid JSON." },
  invalid_payload: { status: 400, message: "The event is not in the expected format." },
  internal: { status: 500, message: "Internal error." },
};

// Resend's email events are a few kilobytes; anything far larger is refused while it streams in.
const MAX_BODY_BYTES = 256 * KIB;

export type ResendWebhookResult =
  { ok: true; outcome: ApplyResendEventOutcome } | { ok: false; code: ResendWebhookErrorCode };

export async function receiveResendWebhook(opts: {
  db: Db;
  request: Request;
  /** RESEND_WEBHOOK_SECRET ("whsec_..."); undefined when not configured. */
  secret: string | undefined;
  suppressionKey: string;
  now?: Date;
}): Promise<ResendWebhookResult> {
  if (!opts.secret) return { ok: false, code: "webhook_not_configured" };
  let verifier;
  try {
    verifier = createResendVerifier(opts.secret);
  } catch {
    loggerFor(opts.request).error("RESEND_WEBHOOK_SECRET is not a valid signing secret (expected whsec_ and base64)");
    return { ok: false, code: "webhook_not_configured" };
  }
  // Read at most MAX_BODY_BYTES, with or without Content-Length, before the signature is checked.
  const raw = await readLimitedBody(opts.request, MAX_BODY_BYTES);
  if (!raw.ok) return { ok: false, code: "payload_too_large" };
  // The signature covers the exact bytes sent: the raw text, never a re-serialised parse.
  const body = new TextDecoder().decode(raw.bytes);

  const verified = verifyResendWebhook({ verifier, headers: opts.request.headers, body, now: opts.now });
  if (!verified.ok) return verified;

  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, code: "invalid_json" };
  }
  const parsed = parseResendEvent(json);
  if (!parsed.ok) return parsed;
  return applyResendEvent({
    db: opts.db,
    eventId: verified.messageId,
    event: parsed.event,
    suppressionKey: opts.suppressionKey,
    now: opts.now,
  });
}

export function resendWebhookResponse(result: ResendWebhookResult): Response {
  const headers = { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" };
  if (result.ok) return new Response(JSON.stringify({ ok: true, outcome: result.outcome }), { status: 200, headers });
  const { status, message } = ERRORS[result.code];
  return new Response(JSON.stringify({ error: { code: result.code, message } }), { status, headers });
}

/** The whole request: what the route calls, and what the tests call with a real Request. */
export async function handleResendWebhook(opts: Parameters<typeof receiveResendWebhook>[0]): Promise<Response> {
  const log = loggerFor(opts.request);
  try {
    const result = await receiveResendWebhook(opts);
    // The outcome or refusal code only: the event itself names the recipient.
    if (result.ok) log.info({ outcome: result.outcome }, "resend webhook applied");
    else log.warn({ code: result.code }, "resend webhook refused");
    return resendWebhookResponse(result);
  } catch (e) {
    // Never the error itself: a database error about an event quotes its values.
    log.error({ err: e }, "resend webhook failed");
    return resendWebhookResponse({ ok: false, code: "internal" });
  }
}
