// The app's Prisma client: PostgreSQL when DATABASE_URL is set, otherwise the embedded PGlite in DATA_DIR/pglite.
import "server-only";
import type { PGlite } from "@electric-sql/pglite";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getConfig } from "@/lib/env/config";
import { logger } from "@/lib/log/logger";
import { openAdapter, type DatabaseTarget } from "./adapter";

export type Db = PrismaClient;
/** A transaction client: pass it to every call inside $transaction (PGlite deadlocks on the outer client). */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

export async function createDb(
  target: DatabaseTarget,
): Promise<{ db: Db; close: () => Promise<void>; pglite?: PGlite }> {
  const opened = await openAdapter(target, { onConnectionLost: logConnectionLost });
  const db = new PrismaClient({ adapter: opened.factory });
  return {
    db,
    pglite: opened.pglite,
    close: async () => {
      await db.$disconnect();
      await opened.close();
    },
  };
}

/**
 * One line per connection PostgreSQL closed under the pool (a restart closes every one): the pool replaces it by
 * itself, and the statement that was running fails as a Prisma error its caller handles (a batch job is retried by
 * pg-boss, the dispatcher's next tick tries again, a page shows its error). Only the error's kind and code (57P01,
 * ECONNRESET), never its message.
 */
function logConnectionLost(error: Error, where: "idle" | "transaction"): void {
  logger().warn({ component: "db", where, err: error }, "database connection lost; the pool replaces it");
}

// One client per process; kept on globalThis so Next's dev reloads do not open the PGlite directory twice.
const holder = globalThis as unknown as { __tillitDb?: Promise<{ db: Db; pglite?: PGlite }> };

function opened(): Promise<{ db: Db; pglite?: PGlite }> {
  holder.__tillitDb ??= createDb(getConfig().database);
  return holder.__tillitDb;
}

export async function getDb(): Promise<Db> {
  return (await opened()).db;
}

/** The embedded database's PGlite instance (undefined on PostgreSQL), for pg-boss to share the one connection. */
export async function getEmbeddedPglite(): Promise<PGlite | undefined> {
  return (await opened()).pglite;
}
