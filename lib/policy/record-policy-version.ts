// The policy versions a deployment has run with, recorded in PolicyVersion: the file's SHA-256 (the version's
// identifier), its `version` block (effective date and change note) and its text, so a person's record can say which
// version applied when they entered the register and a privacy officer can compare any two versions after the file
// has moved on. Recording is an idempotent insert: the first process to run a version writes it, later ones find it.
//
// Three callers: start-up (the web server's check and `npm run worker`) records the running version as soon as the
// database is there; createContactsWithDefaults records it in its own transaction before it points a new contact at
// it (so tests and tools that never ran start-up still get the row the foreign key needs); and readers that list the
// versions call ensureCurrentPolicyVersion, which does it once per process and database.
import "server-only";
import type { Db } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";
import { getPolicy } from "./current-policy";
import type { Policy } from "./file/load-policy-file";

/** What createContactsWithDefaults' SQL handle offers (a Prisma transaction's or the bulk seed's raw client's). */
type Execute = { execute(sql: string, params: unknown[]): Promise<unknown> };

const INSERT_VERSION = `INSERT INTO "PolicyVersion" (hash, effective, note, source, "firstSeenAt")
  VALUES ($1, $2::date, $3::jsonb, $4, $5::timestamp)
  ON CONFLICT (hash) DO NOTHING`;

/** Records `policy`'s version unless it is there already; returns its hash. */
export async function recordPolicyVersion(sql: Execute, policy: Policy, now: Date = new Date()): Promise<string> {
  await sql.execute(INSERT_VERSION, [
    policy.hash,
    policy.version.effective,
    JSON.stringify(policy.version.note),
    policy.source,
    now.toISOString(),
  ]);
  return policy.hash;
}

export const executeOn = (db: Db): Execute => ({
  execute: (statement, params) => db.$executeRawUnsafe(statement, ...params),
});

// Per database client (each test file has its own) and per version (a test may point POLICY_FILE elsewhere).
const recorded = new WeakMap<Db, { hash: string; done: Promise<string> }>();

/** The running version, recorded once per process and database; returns its hash. */
export function ensureCurrentPolicyVersion(db: Db): Promise<string> {
  const policy = getPolicy();
  const known = recorded.get(db);
  if (known?.hash === policy.hash) return known.done;
  const done = recordPolicyVersion(executeOn(db), policy);
  recorded.set(db, { hash: policy.hash, done });
  // A failure (the table not migrated yet) is not remembered: the next caller tries again.
  done.catch(() => {
    if (recorded.get(db)?.done === done) recorded.delete(db);
  });
  return done;
}

/**
 * At start-up: record the running version. A database with the migration still pending cannot hold it yet; that is
 * a warning, not a refusal (start-up already warns about pending migrations), and the version is recorded when it is
 * first needed.
 */
export async function recordPolicyVersionOnStart(db: Db, component: string): Promise<void> {
  try {
    const hash = await ensureCurrentPolicyVersion(db);
    logger().info({ component, policyVersion: hash }, "policy version recorded");
  } catch (error) {
    logger().warn({ component, err: error }, "policy version not recorded at start-up");
  }
}
