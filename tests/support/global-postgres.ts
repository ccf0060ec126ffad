// Creates one migrated template database on the PostgreSQL server in TEST_DATABASE_URL; each test file clones it
// (CREATE DATABASE … TEMPLATE) and drops its clone afterwards. The template is dropped when the run ends.
import { randomBytes } from "node:crypto";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "../../lib/db/migrations";
import { rawFromUrl } from "../../lib/db/raw";
import { withDatabase } from "./pg-url";

export default async function setup(project: TestProject) {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error("TEST_DATABASE_URL is not set");
  const name = `tillit_tmpl_${randomBytes(4).toString("hex")}`;
  const admin = await rawFromUrl(base);
  await admin.query(`CREATE DATABASE "${name}"`);
  await applyMigrations({ kind: "postgres", url: withDatabase(base, name) });
  project.provide("pgTemplate", name);
  project.provide("pgBaseUrl", base);
  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.close();
  };
}
