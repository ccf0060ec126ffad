import "server-only";
import { assertMigrationsIntact } from "@/lib/db/assert-migrations-intact";
import { getConfig, isBuildPhase } from "./config";

/** Server start: configuration valid, applied migrations unchanged. Skipped while `next build` prerenders. */
export async function checkOnStart(): Promise<void> {
  if (isBuildPhase()) return;
  getConfig();
  await assertMigrationsIntact();
}
