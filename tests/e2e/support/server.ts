// Starts the built app with `next start` on a free port, on a fresh embedded database in a temporary DATA_DIR, and
// stops it again. One server per test file (beforeAll / afterAll), so files never share data.
// The server sends mail the way production does, through the Resend SDK, to the contract-checked fake Resend API
// running in this test process (tests/support/fake-resend.ts); tests read what was sent from it (`server.mails`).
// The dev mailbox never exists in production (lib/env/config.ts), so it is no way to read mail here.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { startFakeResend, type FakeResend } from "../../support/fake-resend";
import { freePort, portWasTaken } from "../../support/free-port";
import { sentMails, type SentMail } from "./mailbox";

export type AppServer = {
  /** http://127.0.0.1:<port>, no trailing slash. */
  url: string;
  port: number;
  dataDir: string;
  /** Everything the server printed so far (for failure messages). */
  output: () => string;
  /** Mail the app sent (to `to`, when given), newest first. */
  mails: (to?: string) => SentMail[];
  /** The fake Resend API the app sends through (requests, contract violations). */
  resend: FakeResend;
  /** Sends a signal to `next start` itself (not its process group), as an orchestrator stopping it would. */
  signal: (signal: NodeJS.Signals) => void;
  /** Resolves when `next start` has exited, with its exit code (null when a signal ended it) and the signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop: () => Promise<void>;
};

const secret = () => randomBytes(32).toString("base64url");

function baseEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  // The app must use its own embedded database, never one configured for other tests.
  for (const name of ["DATABASE_URL", "TEST_DATABASE_URL", "RESEND_API_KEY", "RESEND_BASE_URL", "NEXT_PHASE"])
    delete env[name];
  return env;
}

function run(command: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv }): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...opts, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(" ")} exited with ${code}:\n${output}`)),
    );
  });
}

async function waitUntilHealthy(url: string, child: ChildProcess, output: () => string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer";
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`next start exited (${child.exitCode ?? child.signalCode}) before it was healthy:\n${output()}`);
    }
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5_000) });
      if (res.ok) return;
      last = `HTTP ${res.status}: ${await res.text()}`;
    } catch (e) {
      last = String(e);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The server at ${url} was not healthy within ${timeoutMs} ms (last: ${last}):\n${output()}`);
}

export async function startServer(
  opts: {
    env?: Record<string, string>;
    /** Changes to the seeded database before the server opens it (the embedded database belongs to one process). */
    beforeStart?: (db: Db) => Promise<void>;
    /** Leave the yearly registration notice on (it is turned off for every other test server). */
    registrationNotice?: boolean;
  } = {},
): Promise<AppServer> {
  const appDir = inject("e2eAppDir");
  let port = await freePort();
  let url = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "tillit-e2e-"));
  const resend = await startFakeResend();
  const env: NodeJS.ProcessEnv = {
    ...baseEnv(),
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATA_DIR: dataDir,
    PUBLIC_URL: url,
    MAIL_TRANSPORT: "resend",
    RESEND_API_KEY: "re_e2e_fake",
    RESEND_BASE_URL: resend.url,
    AUTH_SECRET: secret(),
    SUPPRESSION_HMAC_KEY: secret(),
    LINK_SIGNING_KEYS: `e2e1:${secret()}`,
    ...opts.env,
  };

  try {
    const template = inject("e2eTemplate");
    if (!opts.env?.DATA_DIR && !opts.env?.SUPPRESSION_HMAC_KEY) {
      // A copy of the database global-build.ts migrated and seeded once for the run (same seed, same key).
      cpSync(template.pgliteDir, path.join(dataDir, "pglite"), { recursive: true });
      env.SUPPRESSION_HMAC_KEY = template.suppressionKey;
    } else {
      // A test that brings its own data directory or key: migrate and seed it the way `npm run dev` does.
      await run(
        path.join(appDir, "node_modules/.bin/tsx"),
        ["--import", "./lib/node/server-only-hook.mjs", "lib/db/cli.ts", "prepare"],
        { cwd: appDir, env },
      );
    }
    // The database the server will open: a test may give its own DATA_DIR (prepared before) in opts.env.
    const { db, close } = await createDb({ kind: "pglite", dir: path.join(env.DATA_DIR ?? dataDir, "pglite") });
    try {
      // The yearly registration notice would go out at the in-process worker's first catch-up to every demo contact
      // not mailed in a year, into the mailboxes the tests read: off here, unless a test turns it on.
      if (!opts.registrationNotice)
        await db.registerSetting.upsert({
          where: { id: 1 },
          create: { id: 1, registrationNoticeOn: false },
          update: { registrationNoticeOn: false },
        });
      if (opts.beforeStart) await opts.beforeStart(db);
    } finally {
      await close();
    }
  } catch (e) {
    rmSync(dataDir, { recursive: true, force: true });
    await resend.close();
    throw e;
  }

  // Another process can still take the port before `next start` binds it: then start again on a new one.
  for (let attempt = 1; ; attempt++) {
    try {
      const started = await startNext(appDir, port, env);
      const stop = async () => {
        await started.stop();
        rmSync(dataDir, { recursive: true, force: true });
        await resend.close();
      };
      const { output, signal, exited } = started;
      return { url, port, dataDir, output, mails: (to) => sentMails(resend, to), resend, signal, exited, stop };
    } catch (e) {
      if (attempt >= 3 || !(e instanceof PortTaken)) {
        rmSync(dataDir, { recursive: true, force: true });
        await resend.close();
        throw e;
      }
      port = await freePort();
      url = `http://127.0.0.1:${port}`;
      env.PUBLIC_URL = url;
    }
  }
}

class PortTaken extends Error {}

/**
 * Runs `next start` on `port` until it is healthy; stop() ends it (data directory and fake Resend are the caller's).
 * Exported for tests that bring their own database and environment (tests/e2e/postgres-restart-web.test.ts).
 */
export async function startNext(
  appDir: string,
  port: number,
  env: NodeJS.ProcessEnv,
): Promise<Pick<AppServer, "output" | "signal" | "exited" | "stop">> {
  const url = `http://127.0.0.1:${port}`;
  // Own process group (detached), so stop() ends next start and any worker it spawned.
  const child = spawn(
    process.execPath,
    [path.join(appDir, "node_modules/next/dist/bin/next"), "start", "--hostname", "127.0.0.1", "--port", String(port)],
    { cwd: appDir, env, detached: true, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );

  const kill = async () => {
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
      const timer = setTimeout(() => {
        try {
          if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
        } catch {
          // already gone
        }
      }, 5_000);
      await exited;
      clearTimeout(timer);
    }
  };

  try {
    await waitUntilHealthy(url, child, () => output);
  } catch (e) {
    await kill();
    if (portWasTaken(output)) throw new PortTaken(String(e));
    throw e;
  }
  return { output: () => output, signal: (signal) => child.kill(signal), exited, stop: kill };
}
