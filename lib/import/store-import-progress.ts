// Import progress on PostgreSQL: one ImportProgress row per import, written on the app's own client while the import's
// transaction runs on another connection (never through the transaction, which shows nothing until it commits), so
// the poll sees it from any instance. Writes are thinned to a few a second; a failed write is logged and forgotten:
// the bar is a courtesy, the import must not depend on it.
import "server-only";
import type { Db, DbOrTx } from "@/lib/db/client";
import type { ImportProgressState as StoredState } from "@/lib/generated/prisma/enums";
import { logger } from "@/lib/log/logger";
import {
  isImportPhase,
  type ImportProgress,
  type ImportProgressReading,
  type ImportProgressState,
  type ImportProgressTracker,
} from "./import-progress";
import { throttleProgress } from "./throttle-progress";

/** At most four writes a second per import: the poll asks twice a second. */
export const PROGRESS_WRITE_INTERVAL_MS = 250;

const STORED: Record<ImportProgressState, StoredState> = { running: "RUNNING", finished: "FINISHED", failed: "FAILED" };
const READ: Record<StoredState, ImportProgressState> = { RUNNING: "running", FINISHED: "finished", FAILED: "failed" };

const logFailure = (error: unknown) =>
  logger().warn({ component: "import", err: error }, "import progress not written; the import goes on");

/**
 * Starts the row of an import; null when the id is taken already (the browser chose it, and chooses a fresh one each
 * time) or the row cannot be written: the import then runs without a bar.
 */
export async function startStoredImportProgress(opts: {
  db: Db;
  id: string;
  staffUserId: string;
  minIntervalMs?: number;
}): Promise<ImportProgressTracker | null> {
  const { db, id, staffUserId } = opts;
  const created = await db.importProgress
    .createMany({ data: [{ id, staffUserId }], skipDuplicates: true })
    .catch((error: unknown) => (logFailure(error), { count: 0 }));
  if (created.count === 0) return null;
  const mine = { id, staffUserId };
  const throttle = throttleProgress<ImportProgress>({
    write: async (p) => {
      await db.importProgress.updateMany({
        where: mine,
        data: { phase: p.phase, done: p.done, total: p.total, updatedAt: new Date() },
      });
    },
    minIntervalMs: opts.minIntervalMs ?? PROGRESS_WRITE_INTERVAL_MS,
    onError: logFailure,
  });
  return {
    report: async (progress) => throttle.push(progress),
    finish: async (state) => {
      await throttle.flush();
      await db.importProgress
        .updateMany({ where: mine, data: { state: STORED[state], updatedAt: new Date() } })
        .catch(logFailure);
    },
  };
}

/** The staff user's own import; null for an id that is unknown, pruned, or another user's. */
export async function readStoredImportProgress(opts: {
  db: DbOrTx;
  id: string;
  staffUserId: string;
}): Promise<ImportProgressReading | null> {
  const row = await opts.db.importProgress.findFirst({
    where: { id: opts.id, staffUserId: opts.staffUserId },
    select: { state: true, phase: true, done: true, total: true },
  });
  if (!row) return null;
  const progress = isImportPhase(row.phase) ? { phase: row.phase, done: row.done, total: row.total } : null;
  return { state: READ[row.state], progress };
}
