// Chooses the driver adapter: PostgreSQL through node-postgres when a URL is configured, PGlite in-process otherwise.
// Shared by the app's Prisma client, the migration runner and the tests, so all three talk to the same database the same way.
import { mkdirSync } from "node:fs";
import type { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { lockDataDir } from "./pglite-lock";
import { createPglite } from "./pglite";

export type DatabaseTarget = { kind: "postgres"; url: string } | { kind: "pglite"; dir?: string; pglite?: PGlite };

/**
 * Told when PostgreSQL closes one of the pool's connections under it (a restart, a failover, an administrator's
 * pg_terminate_backend): "idle" for a connection resting in the pool, "transaction" for one an open transaction holds.
 * The pool has already dropped that connection and opens a new one on next use; a statement that was running on it
 * fails on its own, for its caller to retry. (The adapter's own listeners keep the process alive but say so only
 * under DEBUG=prisma:*: this is how the app's log hears of it.)
 */
export type ConnectionLost = (error: Error, where: "idle" | "transaction") => void;

export type OpenedAdapter = {
  factory: SqlMigrationAwareDriverAdapterFactory;
  /** The PGlite instance when embedded (for raw access and closing). */
  pglite?: PGlite;
  close: () => Promise<void>;
};

type ScriptRunner = {
  executeScript(script: string): Promise<void>;
  client: { query(sql: string): Promise<unknown> };
  onError(error: unknown): never;
};

/**
 * @prisma/adapter-pg runs a migration script by splitting it on ";", which breaks function bodies ($$ … ; … $$)
 * and loses atomicity. Send the script as one simple-protocol query instead, as the native engine does: PostgreSQL
 * parses it properly and runs it in one implicit transaction.
 */
function wholeScriptPg(factory: PrismaPg): SqlMigrationAwareDriverAdapterFactory {
  const patch = <T>(adapter: T): T => {
    const runner = adapter as unknown as ScriptRunner;
    runner.executeScript = async (script: string) => {
      try {
        await runner.client.query(script);
      } catch (error) {
        runner.onError(error);
      }
    };
    return adapter;
  };
  return {
    adapterName: factory.adapterName,
    provider: factory.provider,
    connect: async () => patch(await factory.connect()),
    connectToShadowDb: async () => patch(await factory.connectToShadowDb()),
  };
}

/** Opens an embedded database: in memory without a directory, else the directory, locked to this process. */
export async function openPglite(dir?: string): Promise<{ pglite: PGlite; close: () => Promise<void> }> {
  if (!dir) {
    const pglite = await createPglite();
    return { pglite, close: () => pglite.close() };
  }
  mkdirSync(dir, { recursive: true });
  const release = lockDataDir(dir);
  try {
    const pglite = await createPglite({ dataDir: dir });
    return {
      pglite,
      close: async () => {
        if (!pglite.closed) await pglite.close();
        release();
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}

export async function openAdapter(
  target: DatabaseTarget,
  opts: { onConnectionLost?: ConnectionLost } = {},
): Promise<OpenedAdapter> {
  if (target.kind === "postgres") {
    const opened: { dispose(): Promise<void> }[] = [];
    const track = <T extends { dispose(): Promise<void> }>(a: T): T => (opened.push(a), a);
    const lost = opts.onConnectionLost;
    const pgFactory = wholeScriptPg(
      new PrismaPg(
        { connectionString: target.url },
        lost && {
          onPoolError: (error) => lost(error, "idle"),
          onConnectionError: (error) => lost(error, "transaction"),
        },
      ),
    );
    return {
      factory: {
        adapterName: pgFactory.adapterName,
        provider: pgFactory.provider,
        connect: async () => track(await pgFactory.connect()),
        connectToShadowDb: async () => track(await pgFactory.connectToShadowDb()),
      },
      // The schema engine does not always dispose what it connects; close the pools so the database can be dropped.
      close: async () => {
        await Promise.allSettled(opened.splice(0).map((a) => a.dispose()));
      },
    };
  }
  if (target.pglite) {
    return {
      factory: pgliteFactory(target.pglite),
      pglite: target.pglite,
      close: async () => {},
    };
  }
  const instance = await openPglite(target.dir);
  return {
    factory: pgliteFactory(instance.pglite),
    pglite: instance.pglite,
    close: instance.close,
  };
}

/** PGlite's adapter, with a shadow database (the migration engine's scratch copy) that has our extensions loaded too. */
function pgliteFactory(pglite: PGlite): SqlMigrationAwareDriverAdapterFactory {
  const factory = new PrismaPGlite(pglite) as unknown as SqlMigrationAwareDriverAdapterFactory;
  factory.connectToShadowDb = async () =>
    (new PrismaPGlite(await createPglite()) as unknown as SqlMigrationAwareDriverAdapterFactory).connect();
  return factory;
}
