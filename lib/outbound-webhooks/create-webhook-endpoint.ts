// An admin adds a downstream system. The secret is returned once, here, and shown once; later pages never show it.
import "server-only";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import { fieldErrorCodes, invalid, type Invalid } from "@/lib/result";
import { webhookEndpointSchema } from "./webhook-endpoint-input";
import { newWebhookSecret } from "./webhook-secret";

export type CreateWebhookEndpointResult = { ok: true; id: string; secret: string } | Invalid;

export async function createWebhookEndpoint(opts: {
  db: Db;
  input: unknown;
  actor: AuditActor;
  allowHttp: boolean;
  now?: Date;
}): Promise<CreateWebhookEndpointResult> {
  const parsed = webhookEndpointSchema({ allowHttp: opts.allowHttp }).safeParse(opts.input);
  if (!parsed.success) return invalid(fieldErrorCodes(parsed.error));
  const now = opts.now ?? new Date();
  const secret = newWebhookSecret();
  return opts.db.$transaction(async (tx) => {
    const row = await tx.webhookEndpoint.create({
      data: { ...parsed.data, secret, createdAt: now },
      select: { id: true },
    });
    await recordAuditEvent(
      tx,
      {
        actor: opts.actor,
        action: "webhook.created",
        subject: { type: "WebhookEndpoint", id: row.id },
        fields: ["name", "url", "eventTypes", "failureThreshold", "secret"],
      },
      now,
    );
    return { ok: true as const, id: row.id, secret };
  });
}
