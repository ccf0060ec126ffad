// The readiness checks of GET /api/health/ready (lib/health/check-readiness.ts) run against a database given by URL,
// for scripts/backup-restore-check.sh: the database answers, and every migration in prisma/migrations is applied,
// finished and unchanged (checksums in _prisma_migrations). Exits 1 when either fails, naming each migration problem.
// The worker-heartbeat check is printed but does not count: a restored copy has no worker of its own, and heartbeat
// rows copied from a live source (less than a minute old) would make it pass for the wrong reason.
//
//   npx tsx --import ./lib/node/server-only-hook.mjs scripts/check-restored-database.ts <postgresql://…>
import { createDb } from "@/lib/db/client";
import { checkMigrations, describeProblem } from "@/lib/db/migrations";
import { rawFromUrl } from "@/lib/db/raw";
import { checkReadiness } from "@/lib/health/check-readiness";

async function main(): Promise<number> {
  const url = process.argv[2];
  if (!url || !/^postgres(ql)?:\/\//.test(url)) {
    console.error("Usage: check-restored-database.ts <postgresql://…>");
    return 2;
  }
  const { db, close } = await createDb({ kind: "postgres", url });
  try {
    const readiness = await checkReadiness({ db });
    const { database, migrations, workers } = readiness.checks;
    console.log(`readiness: database ${database}, migrations ${migrations}, workers ${workers} (not required here)`);
    if (migrations !== "pass") {
      const raw = await rawFromUrl(url);
      try {
        for (const p of await checkMigrations(raw)) console.log(`  ${describeProblem(p)}`);
      } finally {
        await raw.close();
      }
    }
    return database === "pass" && migrations === "pass" ? 0 : 1;
  } finally {
    await close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
    process.exit(1);
  },
);
