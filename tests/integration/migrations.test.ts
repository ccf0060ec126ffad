// The migration runner against a real database (PGlite, and PostgreSQL when TEST_DATABASE_URL is set).
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  applyMigrations,
  checkMigrations,
  diffMigrationsToSchema,
  MIGRATIONS_DIR,
  MigrationError,
  readMigrationFiles,
} from "@/lib/db/migrations";
import { createTestDb, emptyTestDatabase, type TestDb } from "../support/db";

const run = promisify(execFile);

function copyMigrations(): string {
  const dir = path.join(mkdtempSync(path.join(os.tmpdir(), "tillit-mig-")), "migrations");
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.close());

describe("drift check", () => {
  it("finds no difference between the migrations and prisma/schema.prisma", async () => {
    const { empty, sql } = await diffMigrationsToSchema();
    expect(sql).toContain("empty migration");
    expect(empty).toBe(true);
  });

  it("fails when a column is removed from a migration", async () => {
    const dir = copyMigrations();
    const [first] = readMigrationFiles(dir);
    const file = path.join(dir, first!.name, "migration.sql");
    const sql = readFileSync(file, "utf8");
    const edited = sql.replace(/^\s*"jobTitle" TEXT,\n/m, "");
    expect(edited).not.toBe(sql);
    writeFileSync(file, edited);
    const { empty, sql: missing } = await diffMigrationsToSchema({ dir });
    expect(empty).toBe(false);
    expect(missing).toMatch(/ALTER TABLE "Contact" ADD COLUMN\s+"jobTitle" TEXT/);
  });
});

describe("applying", () => {
  it("records every migration in _prisma_migrations with Prisma's checksum", async () => {
    const rows = await t.raw.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      "SELECT migration_name, checksum, finished_at FROM _prisma_migrations ORDER BY migration_name",
    );
    const files = readMigrationFiles();
    expect(rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
    expect(rows.map((r) => r.checksum)).toEqual(files.map((f) => f.checksum));
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
    expect(await checkMigrations(t.raw)).toEqual([]);
  });

  it("is a no-op the second time", async () => {
    expect(await applyMigrations(t.target)).toEqual([]);
  });

  it("refuses to go on when an applied migration's file was edited, naming the file", async () => {
    const dir = copyMigrations();
    const [first] = readMigrationFiles(dir);
    const file = path.join(dir, first!.name, "migration.sql");
    writeFileSync(file, readFileSync(file, "utf8") + "\n-- edited after it was applied\n");
    const problems = await checkMigrations(t.raw, readMigrationFiles(dir));
    expect(problems).toEqual([
      { kind: "checksum", name: first!.name, file: `prisma/migrations/${first!.name}/migration.sql` },
    ]);
    const attempt = applyMigrations(t.target, { dir });
    await expect(attempt).rejects.toBeInstanceOf(MigrationError);
    await expect(attempt).rejects.toThrow(`prisma/migrations/${first!.name}/migration.sql`);
  });

  it("is safe from two processes at once", async () => {
    const empty = await emptyTestDatabase();
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "test" as const, ...empty.env };
      const cli = ["--import", "./lib/node/server-only-hook.mjs", "lib/db/cli.ts", "migrate"];
      const tsx = path.resolve("node_modules/.bin/tsx");
      const results = await Promise.allSettled([run(tsx, cli, { env }), run(tsx, cli, { env })]);
      if (t.kind === "postgres") {
        // Both succeed: the advisory lock serialises them and the second finds nothing to do.
        expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
        const out = results.map((r) => (r.status === "fulfilled" ? r.value.stdout : ""));
        expect(out.filter((o) => o.includes(`Applied ${readMigrationFiles().length} migration`))).toHaveLength(1);
        expect(out.filter((o) => o.includes("up to date"))).toHaveLength(1);
      } else {
        // An embedded data directory belongs to one process: the second stops with a clear message, not corruption.
        const refused = results.filter((r) => r.status === "rejected");
        expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
        expect(refused).toHaveLength(1);
        expect(String((refused[0] as PromiseRejectedResult).reason)).toContain("is in use by process");
      }
      const raw = await empty.raw();
      const rows = await raw.query<{ n: string }>("SELECT count(*)::text AS n FROM _prisma_migrations");
      await raw.close();
      expect(Number(rows[0]!.n)).toBe(readMigrationFiles().length);
    } finally {
      await empty.drop();
    }
  });
});
