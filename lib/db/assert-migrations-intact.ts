import "server-only";
import { logger } from "@/lib/log/logger";
import { getDb } from "./client";
import { checkMigrations, describeProblem, MigrationError } from "./migrations";
import { rawFromPrisma } from "./raw";

/** Refuses to serve on a database whose applied migrations no longer match their files. */
export async function assertMigrationsIntact(): Promise<void> {
  const problems = await checkMigrations(rawFromPrisma(await getDb()));
  const blocking = problems.filter((p) => p.kind !== "pending");
  for (const p of problems.filter((p) => p.kind === "pending"))
    logger().warn({ problem: describeProblem(p) }, "migration");
  if (blocking.length > 0)
    throw new MigrationError(`Tillit will not start:\n${blocking.map(describeProblem).join("\n")}`);
}
