// `npm run worker`: a background worker process for PostgreSQL deployments. Start as many as you like; they share the
// queues through the database. SIGTERM/SIGINT let batches in flight finish (up to 30 s) before exiting.
import { createDb } from "@/lib/db/client";
import { getConfig } from "@/lib/env/config";
import { logger } from "@/lib/log/logger";
import { getPolicy } from "@/lib/policy/current-policy";
import { recordPolicyVersionOnStart } from "@/lib/policy/record-policy-version";
import { startBoss } from "./boss";
import { superviseIntervalFor } from "./queues";
import { startWorkers } from "./start-workers";

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
  const { db, close } = await createDb(config.database);
  await recordPolicyVersionOnStart(db, "worker");
  const boss = await startBoss(config.database, {
    superviseIntervalSeconds: superviseIntervalFor(config.jobs.leaseSeconds),
  });
  const workers = await startWorkers({ db, boss, config });
  logger().info({ component: "worker", concurrency: config.jobs.concurrency }, "worker started");
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await workers.stop();
    await close();
    process.exit(0);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error) => {
  logger().error({ err: error, component: "worker" }, "worker failed to start");
  process.exit(1);
});
