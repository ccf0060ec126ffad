// On the embedded database (or with WORKER_IN_PROCESS=1) the web server runs the workers itself, sharing its database
// connection, so `npm run dev` sends mailings with no second command.
import "server-only";
import { getDb, getEmbeddedPglite } from "@/lib/db/client";
import { getConfig } from "@/lib/env/config";
import { startBoss, type BossTarget } from "./boss";
import { superviseIntervalFor } from "./queues";
import { startWorkers } from "./start-workers";

const holder = globalThis as unknown as { __tillitWorkers?: Promise<unknown> };

export function startWorkersInProcess(): Promise<unknown> {
  holder.__tillitWorkers ??= (async () => {
    const config = getConfig();
    const db = await getDb();
    const pglite = await getEmbeddedPglite();
    const target: BossTarget = pglite ? { kind: "pglite", pglite } : (config.database as BossTarget);
    const boss = await startBoss(target, { superviseIntervalSeconds: superviseIntervalFor(config.jobs.leaseSeconds) });
    // On the embedded database every query of the workers queues behind the web server's own on one connection: two
    // webhook fetch loops and a lane check a second, not the worker process's sixteen loops and four checks a second,
    // which kept a PGlite server busy polling for webhooks while nothing was due.
    return startWorkers({
      db,
      boss,
      config,
      mode: "in-process",
      ...(pglite && { webhookLoops: 2, webhookIntervalMs: 1000 }),
    });
  })();
  return holder.__tillitWorkers;
}
