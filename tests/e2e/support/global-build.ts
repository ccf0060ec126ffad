// vitest globalSetup for the e2e project: builds the app once per run (`next build`), unless the existing build is
// newer than every source it depends on, or E2E_REUSE_BUILD=1. Each test file then starts its own `next start`.
// It also migrates and seeds one embedded database (the `prepare` step of `npm run dev`) that every test file copies:
// preparing one per file took 10-17 s each, 46 times per run.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** Absolute path of the app whose .next build the tests run. */
    e2eAppDir: string;
    /** A migrated, seeded PGlite data directory to copy, and the suppression key its address hashes were made with. */
    e2eTemplate: { pgliteDir: string; suppressionKey: string };
  }
}

const ROOT = path.resolve(import.meta.dirname, "../../..");
const SOURCE_DIRS = ["app", "lib", "emails"];
const SOURCE_FILES = ["package.json", "next.config.js", "proxy.ts", "instrumentation.ts", "tsconfig.json"];

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) {
    if (entry === "node_modules") continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

function buildIsFresh(): boolean {
  const buildId = path.join(ROOT, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return false;
  const builtAt = statSync(buildId).mtimeMs;
  const sources = [...SOURCE_DIRS, ...SOURCE_FILES].map((p) => newestMtime(path.join(ROOT, p)));
  return sources.every((mtime) => mtime < builtAt);
}

export default function setup(project: TestProject) {
  const reuse = process.env.E2E_REUSE_BUILD === "1";
  if (reuse && !existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
    throw new Error("E2E_REUSE_BUILD=1 but there is no .next/BUILD_ID: run `npx next build` first.");
  }
  if (!reuse && !buildIsFresh()) {
    console.log("[e2e] building the app with `next build` ...");
    const started = Date.now();
    const result = spawnSync(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "build"], {
      cwd: ROOT,
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (result.status !== 0) throw new Error(`next build failed (exit code ${result.status ?? result.signal})`);
    console.log(`[e2e] built in ${Math.round((Date.now() - started) / 1000)} s`);
  } else {
    console.log("[e2e] reusing the existing .next build");
  }
  project.provide("e2eAppDir", ROOT);

  const templateDir = mkdtempSync(path.join(os.tmpdir(), "tillit-e2e-template-"));
  const suppressionKey = randomBytes(32).toString("base64url");
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ["DATABASE_URL", "TEST_DATABASE_URL", "RESEND_API_KEY", "RESEND_BASE_URL", "NEXT_PHASE"])
    delete env[name];
  const prepared = spawnSync(
    path.join(ROOT, "node_modules/.bin/tsx"),
    ["--import", "./lib/node/server-only-hook.mjs", "lib/db/cli.ts", "prepare"],
    {
      cwd: ROOT,
      encoding: "utf8",
      env: {
        ...env,
        NODE_ENV: "production",
        DATA_DIR: templateDir,
        // The seed hashes addresses with this key; every server copying the template is started with it.
        SUPPRESSION_HMAC_KEY: suppressionKey,
        // The seed sends nothing and signs nothing: these only make the configuration valid.
        AUTH_SECRET: randomBytes(32).toString("base64url"),
        LINK_SIGNING_KEYS: `tpl:${randomBytes(32).toString("base64url")}`,
        PUBLIC_URL: "http://127.0.0.1:3000",
        MAIL_TRANSPORT: "outbox",
      },
    },
  );
  if (prepared.status !== 0) {
    throw new Error(`preparing the e2e database failed (${prepared.status}):\n${prepared.stdout}${prepared.stderr}`);
  }
  project.provide("e2eTemplate", { pgliteDir: path.join(templateDir, "pglite"), suppressionKey });
  return () => rmSync(templateDir, { recursive: true, force: true });
}
