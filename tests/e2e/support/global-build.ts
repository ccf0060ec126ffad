// vitest globalSetup for the e2e project: builds the app once per run (`next build`), unless the existing build is
// newer than every source it depends on, or E2E_REUSE_BUILD=1. Each test file then starts its own `next start`.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** Absolute path of the app whose .next build the tests run. */
    e2eAppDir: string;
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
}
