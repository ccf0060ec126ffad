// Resend's delivery events (delivered, delayed, failed, suppressed, bounced, complained). Not behind staff sign-in or CSRF: the
// Svix signature over the raw body is the authentication (lib/webhooks/verify-resend-webhook.ts).
import { getDb } from "@/lib/db/client";
import { getConfig } from "@/lib/env/config";
import { loggerFor } from "@/lib/log/logger";
import { handleResendWebhook, resendWebhookResponse } from "@/lib/webhooks/handle-resend-webhook";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  try {
    const config = getConfig();
    return await handleResendWebhook({
      db: await getDb(),
      request,
      secret: config.mail.transport === "resend" ? config.mail.webhookSecret : undefined,
      suppressionKey: config.suppressionKey,
    });
  } catch (e) {
    // The database could not be opened: a 5xx, so Resend retries later.
    loggerFor(request).error({ err: e }, "resend webhook failed");
    return resendWebhookResponse({ ok: false, code: "internal" });
  }
}
