// Fixed-window rate limiting in the database (RateLimitBucket), so every server process shares one count. The bucket
// key is an HMAC of what is limited: the table never holds a clear-text address or IP address.
import { createHmac } from "node:crypto";
import type { DbOrTx } from "@/lib/db/client";

export type RateLimitRule = {
  /** Names the limit and keeps buckets of different limits apart, e.g. "link-request:address". */
  name: string;
  /** Hits allowed per window; the one after is refused. */
  limit: number;
  windowMs: number;
};

export type RateLimitResult = { allowed: boolean; retryAfterSeconds: number; count: number };

/** The bucket key for a subject: name plus HMAC-SHA256 of the subject, so the raw value cannot be read back. */
export function rateLimitKey(rule: Pick<RateLimitRule, "name">, subject: string, secret: string): string {
  const digest = createHmac("sha256", secret).update(`${rule.name}\0${subject}`).digest("base64url");
  return `${rule.name}:${digest}`;
}

/**
 * Counts one hit against the subject's bucket and says whether it is within the limit. One statement (insert or
 * increment, restarting the window once it has passed), so concurrent hits never lose a count.
 */
export async function hitRateLimit(opts: {
  db: DbOrTx;
  rule: RateLimitRule;
  subject: string;
  secret: string;
  now?: Date;
}): Promise<RateLimitResult> {
  const now = opts.now ?? new Date();
  const resetAt = new Date(now.getTime() + opts.rule.windowMs);
  const key = rateLimitKey(opts.rule, opts.subject, opts.secret);
  // Times travel as ISO text and are read back as epoch milliseconds: the column is a timestamp without zone (UTC by
  // Prisma's convention), and this avoids any driver guessing a time zone on the way in or out.
  const rows = await opts.db.$queryRaw<{ count: number; resetMs: number }[]>`
    INSERT INTO "RateLimitBucket" ("key", "count", "resetAt")
    VALUES (${key}, 1, (${resetAt.toISOString()}::timestamptz AT TIME ZONE 'UTC'))
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."resetAt" <= (${now.toISOString()}::timestamptz AT TIME ZONE 'UTC')
                     THEN 1 ELSE "RateLimitBucket"."count" + 1 END,
      "resetAt" = CASE WHEN "RateLimitBucket"."resetAt" <= (${now.toISOString()}::timestamptz AT TIME ZONE 'UTC')
                       THEN EXCLUDED."resetAt" ELSE "RateLimitBucket"."resetAt" END
    RETURNING "count", (EXTRACT(EPOCH FROM ("resetAt" AT TIME ZONE 'UTC')) * 1000)::float8 AS "resetMs"`;
  const row = rows[0];
  if (!row) throw new Error("rate limit upsert returned no row");
  const count = Number(row.count);
  const allowed = count <= opts.rule.limit;
  const retryAfterSeconds = allowed ? 0 : Math.max(1, Math.ceil((Number(row.resetMs) - now.getTime()) / 1000));
  return { allowed, retryAfterSeconds, count };
}

/** Deletes buckets whose window has passed (they would be restarted on the next hit anyway). */
export async function pruneRateLimitBuckets(opts: { db: DbOrTx; now?: Date }): Promise<number> {
  const now = opts.now ?? new Date();
  const r = await opts.db.rateLimitBucket.deleteMany({ where: { resetAt: { lte: now } } });
  return r.count;
}
