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
