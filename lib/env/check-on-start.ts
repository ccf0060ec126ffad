import "server-only";
import { assertMigrationsIntact } from "@/lib/db/assert-migrations-intact";
import { getPolicy } from "@/lib/policy/current-policy";
import { getConfig, isBuildPhase } from "./config";

/** Server start: configuration and policy file valid, applied migrations unchanged. Skipped while `next build` prerenders. */
export async function checkOnStart(): Promise<void> {
  if (isBuildPhase()) return;
  getConfig();
  getPolicy();
  await assertMigrationsIntact();
}
