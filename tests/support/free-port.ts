// A port for a server the tests start as a separate process.
// Why not listen(0): the kernel hands out ports from the ephemeral range (32768–60999 here), the same range it uses for
// the local end of outgoing connections. Between "this port was free" and the child's listen() — seconds, while the
// database is migrated and seeded — a PostgreSQL or HTTP client connection can take it, and `next start` dies with
// EADDRINUSE (CI failed that way once). Ports below the ephemeral range are only ever taken by listeners, so a random
// one that binds now stays free unless another test picks the same one; callers still retry on EADDRINUSE.
import { createServer } from "node:net";

const LOW = 20_000;
const HIGH = 32_000;

function tryBind(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = LOW + Math.floor(Math.random() * (HIGH - LOW));
    if (await tryBind(port)) return port;
  }
  throw new Error(`No free port between ${LOW} and ${HIGH} after 50 tries`);
}

/** True when a server's output says its port was taken (worth another try on a new port). */
export const portWasTaken = (output: string) => output.includes("EADDRINUSE");
