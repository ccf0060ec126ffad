// How far a running import has come, for the progress bar. The import runs inside one transaction (all or nothing),
// so nothing about it is visible in the database until it commits; its progress is kept in this process's memory,
// keyed by an id the browser chose, and readable only from the staff session that started it (the poll cannot look
// the session up: on the embedded database the import's transaction holds the one connection until it commits).
// Behind a load balancer the poll must reach the same instance (sticky sessions); otherwise the bar shows only
// "importing".
import "server-only";
import type { ImportProgress } from "./import-contacts";

type Entry = { owner: string; progress: ImportProgress | null; touchedAt: number };

const TTL_MS = 15 * 60_000;
const ID = /^[A-Za-z0-9_-]{16,64}$/;
const holder = globalThis as unknown as { __tillitImportProgress?: Map<string, Entry> };
const entries = (holder.__tillitImportProgress ??= new Map());

function sweep(now: number) {
  for (const [id, e] of entries) if (now - e.touchedAt > TTL_MS) entries.delete(id);
}

export function isProgressId(id: unknown): id is string {
  return typeof id === "string" && ID.test(id);
}

export function startImportProgress(id: string, owner: string, now = Date.now()): void {
  sweep(now);
  entries.set(id, { owner, progress: null, touchedAt: now });
}

export function reportImportProgress(id: string, progress: ImportProgress, now = Date.now()): void {
  const e = entries.get(id);
  if (e) Object.assign(e, { progress, touchedAt: now });
}

export function finishImportProgress(id: string): void {
  entries.delete(id);
}

/** The progress of the session's own import; null when there is none (finished, unknown, or someone else's). */
export function readImportProgress(id: string, owner: string): { progress: ImportProgress | null } | null {
  const e = entries.get(id);
  if (!e || e.owner !== owner) return null;
  return { progress: e.progress };
}
