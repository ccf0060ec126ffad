// Starts `npm run dev` in the project folder on a free port, the way a contributor does, and stops it the way a
// contributor's script or an impatient terminal does: SIGTERM to the process that was started, SIGKILL after 2 s.
// Everything the start spawned (npm, the shell, `next dev`, next-server, Turbopack's workers) shares one process
// group; `reap()` ends whatever of that group is still alive, so a test never leaves a server behind.
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { freePort } from "../../support/free-port";

export const ROOT = path.resolve(import.meta.dirname, "../../..");

export type DevServer = {
  /** http://localhost:<port>: `next dev` serves its scripts and HMR socket to localhost only. */
  url: string;
  port: number;
  pid: number;
  /** Everything the start printed so far. */
  output: () => string;
  /** Lines "✓ Compiled in …" printed so far (Turbopack rebuilt after a file change). */
  recompiles: () => number;
  /** SIGTERM to the started process, SIGKILL after 2 s if it is still alive; resolves once it has exited. */
  stop: () => Promise<void>;
  /** The start's processes still alive, as "pid command line" (after stop(): what it left behind). */
  survivors: () => string[];
  /** SIGKILL to the whole process group (whatever is left), then wait until it is gone. */
  reap: () => Promise<void>;
};

function groupMembers(pgid: number): number[] {
  // /proc is enough on Linux (CI); `ps` output would need parsing anyway.
  const members: number[] = [];
  try {
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
        // pid (comm) state ppid pgrp ... ; comm may contain spaces and parentheses: split after the last ")".
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        if (Number(fields[2]) === pgid && fields[0] !== "Z") members.push(Number(entry));
      } catch {
        // the process ended while we looked
      }
    }
  } catch {
    // no /proc: fall back to "is anyone in the group alive"
    try {
      process.kill(-pgid, 0);
      members.push(pgid);
    } catch {
      // nobody
    }
  }
  return members;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitUntilReady(url: string, child: ChildProcess, output: () => string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer";
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`npm run dev exited (${child.exitCode ?? child.signalCode}) before it answered:\n${output()}`);
    }
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(30_000) });
      if (res.ok) return;
      last = `HTTP ${res.status}`;
    } catch (e) {
      last = String(e);
    }
    await sleep(500);
  }
  throw new Error(
    `npm run dev at ${url} did not answer /api/health within ${timeoutMs} ms (last: ${last}):\n${output()}`,
  );
}

export async function startDevServer(
  opts: { env?: Record<string, string | undefined>; port?: number; readyTimeoutMs?: number } = {},
): Promise<DevServer> {
  const port = opts.port ?? (await freePort());
  const url = `http://localhost:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PORT: String(port) };
  // Never a database or mail provider configured for other tests, and never the test runner's NODE_ENV.
  for (const name of ["DATABASE_URL", "TEST_DATABASE_URL", "RESEND_API_KEY", "RESEND_BASE_URL", "NODE_ENV", "VITEST"])
    delete env[name];
  for (const [name, value] of Object.entries(opts.env ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  // Own process group (detached) so that reap() can end everything this start spawned.
  const child = spawn("npm", ["run", "dev"], { cwd: ROOT, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  if (child.pid === undefined) throw new Error("npm run dev did not start");
  const pid = child.pid;
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(pid, "SIGTERM");
    } catch {
      return;
    }
    const killed = await Promise.race([exited.then(() => true), sleep(2_000).then(() => false)]);
    if (!killed) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // gone meanwhile
      }
      await exited;
    }
  };
  const survivors = () =>
    groupMembers(pid).map((p) => {
      try {
        return `${p} ${readFileSync(`/proc/${p}/cmdline`, "utf8").replaceAll("\0", " ").trim().slice(0, 200)}`;
      } catch {
        return String(p);
      }
    });
  const reap = async () => {
    await stop();
    for (let i = 0; i < 50 && groupMembers(pid).length > 0; i++) {
      try {
        process.kill(-pid, "SIGKILL");
      } catch {
        break;
      }
      await sleep(100);
    }
  };
  const server: DevServer = {
    url,
    port,
    pid,
    output: () => output,
    recompiles: () => output.match(/Compiled in /g)?.length ?? 0,
    stop,
    survivors,
    reap,
  };
  try {
    await waitUntilReady(url, child, () => output, opts.readyTimeoutMs ?? 240_000);
  } catch (e) {
    await reap();
    throw e;
  }
  return server;
}
