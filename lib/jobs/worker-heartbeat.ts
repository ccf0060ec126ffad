// A worker process's sign of life: one WorkerHeartbeat row per process, its time moved every HEARTBEAT_INTERVAL_MS
// on the database's clock (never the process's: two hosts' clocks may disagree, the database is the one both read).
// /api/health/ready and /api/metrics count the rows newer than WORKER_HEARTBEAT_FRESH_MS (lib/health/count-live-workers.ts).
import "server-only";
import { errorLabel } from "@/lib/log/error-label";
import { randomUUID } from "node:crypto";
import os from "node:os";
import type { DbOrTx } from "@/lib/db/client";

/** How often a worker beats. */
export const HEARTBEAT_INTERVAL_MS = 15_000;
/** A beat older than this means the worker is gone or stuck: four missed beats, so one slow write is no alarm. */
export const WORKER_HEARTBEAT_FRESH_MS = 60_000;

export type WorkerMode = "worker" | "in-process";

export type HeartbeatIdentity = { id: string; host: string; pid: number; mode: WorkerMode };

/** A new identity for this process (random, so a restarted process with a reused pid is a new row). */
export function newHeartbeatIdentity(mode: WorkerMode): HeartbeatIdentity {
  return { id: randomUUID(), host: os.hostname(), pid: process.pid, mode };
}

/** Writes (or moves) this process's row to the database's now. */
export async function recordWorkerHeartbeat(db: DbOrTx, me: HeartbeatIdentity): Promise<void> {
  // Prisma keeps DateTime as UTC timestamps without zone: the database's now, in UTC, whatever the session's zone.
  await db.$executeRaw`
    INSERT INTO "WorkerHeartbeat" (id, host, pid, mode, "startedAt", "beatAt")
    VALUES (${me.id}, ${me.host}, ${me.pid}, ${me.mode},
            (now() AT TIME ZONE 'UTC')::timestamp(3), (now() AT TIME ZONE 'UTC')::timestamp(3))
    ON CONFLICT (id) DO UPDATE SET "beatAt" = EXCLUDED."beatAt"`;
}

/** Removes this process's row: a worker that stopped on purpose is gone at once, not a minute later. */
export async function removeWorkerHeartbeat(db: DbOrTx, me: HeartbeatIdentity): Promise<void> {
  await db.workerHeartbeat.deleteMany({ where: { id: me.id } });
}

/**
 * Beats now and every HEARTBEAT_INTERVAL_MS until stopped; a failed beat is logged and the next one tried (the
 * database may be restarting), so /api/health/ready notices only when beats keep failing. stop() ends the beating
 * and deletes the row.
 */
export async function startWorkerHeartbeat(opts: {
  db: DbOrTx;
  mode: WorkerMode;
  log: (message: string) => void;
  intervalMs?: number;
}): Promise<{ identity: HeartbeatIdentity; stop: () => Promise<void> }> {
  const me = newHeartbeatIdentity(opts.mode);
  let inFlight: Promise<void> | null = null;
  const beat = () => {
    inFlight ??= recordWorkerHeartbeat(opts.db, me)
      .catch((error: unknown) => {
        opts.log(`heartbeat failed: ${errorLabel(error)}`);
      })
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  };
  // The first beat at once, so a worker counts from its start; a failure here must not stop the workers either.
  await beat();
  const timer = setInterval(beat, opts.intervalMs ?? HEARTBEAT_INTERVAL_MS);
  // Never the reason a process stays up.
  timer.unref();
  return {
    identity: me,
    stop: async () => {
      clearInterval(timer);
      // A beat still being written would put the row back after the delete.
      await inFlight;
      await removeWorkerHeartbeat(opts.db, me).catch(() => undefined);
    },
  };
}
