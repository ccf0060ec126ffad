// Takes one request from a rate limit: rate-limiter-flexible's RateLimiterPostgres, one atomic upsert per request
// (insert, or add to the window's count, or start a new window), so concurrent requests in several processes can never
// all take the last slot. The counter's key is the limit's name and an HMAC of the subject under a key derived from
// AUTH_SECRET: the table never holds an address, contact id or client address, nor a hash anyone could recompute.
import "server-only";
import { createHmac } from "node:crypto";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "@/lib/db/client";
import { getConfig } from "@/lib/env/config";
import type { RateLimitRule } from "./limits";
import { prismaPgClient } from "./prisma-pg-client";

export type RateLimitResult = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

/** The table created by the migration `rate_limiter_flexible` (the store's own layout). */
const TABLE = "RateLimit";

/** The subject's part of a counter's key: HMAC-SHA256 under a key of its own, derived from AUTH_SECRET. */
export function rateLimitSubjectKey(rule: Pick<RateLimitRule, "name">, subject: string, authSecret: string): string {
  const key = createHmac("sha256", authSecret).update("tillit/rate-limit/v1").digest();
  return createHmac("sha256", key).update(`${rule.name}\0${subject}`).digest("base64url");
}

type Limiters = { byRule: Map<string, RateLimiterPostgres>; pruner: RateLimiterPostgres };
// One limiter per database client and rule, built on first use: each store instance keeps a timer, so they must
// not be created per request.
const perDb = new WeakMap<Db, Limiters>();

function limitersFor(db: Db): Limiters {
  let limiters = perDb.get(db);
  if (!limiters) {
    // The store deletes rows that expired over an hour ago every 5 minutes (an unref'd timer). One instance per
    // database does it for the whole table; the limiters themselves leave it off.
    const pruner = new RateLimiterPostgres({
      storeClient: prismaPgClient(db),
      storeType: "pool",
      tableName: TABLE,
      tableCreated: true,
      keyPrefix: "prune",
      points: 1,
      duration: 1,
      clearExpiredByTimeout: true,
    });
    limiters = { byRule: new Map(), pruner };
    perDb.set(db, limiters);
  }
  return limiters;
}

function limiter(db: Db, rule: RateLimitRule): RateLimiterPostgres {
  const limiters = limitersFor(db);
  const id = `${rule.name}/${rule.points}/${rule.durationSeconds}`;
  let l = limiters.byRule.get(id);
  if (!l) {
    l = new RateLimiterPostgres({
      storeClient: prismaPgClient(db),
      // "pool": the store then neither acquires nor releases connections; Prisma manages them.
      storeType: "pool",
      tableName: TABLE,
      // The migration created the table: the store must not run CREATE TABLE at start-up.
      tableCreated: true,
      keyPrefix: rule.name,
      points: rule.points,
      duration: rule.durationSeconds,
      clearExpiredByTimeout: false,
    });
    limiters.byRule.set(id, l);
  }
  return l;
}

/**
 * Counts one request of `subject` against `rule`. Refused once the window's points are used up, with the seconds
 * until the window ends. A database error is thrown (the caller fails closed with its own "try again later").
 */
export async function consumeRateLimit(opts: {
  db: Db;
  rule: RateLimitRule;
  /** What is limited: an address, a contact id, a client address, an API key id. Only its HMAC is stored. */
  subject: string;
  /** Defaults to the configured AUTH_SECRET. */
  authSecret?: string;
}): Promise<RateLimitResult> {
  const key = rateLimitSubjectKey(opts.rule, opts.subject, opts.authSecret ?? getConfig().authSecret);
  try {
    const res = await limiter(opts.db, opts.rule).consume(key);
    return { ok: true, remaining: res.remainingPoints };
  } catch (e) {
    // The library rejects with its result object when the limit is reached, and with an Error when the store fails.
    if (e instanceof RateLimiterRes) {
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(e.msBeforeNext / 1000)) };
    }
    throw e;
  }
}
