// `npm run worker` as a separate process for the crash tests: the bundle built once (buildWorkerBundle), started
// directly with node as `npm run worker` starts it, so that signals reach the worker itself and not npm.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { appendFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SECRET = "c".repeat(40);

export function buildWorkerBundle(): void {
  execFileSync(process.execPath, ["lib/jobs/build-worker.mjs"], { cwd: ROOT, stdio: "inherit" });
}

export type WorkerProcess = {
  child: ChildProcess;
  /** Everything it printed so far. */
  output: () => string;
  /** Resolves with its exit code (null when a signal ended it) and the signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

/**
 * Starts a worker on the database at `url`; `env` adds to or overrides the test defaults. `via: "npm"` runs
 * `npm run worker` itself (npm, its shell and the worker), as an operator would.
 */
export function startWorkerProcess(
  url: string,
  env: Record<string, string> = {},
  via: "node" | "npm" = "node",
): WorkerProcess {
  const [command, args] =
    via === "npm"
      ? ["npm", ["run", "--silent", "worker"]]
      : [process.execPath, ["--max-old-space-size=128", "--max-semi-space-size=4", ".worker/run-worker.mjs"]];
  const child = spawn(command, args, {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "test",
      DATABASE_URL: url,
      PUBLIC_URL: "https://prefs.example.com",
      AUTH_SECRET: SECRET,
      SUPPRESSION_HMAC_KEY: SECRET,
      LINK_SIGNING_KEYS: `k1:${SECRET}`,
      MALLOC_ARENA_MAX: "2",
      MAILING_LEASE_SECONDS: "5",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (d: Buffer) => {
    output += d.toString();
    if (process.env.CRASH_LOG) appendFileSync(process.env.CRASH_LOG, d);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => output, exited };
}

export async function waitFor(what: string, check: () => Promise<boolean> | boolean, ms = 120_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
