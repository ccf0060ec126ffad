// The lanes with work to do now: an enabled endpoint, and a lane whose first pending delivery is due and not held by
// a worker. Only heads count, so a lane waiting out a back-off is not picked again and again for its later events.
import "server-only";
import type { DbOrTx } from "@/lib/db/client";

export type DueLane = { endpointId: string; lane: string };

export async function findDueLanes(opts: { db: DbOrTx; now: Date; limit: number }): Promise<DueLane[]> {
  // Stored as UTC timestamps without zone; compared as such.
  const now = opts.now.toISOString();
  return opts.db.$queryRaw<DueLane[]>`
    SELECT d."endpointId", d.lane
      FROM "WebhookDelivery" d JOIN "WebhookEndpoint" ep ON ep.id = d."endpointId" AND ep.enabled
     WHERE d.status = 'PENDING' AND d."nextAttemptAt" <= ${now}::timestamp
       AND (d."lockedUntil" IS NULL OR d."lockedUntil" <= ${now}::timestamp)
       AND NOT EXISTS (SELECT 1 FROM "WebhookDelivery" p
                        WHERE p."endpointId" = d."endpointId" AND p.lane = d.lane AND p.status = 'PENDING'
                          AND p.seq < d.seq)
     ORDER BY d.seq
     LIMIT ${opts.limit}`;
}
