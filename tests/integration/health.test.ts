import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkHealth } from "@/lib/health/check-health";
import { createTestDb, type TestDb } from "../support/db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.close());

describe("health", () => {
  it("reports a reachable, fully migrated database", async () => {
    const h = await checkHealth({ db: t.db, version: "1.2.3", kind: t.kind });
    expect(h).toEqual({
      status: "ok",
      version: "1.2.3",
      database: { reachable: true, kind: t.kind },
      migrations: { applied: true, problems: [] },
    });
  });

  it("reports an applied migration whose checksum no longer matches", async () => {
    await t.raw.query(
      // The first migration (init), by name: the table's physical order is no order.
      `UPDATE _prisma_migrations SET checksum = 'x'
        WHERE migration_name = (SELECT min(migration_name) FROM _prisma_migrations)`,
    );
    const h = await checkHealth({ db: t.db, version: "1.2.3", kind: t.kind });
    expect(h.status).toBe("degraded");
    expect(h.migrations.problems[0]).toMatch(/prisma\/migrations\/\d+_init\/migration\.sql no longer matches/);
  });
});
