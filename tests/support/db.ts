// One fresh, migrated database per test file, on PGlite or PostgreSQL depending on the vitest project.
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createPglite } from "@/lib/db/pglite";
import { inject } from "vitest";
import type { DatabaseTarget } from "@/lib/db/adapter";
import { createDb, type Db } from "@/lib/db/client";
import { rawFromPglite, rawFromUrl, type RawSql } from "@/lib/db/raw";
import { withDatabase } from "./pg-url";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgTemplate: string;
    pgBaseUrl: string;
  }
}

export type TestDb = {
  kind: "pglite" | "postgres";
  db: Db;
  target: DatabaseTarget;
  /** Raw SQL on the same database, for set-up and for asserting what Prisma hides. */
  raw: RawSql;
  close: () => Promise<void>;
};

export const testDbKind = (): "pglite" | "postgres" =>
  process.env.TILLIT_TEST_DB === "postgres" ? "postgres" : "pglite";

export async function createTestDb(): Promise<TestDb> {
  if (testDbKind() === "pglite") {
    const pglite = await createPglite({ loadDataDir: new Blob([readFileSync(inject("pgliteTemplate"))]) });
    const target: DatabaseTarget = { kind: "pglite", pglite };
    const { db, close } = await createDb(target);
    return {
      kind: "pglite",
      db,
      target,
      raw: rawFromPglite(pglite),
      close: async () => {
        await close();
        await pglite.close();
      },
    };
  }
  const base = inject("pgBaseUrl");
  const name = `tillit_t_${randomBytes(6).toString("hex")}`;
  const admin = await rawFromUrl(base);
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${inject("pgTemplate")}"`);
      break;
    } catch (e) {
      // Two files cloning the template at the same instant can collide; wait and retry.
      if (attempt >= 10 || !String(e).includes("being accessed by other users")) throw e;
      await new Promise((r) => setTimeout(r, 200 + Math.random() * 300));
    }
  }
  const target: DatabaseTarget = { kind: "postgres", url: withDatabase(base, name) };
  const { db, close } = await createDb(target);
  const raw = await rawFromUrl(target.url);
  return {
    kind: "postgres",
    db,
    target,
    raw,
    close: async () => {
      await close();
      await raw.close();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.close();
    },
  };
}

/**
 * An empty database (no migrations) for tests of the migration runner itself, as the environment a child process
 * needs to reach it: DATABASE_URL for PostgreSQL, DATA_DIR for PGlite.
 */
export async function emptyTestDatabase(): Promise<{
  env: Record<string, string>;
  raw: () => Promise<RawSql>;
  drop: () => Promise<void>;
}> {
  if (testDbKind() === "pglite") {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "tillit-empty-"));
    return {
      env: { DATA_DIR: dataDir },
      raw: async () => {
        const pglite = await createPglite({ dataDir: path.join(dataDir, "pglite") });
        return { ...rawFromPglite(pglite), close: () => pglite.close() };
      },
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const base = inject("pgBaseUrl");
  const name = `tillit_e_${randomBytes(6).toString("hex")}`;
  const admin = await rawFromUrl(base);
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = withDatabase(base, name);
  return {
    env: { DATABASE_URL: url },
    raw: () => rawFromUrl(url),
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.close();
    },
  };
}
