// How many jobs wait in each of the pipeline's pg-boss queues (lib/jobs/queues.ts), through pg-boss's own API over
// the app's Prisma client, so the web process needs no pg-boss connection of its own. getQueueStats serves the counts
// pg-boss keeps on its queue table (refreshed by the workers' monitor about once a minute) and counts afresh only
// when those are older than that, so a scrape costs one primary-key read per queue.
import "server-only";
import { fromPrisma, PgBoss } from "pg-boss";
import type { Db } from "@/lib/db/client";
import { BOSS_SCHEMA } from "@/lib/jobs/boss";
import { QUEUES } from "@/lib/jobs/queues";

export type QueueDepth = {
  queue: string;
  /** Waiting: created or waiting for a retry, deferred ones included. */
  queued: number;
  active: number;
  /** Failed for good and still kept (a week, FINISHED_JOB_KEEP_SECONDS). */
  failed: number;
};

// Never started: it only lends its queries to the client it is given (no pool, no timers).
const readers = new WeakMap<Db, PgBoss>();

function readerFor(db: Db): PgBoss {
  let boss = readers.get(db);
  if (!boss) {
    boss = new PgBoss({ db: fromPrisma(db), schema: BOSS_SCHEMA });
    readers.set(db, boss);
  }
  return boss;
}

export async function readQueueDepths(opts: { db: Db }): Promise<QueueDepth[]> {
  const boss = readerFor(opts.db);
  const depths: QueueDepth[] = [];
  for (const queue of Object.values(QUEUES)) {
    const [stats] = await boss.getQueueStats(queue);
    depths.push({
      queue,
      queued: stats?.queuedCount ?? 0,
      active: stats?.activeCount ?? 0,
      failed: stats?.failedCount ?? 0,
    });
  }
  return depths;
}
