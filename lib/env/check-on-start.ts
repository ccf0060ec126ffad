import "server-only";
import { assertMigrationsIntact } from "@/lib/db/assert-migrations-intact";
import { getDb } from "@/lib/db/client";
import { getPolicy } from "@/lib/policy/current-policy";
import { recordPolicyVersionOnStart } from "@/lib/policy/record-policy-version";
import { getConfig, isBuildPhase } from "./config";

/**
 * Server start: configuration and policy file valid, applied migrations unchanged, the running policy version recorded.
 * Skipped while `next build` prerenders.
 */
export async function checkOnStart(): Promise<void> {
  if (isBuildPhase()) return;
  getConfig();
  getPolicy();
  await assertMigrationsIntact();
  await recordPolicyVersionOnStart(await getDb(), "web");
}

/**
 * The same, for instrumentation.ts: a failed check ends the process. Next.js only logs an error thrown by the
 * instrumentation hook and goes on serving ("Ready"), which would leave a server running on a wrong configuration or
 * policy file; and the logger keeps no error messages. The checks' messages name variables, fields and files, never
 * values, and nothing personal exists before the first request, so the message is printed for the operator to fix.
 */
export async function checkOnStartOrExit(): Promise<void> {
  try {
    await checkOnStart();
  } catch (e) {
    const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    process.stderr.write(`Tillit will not start.\n${message}\n`);
    process.exit(1);
  }
}
