// Figures that read every contact (the dashboard's audience per topic, subscribers per topic) are cheap on a small
// register and cost 0.4–1.7 s on 1,000,000 contacts, on every view. On a large register they are served from a
// per-process cache (lru-cache) and recomputed in the background once older than FIGURES_TTL_MS, while the older
// value is still shown (stale-while-revalidate), with the time it was computed so the page can say "as of 12:05".
// Below LARGE_REGISTER contacts they are computed on every view: exact and current, as a small company expects.
import "server-only";
import { LRUCache } from "lru-cache";
import type { DbOrTx } from "./client";

export const LARGE_REGISTER = 50_000;
export const FIGURES_TTL_MS = 5 * 60_000;

export type Figures<T> = { value: T; computedAt: Date; cached: boolean };

type Entry = { value: unknown; computedAt: Date };
type Context = { compute: () => Promise<unknown> };

// One cache per database client, so two databases in one process (tests, benches) never share figures.
const caches = new WeakMap<object, LRUCache<string, Entry, Context>>();

function cacheFor(db: DbOrTx): LRUCache<string, Entry, Context> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new LRUCache<string, Entry, Context>({
      max: 200,
      ttl: FIGURES_TTL_MS,
      allowStale: true,
      // A failed refresh keeps the older figures rather than leaving the page without any.
      noDeleteOnFetchRejection: true,
      allowStaleOnFetchRejection: true,
      fetchMethod: async (_key, _stale, { context }) => ({ value: await context.compute(), computedAt: new Date() }),
    });
    caches.set(db, cache);
  }
  return cache;
}

/** PostgreSQL's own count of contacts from its statistics (no scan); -1 or 0 before the first ANALYZE. */
async function estimatedContacts(db: DbOrTx): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT reltuples::float8 AS n FROM pg_class WHERE oid = '"Contact"'::regclass`;
  return Number(row?.n ?? 0);
}

/** `compute()` now on a small register; on a large one the cached figures under `key`, refreshed in the background. */
export async function registerFigures<T>(db: DbOrTx, key: string, compute: () => Promise<T>): Promise<Figures<T>> {
  if ((await estimatedContacts(db)) < LARGE_REGISTER)
    return { value: await compute(), computedAt: new Date(), cached: false };
  const entry = await cacheFor(db).fetch(key, { context: { compute } });
  if (!entry) return { value: await compute(), computedAt: new Date(), cached: false };
  return { value: entry.value as T, computedAt: entry.computedAt, cached: true };
}
