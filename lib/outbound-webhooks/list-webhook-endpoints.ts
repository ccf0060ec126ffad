// The admin page's view of the endpoints: settings (never secrets), health, and what waits or died per endpoint.
import "server-only";
import type { DbOrTx } from "@/lib/db/client";

export async function listWebhookEndpoints(opts: { db: DbOrTx }) {
  const [endpoints, counts] = await Promise.all([
    opts.db.webhookEndpoint.findMany({
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        name: true,
        url: true,
        eventTypes: true,
        enabled: true,
        disabledReason: true,
        failureThreshold: true,
        consecutiveFailures: true,
        lastSuccessAt: true,
      },
    }),
    opts.db.webhookDelivery.groupBy({
      by: ["endpointId", "status"],
      where: { status: { in: ["PENDING", "DEAD"] } },
      _count: { _all: true },
    }),
  ]);
  const count = (id: string, status: "PENDING" | "DEAD") =>
    counts.find((c) => c.endpointId === id && c.status === status)?._count._all ?? 0;
  return endpoints.map((e) => ({ ...e, pending: count(e.id, "PENDING"), dead: count(e.id, "DEAD") }));
}

/** The endpoint's dead letters, newest first, with what was sent and what the receiver answered. */
export async function listDeadLetters(opts: { db: DbOrTx; endpointId: string; limit?: number }) {
  return opts.db.webhookDelivery.findMany({
    where: { endpointId: opts.endpointId, status: "DEAD" },
    orderBy: { seq: "desc" },
    take: opts.limit ?? 50,
    select: {
      id: true,
      attempts: true,
      lastStatus: true,
      lastError: true,
      lastResponse: true,
      updatedAt: true,
      event: { select: { id: true, type: true, occurredAt: true, payload: true } },
    },
  });
}
