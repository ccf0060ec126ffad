// How far a running import has come, for the progress bar. The import runs inside one transaction (all or nothing),
// so nothing about it is visible in the database until it commits; its progress is kept in this process's memory,
// keyed by an id the browser chose, and readable only by the staff member who started it. Behind a load balancer
// the poll must reach the same instance (sticky sessions); otherwise the bar shows only "importing".
import "server-only";
import type { ImportProgress } from "./import-contacts";

type Entry = { staffId: string; progress: ImportProgress | null; touchedAt: number };

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

export function startImportProgress(id: string, staffId: string, now = Date.now()): void {
  sweep(now);
  entries.set(id, { staffId, progress: null, touchedAt: now });
}

export function reportImportProgress(id: string, progress: ImportProgress, now = Date.now()): void {
  const e = entries.get(id);
  if (e) Object.assign(e, { progress, touchedAt: now });
}

export function finishImportProgress(id: string): void {
  entries.delete(id);
}

/** The progress of the caller's own import; null when there is none (finished, unknown, or someone else's). */
export function readImportProgress(id: string, staffId: string): { progress: ImportProgress | null } | null {
  const e = entries.get(id);
  if (!e || e.staffId !== staffId) return null;
  return { progress: e.progress };
}
