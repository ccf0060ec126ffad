// scripts/backup-restore-check.sh on a migrated, seeded PostgreSQL database: the dump restores into a new database,
// the readiness checks pass there, the row counts match, and the copy is dropped; an applied migration whose
// checksum no longer matches its file makes it fail (exit 1), and the copy is dropped all the same.
// PostgreSQL only (pg_dump and pg_restore need a server): skipped in the PGlite project.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@/prisma/seed-demo";
import { createTestDb, testDbKind, type TestDb } from "@/tests/support/db";

const ROOT = path.resolve(import.meta.dirname, "../..");

describe.skipIf(testDbKind() !== "postgres")("backup and restore check", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await seedDemo({ db: t.db, suppressionKey: "s".repeat(40) });
  });
  afterAll(async () => {
    await t?.close();
  });

  const runCheck = () => {
    if (t.target.kind !== "postgres") throw new Error("PostgreSQL expected");
    const r = spawnSync("bash", ["scripts/backup-restore-check.sh", t.target.url], { cwd: ROOT, encoding: "utf8" });
    return { status: r.status, out: `${r.stdout}${r.stderr}` };
  };
  const copies = async () =>
    (await t.raw.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE '%_restore_check_%'`))
      .map((r) => r.datname)
      .filter((d) => d.startsWith(new URL((t.target as { url: string }).url).pathname.slice(1)));

  it("restores, checks and drops the copy", async () => {
    const { status, out } = runCheck();
    expect(out).toContain("readiness: database pass, migrations pass");
    expect(out).toMatch(/Contact\s+27\s+ok/);
    expect(out).not.toContain("MISMATCH");
    expect(out).toContain("PASS");
    expect(status).toBe(0);
    expect(await copies()).toEqual([]);
  }, 120_000);

  it("fails on an edited migration, and still drops the copy", async () => {
    const [row] = await t.raw.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM _prisma_migrations ORDER BY started_at DESC LIMIT 1`,
    );
    await t.raw.query(`UPDATE _prisma_migrations SET checksum = 'edited' WHERE migration_name = $1`, [
      row!.migration_name,
    ]);
    try {
      const { status, out } = runCheck();
      expect(out).toContain("migrations fail");
      expect(out).toContain(`Migration ${row!.migration_name} was changed after it was applied`);
      expect(status).toBe(1);
      expect(await copies()).toEqual([]);
    } finally {
      await t.raw.query(`UPDATE _prisma_migrations SET checksum = $2 WHERE migration_name = $1`, [
        row!.migration_name,
        row!.checksum,
      ]);
    }
  }, 120_000);
});
