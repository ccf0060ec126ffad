// What GET /api/health/ready answers: may this deployment take traffic? The database answers, every migration in
// prisma/migrations is applied and unchanged (as /api/health checks), and at least one worker process has beaten
// within the last minute (lib/jobs/worker-heartbeat.ts): without a worker no mailing, webhook, queued mail or
// retention run moves, and every deployment has one (`npm run worker`, or inside the web server on the embedded
// database). Each check is named pass or fail, without versions, file names or messages.
import "server-only";
import type { Db } from "@/lib/db/client";
import { checkMigrations, readMigrationFiles, type MigrationFile } from "@/lib/db/migrations";
import { rawFromPrisma } from "@/lib/db/raw";
import { countLiveWorkers } from "./count-live-workers";

export type CheckOutcome = "pass" | "fail" | "skipped";
export type Readiness = {
  ready: boolean;
  checks: { database: CheckOutcome; migrations: CheckOutcome; workers: CheckOutcome };
};

// The migration files this process was deployed with, read and hashed once: a probe every few seconds need not.
let deployed: MigrationFile[] | undefined;

export async function checkReadiness(opts: { db: Db }): Promise<Readiness> {
  try {
    await opts.db.$queryRaw`SELECT 1`;
  } catch {
    return { ready: false, checks: { database: "fail", migrations: "skipped", workers: "skipped" } };
  }
  const [problems, workers] = await Promise.all([
    Promise.resolve()
      .then(() => checkMigrations(rawFromPrisma(opts.db), (deployed ??= readMigrationFiles())))
      .catch(() => null),
    countLiveWorkers(opts.db).catch(() => 0),
  ]);
  const checks = {
    database: "pass",
    migrations: problems !== null && problems.length === 0 ? "pass" : "fail",
    workers: workers > 0 ? "pass" : "fail",
  } as const;
  return { ready: checks.migrations === "pass" && checks.workers === "pass", checks };
}
