// `npm run worker`: a background worker process for PostgreSQL deployments. Start as many as you like; they share the
// queues through the database. SIGTERM/SIGINT stop it within WORKER_SHUTDOWN_SECONDS (stop-on-signal.ts).
import { createDb } from "@/lib/db/client";
import { getConfig } from "@/lib/env/config";
import { logger } from "@/lib/log/logger";
import { getPolicy } from "@/lib/policy/current-policy";
import { recordPolicyVersionOnStart } from "@/lib/policy/record-policy-version";
import { startBoss } from "./boss";
import { superviseIntervalFor } from "./queues";
import { startWorkers, type Workers } from "./start-workers";
import { stopOnSignal } from "./stop-on-signal";

async function main() {
  const config = getConfig();
  // A wrong policy file stops the worker as it stops the web server (the retention job reads its rules).
  getPolicy();
  if (config.database.kind !== "postgres") {
    logger().error(
      "npm run worker needs DATABASE_URL (PostgreSQL). On the embedded database the web server runs the workers itself.",
    );
    process.exit(1);
  }
  const log = (message: string) => logger().info({ component: "worker" }, message);
  const { db, close } = await createDb(config.database);
  // Listening before the workers start, so a signal during start-up waits for them and then stops them too.
  const running: { workers?: Promise<Workers> } = {};
  stopOnSignal({
    boundMs: config.workerShutdownSeconds * 1000,
    log,
    stop: async (graceMs) => {
      const workers = await running.workers?.catch(() => undefined);
      await workers?.stop({ graceMs });
      await close();
    },
  });
  await recordPolicyVersionOnStart(db, "worker");
  running.workers = startBoss(config.database, {
    superviseIntervalSeconds: superviseIntervalFor(config.jobs.leaseSeconds),
  }).then((boss) => startWorkers({ db, boss, config }));
  await running.workers;
  logger().info({ component: "worker", concurrency: config.jobs.concurrency }, "worker started");
}

main().catch((error) => {
  logger().error({ err: error, component: "worker" }, "worker failed to start");
  process.exit(1);
});
