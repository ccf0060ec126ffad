// npm run db:migrate | db:migrate:create -- <name> | db:check | dev's "prepare" (migrate, then seed an empty database).
import { getConfig } from "@/lib/env/config";
import { applyMigrations, createMigration, diffMigrationsToSchema, MigrationError } from "./migrations";

async function main(): Promise<number> {
  const [command, arg] = process.argv.slice(2);
  switch (command) {
    case "migrate":
    case "prepare": {
      const config = getConfig();
      const where =
        config.database.kind === "postgres" ? "PostgreSQL (DATABASE_URL)" : `PGlite in ${config.database.dir}`;
      const applied = await applyMigrations(config.database);
      console.log(
        applied.length
          ? `Applied ${applied.length} migration(s) to ${where}: ${applied.join(", ")}`
          : `${where}: migrations up to date`,
      );
      if (command === "prepare") {
        const { seedIfEmpty } = await import("@/prisma/seed-demo");
        await seedIfEmpty(config.database);
      }
      // Contacts written before Contact.addressHash existed get it now (a no-op once done).
      const { createDb } = await import("./client");
      const { backfillAddressHashes } = await import("@/lib/segments/backfill-address-hashes");
      const { db, close } = await createDb(config.database);
      try {
        const filled = await backfillAddressHashes({ db, suppressionKey: config.suppressionKey });
        if (filled > 0) console.log(`Filled in the address hash of ${filled} contact(s)`);
      } finally {
        await close();
      }
      return 0;
    }
    case "create": {
      if (!arg) {
        console.error("Usage: npm run db:migrate:create -- <name>");
        return 2;
      }
      const dir = await createMigration(arg);
      console.log(
        dir
          ? `Wrote ${dir}/migration.sql: review it, then npm run db:migrate`
          : "The schema and the migrations agree: nothing to create.",
      );
      return 0;
    }
    case "check": {
      const { empty, sql } = await diffMigrationsToSchema();
      if (empty) {
        console.log("Migrations and prisma/schema.prisma agree.");
        return 0;
      }
      console.error(`Drift: the migrations do not produce prisma/schema.prisma. Missing SQL:\n${sql}`);
      return 1;
    }
    default:
      console.error("Usage: tsx lib/db/cli.ts migrate | prepare | create <name> | check");
      return 2;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(
      error instanceof MigrationError || (error instanceof Error && error.name === "ConfigError")
        ? error.message
        : error,
    );
    process.exit(1);
  },
);
