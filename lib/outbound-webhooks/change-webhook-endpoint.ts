// An admin changes an endpoint: its settings, its secret (rotation with overlap), on or off, or deletes it. Each in
// one transaction with its audit entry; the caller has checked webhooks.manage (lib/access).
import "server-only";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import type { AuditField } from "@/lib/audit/audit-fields";
import type { Db } from "@/lib/db/client";
import { fail, fieldErrorCodes, invalid, type Because, type Invalid } from "@/lib/result";
import { webhookEndpointSchema } from "./webhook-endpoint-input";
import { newWebhookSecret, ROTATION_OVERLAP_MS } from "./webhook-secret";

type Missing = Because<"not_found", "unknown_endpoint">;
const missing = () => fail("not_found", { reason: "unknown_endpoint" });
// The Resend connector's endpoint is kept by the configuration (lib/connectors/resend/keep-resend-endpoint.ts): its
// settings, secret and existence are not an admin's to change here (the page offers none of it); on/off and replay are.
const EDITABLE = { kind: "WEBHOOK" } as const;
const subject = (id: string) => ({ type: "WebhookEndpoint", id });

export async function updateWebhookEndpoint(opts: {
  db: Db;
  id: string;
  input: unknown;
  actor: AuditActor;
  allowHttp: boolean;
  now?: Date;
}): Promise<{ ok: true; changed: AuditField[] } | Invalid | Missing> {
  const parsed = webhookEndpointSchema({ allowHttp: opts.allowHttp }).safeParse(opts.input);
  if (!parsed.success) return invalid(fieldErrorCodes(parsed.error));
  const now = opts.now ?? new Date();
  return opts.db.$transaction(async (tx) => {
    const current = await tx.webhookEndpoint.findUnique({ where: { id: opts.id, ...EDITABLE } });
    if (!current) return missing();
    const next = parsed.data;
    const changed: AuditField[] = [];
    if (current.name !== next.name) changed.push("name");
    if (current.url !== next.url) changed.push("url");
    if ([...current.eventTypes].sort().join() !== [...next.eventTypes].sort().join()) changed.push("eventTypes");
    if (current.failureThreshold !== next.failureThreshold) changed.push("failureThreshold");
    if (changed.length === 0) return { ok: true as const, changed };
    await tx.webhookEndpoint.update({ where: { id: opts.id }, data: next });
    await recordAuditEvent(
      tx,
      { actor: opts.actor, action: "webhook.updated", subject: subject(opts.id), fields: changed },
      now,
    );
    return { ok: true as const, changed };
  });
}

/** A new secret, returned once; the old one keeps signing beside it for ROTATION_OVERLAP_MS. */
export async function rotateWebhookSecret(opts: {
  db: Db;
  id: string;
  actor: AuditActor;
  now?: Date;
}): Promise<{ ok: true; secret: string; previousValidUntil: Date } | Missing> {
  const now = opts.now ?? new Date();
  const secret = newWebhookSecret();
  const until = new Date(now.getTime() + ROTATION_OVERLAP_MS);
  return opts.db.$transaction(async (tx) => {
    const current = await tx.webhookEndpoint.findUnique({
      where: { id: opts.id, ...EDITABLE },
      select: { secret: true },
    });
    if (!current) return missing();
    await tx.webhookEndpoint.update({
      where: { id: opts.id },
      data: { secret, previousSecret: current.secret, previousSecretUntil: until },
    });
    await recordAuditEvent(
      tx,
      { actor: opts.actor, action: "webhook.secret_rotated", subject: subject(opts.id), fields: ["secret"] },
      now,
    );
    return { ok: true as const, secret, previousValidUntil: until };
  });
}

/** On (failure count reset, waiting deliveries due now) or off (kept, delivered once it is on again). */
export async function setWebhookEndpointEnabled(opts: {
  db: Db;
  id: string;
  enabled: boolean;
  actor: AuditActor;
  now?: Date;
}): Promise<{ ok: true; changed: boolean } | Missing> {
  const now = opts.now ?? new Date();
  return opts.db.$transaction(async (tx) => {
    const current = await tx.webhookEndpoint.findUnique({ where: { id: opts.id }, select: { enabled: true } });
    if (!current) return missing();
    if (current.enabled === opts.enabled) return { ok: true as const, changed: false };
    await tx.webhookEndpoint.update({
      where: { id: opts.id },
      data: opts.enabled
        ? { enabled: true, disabledReason: null, disabledAt: null, consecutiveFailures: 0 }
        : { enabled: false, disabledReason: "staff", disabledAt: now },
    });
    if (opts.enabled)
      await tx.webhookDelivery.updateMany({
        where: { endpointId: opts.id, status: "PENDING" },
        data: { nextAttemptAt: now },
      });
    await recordAuditEvent(
      tx,
      {
        actor: opts.actor,
        action: opts.enabled ? "webhook.enabled" : "webhook.disabled",
        subject: subject(opts.id),
        fields: ["enabled"],
      },
      now,
    );
    return { ok: true as const, changed: true };
  });
}

/** The endpoint and its deliveries go; the events stay for other endpoints and the person's page. */
export async function deleteWebhookEndpoint(opts: {
  db: Db;
  id: string;
  actor: AuditActor;
  now?: Date;
}): Promise<{ ok: true } | Missing> {
  const now = opts.now ?? new Date();
  return opts.db.$transaction(async (tx) => {
    const deleted = await tx.webhookEndpoint.deleteMany({ where: { id: opts.id, ...EDITABLE } });
    if (deleted.count === 0) return missing();
    await recordAuditEvent(
      tx,
      { actor: opts.actor, action: "webhook.deleted", subject: subject(opts.id), fields: ["*"] },
      now,
    );
    return { ok: true as const };
  });
}

/** Dead letters sent again: one (deliveryId) or all of the endpoint's, from the back of their lanes' queue. */
export async function replayDeadDeliveries(opts: {
  db: Db;
  id: string;
  deliveryId?: string;
  actor: AuditActor;
  now?: Date;
}): Promise<{ ok: true; replayed: number } | Missing> {
  const now = opts.now ?? new Date();
  return opts.db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.findUnique({ where: { id: opts.id }, select: { id: true } });
    if (!endpoint) return missing();
    // A replayed delivery counts its give-up window from now (createdAt), so it gets the full back-off again.
    const replayed = await tx.webhookDelivery.updateMany({
      where: { endpointId: opts.id, status: "DEAD", ...(opts.deliveryId ? { id: opts.deliveryId } : {}) },
      data: { status: "PENDING", nextAttemptAt: now, createdAt: now, attempts: 0, lockedUntil: null },
    });
    if (opts.deliveryId && replayed.count === 0) return missing();
    if (replayed.count > 0)
      await recordAuditEvent(
        tx,
        { actor: opts.actor, action: "webhook.replayed", subject: subject(opts.id), fields: ["deliveries"] },
        now,
      );
    return { ok: true as const, replayed: replayed.count };
  });
}
