// Prisma CLI configuration (Prisma 7: no URL in the schema). Used by `prisma generate` and, on a connected machine,
// `prisma migrate deploy`. Our own runner (lib/db/migrations.ts) applies migrations offline with the Wasm engine.
import { existsSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";

// The native schema engine is downloaded from Prisma's host, unreachable here; `prisma generate` does not need it but
// checks that the variable names a file. Only set it when no engine is cached, so connected machines keep the real one.
const cachedEngine = path.join("node_modules", "@prisma", "engines", "schema-engine-debian-openssl-3.0.x");
if (!process.env.PRISMA_SCHEMA_ENGINE_BINARY && !existsSync(cachedEngine)) {
  process.env.PRISMA_SCHEMA_ENGINE_BINARY = path.resolve("package.json");
}

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/unused" },
});
