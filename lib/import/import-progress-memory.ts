// Import progress on the embedded database: kept in this process's memory. The import's transaction holds PGlite's one
// connection until it commits, so a progress row could be neither written nor read meanwhile; and the embedded
// database belongs to one process, so the poll always reaches the process that imports. A reading is given only to
// the staff session that started the import (the poll cannot look the session up in the database either: see
// session-owner.ts), named by its cookie's hash.
import "server-only";
import type {
  ImportProgress,
  ImportProgressReading,
  ImportProgressState,
  ImportProgressTracker,
} from "./import-progress";

type Entry = { owner: string; state: ImportProgressState; progress: ImportProgress | null; touchedAt: number };

/** A finished import's reading stays for a late poll; every entry goes 15 minutes after its last change. */
const TTL_MS = 15 * 60_000;
/**
 * Every statement of the embedded database runs inside this process without waiting for I/O, so the server would
 * answer the poll only after the whole import; each report yields this long (a few dozen steps).
 */
const YIELD_MS = 10;

const holder = globalThis as unknown as { __tillitImportProgress?: Map<string, Entry> };
const entries = (holder.__tillitImportProgress ??= new Map());

function sweep(now: number) {
  for (const [id, e] of entries) if (now - e.touchedAt > TTL_MS) entries.delete(id);
}

/** Null when the id is taken by another session's import. */
export function startMemoryImportProgress(
  id: string,
  owner: string,
  now: () => number = Date.now,
): ImportProgressTracker | null {
  sweep(now());
  const taken = entries.get(id);
  if (taken && taken.owner !== owner) return null;
  const entry: Entry = { owner, state: "running", progress: null, touchedAt: now() };
  entries.set(id, entry);
  return {
    report: async (progress) => {
      Object.assign(entry, { progress, touchedAt: now() });
      await new Promise((resolve) => setTimeout(resolve, YIELD_MS));
    },
    finish: async (state) => {
      Object.assign(entry, { state, touchedAt: now() });
    },
  };
}

/** The session's own import; null when there is none (unknown, swept, or someone else's). */
export function readMemoryImportProgress(id: string, owner: string): ImportProgressReading | null {
  const e = entries.get(id);
  if (!e || e.owner !== owner) return null;
  return { state: e.state, progress: e.progress };
}
