// Migrates one in-memory PGlite database with the real migration runner, then hands its data directory (a tarball) to
// every test file, which loads it into a fresh PGlite of its own: one database per file, migrated once per run.
import { writeFileSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createPglite } from "../../lib/db/pglite";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "../../lib/db/migrations";

export default async function setup(project: TestProject) {
  const pg = await createPglite();
  await applyMigrations({ kind: "pglite", pglite: pg });
  const dump = await pg.dumpDataDir("none");
  await pg.close();
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "tillit-pglite-")), "template.tar");
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("pgliteTemplate", file);
}
