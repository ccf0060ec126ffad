// PGlite has no lock of its own: two processes opening one data directory corrupt it (say `npm run db:migrate` while
// `npm run dev` runs). A pid file makes the second one stop with a clear message instead.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import path from "node:path";

export class DatabaseInUseError extends Error {}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function lockDataDir(dir: string): () => void {
  const file = path.join(dir, "tillit.pid");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off("exit", release);
        rmSync(file, { force: true });
      };
      process.on("exit", release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const pid = Number(readFileSync(file, "utf8"));
      if (pid === process.pid || (Number.isInteger(pid) && pid > 0 && alive(pid))) {
        throw new DatabaseInUseError(
          `The embedded database in ${dir} is in use by process ${pid} (is \`npm run dev\` or \`npm start\` running?). ` +
            "Stop it first, or set DATABASE_URL to use a PostgreSQL server.",
        );
      }
      rmSync(file, { force: true }); // left behind by a process that died
    }
  }
  throw new DatabaseInUseError(`Could not lock the embedded database in ${dir}`);
}
