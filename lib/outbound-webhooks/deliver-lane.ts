// Works one lane of one endpoint: the pending deliveries of one contact (or of one contact-less event), strictly in
// `seq` order. The head is tried; on success the next follows, on failure the lane waits for the head's back-off, so
// event n+1 never reaches the receiver before event n is delivered or dead. At least once: a delivery is marked
// delivered only after the receiver's 2xx, so a worker killed in between sends it again (same webhook-id).
import "server-only";
import { createElement } from "react";
import WebhookEndpointDisabledEmail, { webhookEndpointDisabledSubject } from "@/emails/webhook-endpoint-disabled";
import type { Db, Tx } from "@/lib/db/client";
import type { WebhookSettings } from "@/lib/env/config";
import { offeredLanguages } from "@/lib/i18n/offered-languages";
import { enqueueMail } from "@/lib/mail/enqueue-mail";
import { sendToEndpoint, type EndpointTarget, type SendOutcome } from "./send-to-endpoint";

/** The longest wait between two attempts; the first is WEBHOOK_RETRY_BASE_SECONDS, each next one doubles. */
export const MAX_RETRY_DELAY_MS = 60 * 60 * 1000;

/** The configuration's defaults (lib/env/config.ts), for callers that pass none. */
export const DEFAULT_WEBHOOK_SETTINGS: WebhookSettings = {
  allowHttp: false,
  timeoutMs: 10_000,
  retryBaseMs: 10_000,
  giveUpAfterMs: 72 * 60 * 60 * 1000,
};

export type Send = (opts: {
  target: EndpointTarget;
  messageId: string;
  body: string;
  now: Date;
}) => Promise<SendOutcome>;

export type LaneContext = {
  db: Db;
  settings: WebhookSettings;
  publicUrl: string;
  /** The clock (tests move it); defaults to the wall clock. */
  now?: () => Date;
  /** How one event reaches one endpoint; defaults to a signed HTTP POST (send-to-endpoint.ts). */
  send?: Send;
  /** How an event reaches the Resend connector's endpoint (kind RESEND); without it such lanes wait. */
  resend?: Send;
  /** Stop taking the next event after this long, so a job never outlives its lease. */
  budgetMs?: number;
};

export type LaneOutcome = { delivered: number; failed: number; dead: number };

type Head = {
  id: string;
  eventId: string;
  attempts: number;
  createdAt: Date;
  nextAttemptAt: Date;
  lockedUntil: Date | null;
  payload: unknown;
};

export function retryDelayMs(attempts: number, baseMs: number): number {
  return Math.min(MAX_RETRY_DELAY_MS, baseMs * 2 ** Math.max(0, attempts - 1));
}

