// What the import's progress bar reads, and the one way an import reports to it. Where the progress is kept depends on
// the database: on PostgreSQL in the ImportProgress table (store-import-progress.ts), so any web instance answers the
// poll; on the embedded database in this process's memory (import-progress-memory.ts), since the import's transaction
// holds PGlite's one connection until it commits and there is only ever one process.
import type { ImportProgress } from "./import-contacts";

export type { ImportProgress };

export type ImportProgressState = "running" | "finished" | "failed";

export type ImportProgressReading = { state: ImportProgressState; progress: ImportProgress | null };

export type ImportProgressTracker = {
  /** Never throws and never fails the import: a lost reading only delays the bar. */
  report: (progress: ImportProgress) => Promise<void>;
  /** The last reading written, then the outcome; the poll that lands after the import still sees how it ended. */
  finish: (state: Exclude<ImportProgressState, "running">) => Promise<void>;
};

const ID = /^[A-Za-z0-9_-]{16,64}$/;

/** The browser's id for one import: a random UUID (crypto.randomUUID), or anything as plain and as long. */
export function isProgressId(id: unknown): id is string {
  return typeof id === "string" && ID.test(id);
}

const PHASES = new Set<string>(["checking", "organisations", "contacts", "updates", "audit"]);

export function isImportPhase(phase: unknown): phase is ImportProgress["phase"] {
  return typeof phase === "string" && PHASES.has(phase);
}
