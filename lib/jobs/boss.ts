// pg-boss on the same database as the app: its own schema ("pgboss") on PostgreSQL, or the app's one PGlite
// connection when embedded (pg-boss's PGlite adapter; PGlite serialises statements and transactions itself).
import "server-only";
import type { PGlite } from "@electric-sql/pglite";
import { PgBoss, fromPglite } from "pg-boss";
import { logger } from "@/lib/log/logger";

export type BossTarget = { kind: "postgres"; url: string } | { kind: "pglite"; pglite: PGlite };

export const BOSS_SCHEMA = "pgboss";

export type BossOptions = {
  /** How often expired leases are found and their jobs retried; short in tests so a killed worker is noticed fast. */
  superviseIntervalSeconds?: number;
};

export async function startBoss(target: BossTarget, options: BossOptions = {}): Promise<PgBoss> {
  const common = {
    schema: BOSS_SCHEMA,
    superviseIntervalSeconds: options.superviseIntervalSeconds ?? 30,
    // Cron schedules for the nightly and hourly upkeep (schedules.ts). Scheduled mailings are not among them: they
    // are plain jobs with startAfter.
    schedule: true,
  };
  const boss =
    target.kind === "postgres"
      ? // LISTEN/NOTIFY (one extra connection): workers wake the moment a job is created instead of at their next
        // poll, so a mailing's expansion and first batches start at once. PGlite has no listener: polling only.
        new PgBoss({ ...common, connectionString: target.url, max: 4, useListenNotify: true })
      : new PgBoss({ ...common, db: fromPglite(target.pglite), backend: "pglite" });
  // pg-boss reports background errors (lost connection, failed maintenance) as events; without a listener Node would
  // crash the process on the first one.
  boss.on("error", (error) => logger().error({ err: asError(error), component: "jobs" }, "pg-boss error"));
  await boss.start();
  return boss;
}

/**
 * pg-boss emits a worker's failed fetch as a plain copy of the error (`{ ...err, message, stack, queue }`), which the
 * log's error serializer would reduce to "object": give it back its class, code and stack (never its message).
 */
function asError(error: unknown): unknown {
  if (error instanceof Error || typeof error !== "object" || error === null) return error;
  const copy = error as { code?: unknown; stack?: unknown };
  return Object.assign(new Error(), {
    name: "PgBossError",
    code: copy.code,
    stack: typeof copy.stack === "string" ? copy.stack : undefined,
  });
}