export async function deliverLane(ctx: LaneContext, endpointId: string, lane: string): Promise<LaneOutcome> {
  const clock = ctx.now ?? (() => new Date());
  const started = Date.now();
  const outcome: LaneOutcome = { delivered: 0, failed: 0, dead: 0 };
  const send: Send = ctx.send ?? ((o) => sendToEndpoint({ ...o, timeoutMs: ctx.settings.timeoutMs }));
  while (Date.now() - started < (ctx.budgetMs ?? 30_000)) {
    const now = clock();
    const endpoint = await ctx.db.webhookEndpoint.findUnique({ where: { id: endpointId } });
    if (!endpoint || !endpoint.enabled) break;
    const sendVia = endpoint.kind === "RESEND" ? ctx.resend : send;
    if (!sendVia) break;
    const [head] = await ctx.db.$queryRaw<Head[]>`
      SELECT d.id, d."eventId", d.attempts, d."createdAt", d."nextAttemptAt", d."lockedUntil", e.payload
        FROM "WebhookDelivery" d JOIN "OutboundEvent" e ON e.id = d."eventId"
       WHERE d."endpointId" = ${endpointId} AND d.lane = ${lane} AND d.status = 'PENDING'
       ORDER BY d.seq LIMIT 1`;
    if (!head || head.nextAttemptAt > now || (head.lockedUntil && head.lockedUntil > now)) break;
    // The lease: another worker given the same lane (a lost job, a second process) leaves the head alone meanwhile.
    const lease = new Date(now.getTime() + ctx.settings.timeoutMs + 5_000);
    const claimed = await ctx.db.webhookDelivery.updateMany({
      where: { id: head.id, status: "PENDING", OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] },
      data: { lockedUntil: lease },
    });
    if (claimed.count === 0) break;

    const keepPrevious = endpoint.previousSecret && endpoint.previousSecretUntil && endpoint.previousSecretUntil > now;
    const sent = await sendVia({
      target: {
        url: endpoint.url,
        secret: endpoint.secret,
        previousSecret: keepPrevious ? endpoint.previousSecret : null,
      },
      messageId: head.eventId,
      body: JSON.stringify(head.payload),
      now,
    });
    const after = clock();
    if (sent.ok) {
      await ctx.db.$transaction([
        ctx.db.webhookDelivery.update({
          where: { id: head.id },
          data: {
            status: "DELIVERED",
            deliveredAt: after,
            attempts: { increment: 1 },
            lockedUntil: null,
            lastStatus: sent.status,
            lastResponse: sent.response,
            lastError: null,
          },
        }),
        // Every lane's success would otherwise write this one row: only when the count is to reset, or a second on.
        ctx.db.webhookEndpoint.updateMany({
          where: {
            id: endpointId,
            OR: [
              { consecutiveFailures: { gt: 0 } },
              { lastSuccessAt: null },
              { lastSuccessAt: { lt: new Date(after.getTime() - 1000) } },
            ],
          },
          data: { consecutiveFailures: 0, lastSuccessAt: after },
        }),
      ]);
      outcome.delivered++;
      continue;
    }
    const attempts = head.attempts + 1;
    const dead = after.getTime() - head.createdAt.getTime() >= ctx.settings.giveUpAfterMs;
    await ctx.db.$transaction(async (tx) => {
      await tx.webhookDelivery.update({
        where: { id: head.id },
        data: {
          status: dead ? "DEAD" : "PENDING",
          attempts,
          nextAttemptAt: new Date(after.getTime() + retryDelayMs(attempts, ctx.settings.retryBaseMs)),
          lockedUntil: null,
          lastStatus: sent.status,
          lastResponse: sent.response,
          lastError: sent.error,
        },
      });
      const ep = await tx.webhookEndpoint.update({
        where: { id: endpointId },
        data: { consecutiveFailures: { increment: 1 }, lastFailureAt: after },
        select: { name: true, consecutiveFailures: true, failureThreshold: true, enabled: true },
      });
      if (ep.enabled && ep.consecutiveFailures >= ep.failureThreshold) {
        await tx.webhookEndpoint.update({
          where: { id: endpointId },
          data: { enabled: false, disabledReason: "failures", disabledAt: after },
        });
        await tellAdmins(tx, {
          endpointId,
          name: ep.name,
          failures: ep.consecutiveFailures,
          publicUrl: ctx.publicUrl,
          now: after,
        });
      }
    });
    if (dead) {
      outcome.dead++;
      continue; // the next event of the lane may go now
    }
    outcome.failed++;
    break;
  }
  return outcome;
}

async function tellAdmins(
  tx: Tx,
  opts: { endpointId: string; name: string; failures: number; publicUrl: string; now: Date },
) {
  const admins = await tx.staffUser.findMany({ where: { role: "ADMIN", active: true }, select: { email: true } });
  // Staff have no stored language; the deployment's first language is the workspace's default.
  const language = offeredLanguages()[0];
  for (const admin of admins) {
    await enqueueMail(tx, {
      now: opts.now,
      message: {
        to: admin.email,
        subject: webhookEndpointDisabledSubject(language, opts.name),
        react: createElement(WebhookEndpointDisabledEmail, {
          endpoint: opts.name,
          failures: opts.failures,
          url: `${opts.publicUrl}/staff/webhooks/${opts.endpointId}`,
          language,
        }),
        tags: [{ name: "category", value: "webhook-endpoint-disabled" }],
      },
    });
  }
}
