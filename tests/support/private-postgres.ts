// A PostgreSQL cluster of one test's own (Debian's pg_createcluster, trust auth on 127.0.0.1), for tests that restart
// or stop the server: the shared server on 5432 serves the other test projects at the same time and is never touched.
// The cluster's name carries this process's id, so a run killed before its afterAll leaves a cluster the next run
// recognises as orphaned (its process is gone) and drops. Runs as root: the server itself runs as the postgres user.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import { freePort } from "./free-port";

const PREFIX = "tillit_fault_";

export type PrivatePostgres = {
  /** A URL for `database` on this cluster (user postgres, no password). */
  url: (database: string) => string;
  /** `pg_ctlcluster … restart -m fast`: every connection is closed, the server is back when it returns. */
  restart: () => void;
  /** Stopped without a shutdown checkpoint (a crash, as far as the server can tell), kept down, started again. */
  crashAndStart: (downMs: number) => Promise<void>;
  drop: () => void;
};

const version = () =>
  readdirSync("/usr/lib/postgresql")
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a))[0]!;

function run(args: string[]): string {
  return execFileSync(args[0]!, args.slice(1), { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Drops clusters of this kind whose creating process is gone (a run killed before its afterAll). */
function dropOrphans(ver: string): void {
  for (const line of run(["pg_lsclusters", "--no-header"]).split("\n")) {
    const [v, name] = line.trim().split(/\s+/);
    if (v !== ver || !name?.startsWith(PREFIX)) continue;
    const pid = Number(name.slice(PREFIX.length).split("_")[0]);
    if (Number.isInteger(pid) && alive(pid)) continue;
    run(["pg_dropcluster", "--stop", ver, name]);
  }
}

export async function createPrivatePostgres(): Promise<PrivatePostgres> {
  const ver = version();
  dropOrphans(ver);
  const name = `${PREFIX}${process.pid}_${randomBytes(3).toString("hex")}`;
  let port = 0;
  for (let attempt = 0; ; attempt++) {
    port = await freePort();
    try {
      // fsync off: nothing here outlives the test, and a restart's checkpoint is quick on a busy machine. Commits
      // still reach the operating system before they return, so a stop without checkpoint loses nothing committed.
      run([
        "pg_createcluster",
        ver,
        name,
        "-p",
        String(port),
        "-o",
        "fsync=off",
        "-o",
        "full_page_writes=off",
        "--start",
        "--",
        "--auth=trust",
      ]);
      break;
    } catch (e) {
      // Half made (most often: the port was taken before the server bound it): remove and try another port.
      try {
        run(["pg_dropcluster", "--stop", ver, name]);
      } catch {
        // Never got as far as existing.
      }
      if (attempt >= 3) throw e;
    }
  }
  const ctl = (...args: string[]) => run(["pg_ctlcluster", "--skip-systemctl-redirect", ver, name, ...args]);
  return {
    url: (database) => `postgresql://postgres@127.0.0.1:${port}/${database}`,
    restart: () => ctl("restart", "-m", "fast"),
    crashAndStart: async (downMs) => {
      ctl("stop", "-m", "immediate");
      await new Promise((r) => setTimeout(r, downMs));
      ctl("start");
    },
    drop: () => run(["pg_dropcluster", "--stop", ver, name]),
  };
}
