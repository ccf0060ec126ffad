// What GET /api/health reports: is the database reachable, are all migrations applied and unchanged, which version.
import type { Db } from "@/lib/db/client";
import { checkMigrations, describeProblem } from "@/lib/db/migrations";
import { rawFromPrisma } from "@/lib/db/raw";

export type Health = {
  status: "ok" | "degraded" | "down";
  version: string;
  database: { reachable: boolean; kind: "postgres" | "pglite" };
  migrations: { applied: boolean; problems: string[] };
};

export async function checkHealth(opts: { db: Db; version: string; kind: "postgres" | "pglite" }): Promise<Health> {
  const base = { version: opts.version, database: { reachable: false, kind: opts.kind } };
  try {
    await opts.db.$queryRaw`SELECT 1`;
  } catch {
    return { status: "down", ...base, migrations: { applied: false, problems: ["database unreachable"] } };
  }
  const problems = await checkMigrations(rawFromPrisma(opts.db));
  return {
    status: problems.length === 0 ? "ok" : "degraded",
    version: opts.version,
    database: { reachable: true, kind: opts.kind },
    migrations: { applied: problems.length === 0, problems: problems.map(describeProblem) },
  };
}
