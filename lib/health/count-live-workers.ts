// How many worker processes are alive: their heartbeat rows (lib/jobs/worker-heartbeat.ts) newer than a minute on the
// database's clock. Read by /api/health/ready and /api/metrics; one query on the beatAt index of a table with a row
// per process.
import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import { WORKER_HEARTBEAT_FRESH_MS } from "@/lib/jobs/worker-heartbeat";

export async function countLiveWorkers(db: DbOrTx): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM "WorkerHeartbeat"
     WHERE "beatAt" > (now() AT TIME ZONE 'UTC') - make_interval(secs => ${WORKER_HEARTBEAT_FRESH_MS / 1000})`;
  return row?.n ?? 0;
}
