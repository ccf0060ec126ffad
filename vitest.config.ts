import path from "node:path";
import { defineConfig } from "vitest/config";

// Test projects: unit (no database), integration on PGlite (always) and on PostgreSQL (when TEST_DATABASE_URL is set),
// browser tests in Chromium (when E2E=1), and repeated `npm run dev` starts (when DEV_SERVER=1). Tool configuration
// may read process.env; app code may not.
const alias = {
  "@": path.resolve(import.meta.dirname),
  "server-only": path.resolve(import.meta.dirname, "tests/support/empty.ts"),
};
const pgUrl = process.env.TEST_DATABASE_URL;
const e2e = process.env.E2E === "1";
const devServer = process.env.DEV_SERVER === "1";

const integration = (name: string, kind: "pglite" | "postgres") => ({
  resolve: { alias },
  test: {
    name,
    include: ["tests/integration/**/*.test.ts"],
    globalSetup: [kind === "pglite" ? "tests/support/global-pglite.ts" : "tests/support/global-postgres.ts"],
    env: { TILLIT_TEST_DB: kind, NODE_ENV: "test" as const },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

export default defineConfig({
  test: {
    // Two files at a time where files share nothing (unit; integration, one database per file): on CI's 2 cores
    // Vitest's default is 1, and most of an integration file's time is spent waiting on PostgreSQL or a child process.
    // The crash and browser projects keep one file at a time (fileParallelism: false), after the rest: they start
    // servers, workers and private clusters, and their timing must not depend on what runs beside them.
    maxWorkers: 2,
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], env: { NODE_ENV: "test" as const } },
      },
      integration("integration-pglite", "pglite"),
      ...(pgUrl ? [integration("integration-postgres", "postgres")] : []),
      // Worker processes killed mid-mailing: needs PostgreSQL, so it exists only when TEST_DATABASE_URL is set.
      ...(pgUrl
        ? [
            {
              resolve: { alias },
              test: {
                name: "crash",
                include: ["tests/crash/**/*.test.ts"],
                globalSetup: ["tests/support/global-postgres.ts"],
                env: { TILLIT_TEST_DB: "postgres", NODE_ENV: "test" as const },
                testTimeout: 300_000,
                hookTimeout: 180_000,
                fileParallelism: false,
              },
            },
          ]
        : []),
      ...(e2e
        ? [
            {
              resolve: { alias },
              test: {
                name: "e2e",
                include: ["tests/e2e/**/*.test.ts"],
                globalSetup: ["tests/e2e/support/global-build.ts"],
                // The longest journeys (a privacy request followed into the audit trail, sign-in → edit → role in two
                // languages with axe on every page) take ~25 s on a quiet 2-core machine and timed out at 60 s when
                // the machine ran other test runs at the same time (load 7): a timeout here is never a finding.
                testTimeout: 120_000,
                hookTimeout: 180_000,
                fileParallelism: false,
              },
            },
          ]
        : []),
      // `npm run dev` started and stopped several times in a row, pages driven in Chromium (issue 11: reload loop).
      // Minutes long and it uses the project's own .next, so only on request: DEV_SERVER=1 (CI runs it).
      ...(devServer
        ? [
            {
              resolve: { alias },
              test: {
                name: "dev-server",
                include: ["tests/dev/**/*.test.ts"],
                testTimeout: 600_000,
                hookTimeout: 120_000,
                fileParallelism: false,
              },
            },
          ]
        : []),
    ],
  },
});
