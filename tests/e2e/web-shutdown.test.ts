// `next start` stopped with SIGTERM while a request is in flight, as an orchestrator or a rolling deployment stops an
// instance: it refuses new connections at once (the load balancer sends them to another instance), the request in
// flight is answered in full, and then the process exits. Next.js 16 does most of this itself
// (server/lib/start-server.js: server.close(), then the app's close, then exit 143); the request here comes over a
// keep-alive connection, as from a load balancer's connection pool, which server.close() would leave open (and
// usable) until idle for keepAliveTimeout: lib/http/drain-on-shutdown.ts answers it with `Connection: close`.
//
// The request in flight is a Resend webhook whose body arrives in two parts, the second only after the signal: the
// handler is waiting for the rest of the body (lib/http/read-limited-body.ts) when the server is told to stop, then
// checks the signature and answers 401, all of which must happen.
import { randomBytes } from "node:crypto";
import http from "node:http";
import net from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startServer, type AppServer } from "./support/server";

let server: AppServer;

beforeAll(async () => {
  server = await startServer({ env: { RESEND_WEBHOOK_SECRET: `whsec_${randomBytes(32).toString("base64")}` } });
});
afterAll(async () => server?.stop());

const refusesConnections = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", (e: NodeJS.ErrnoException) => resolve(e.code === "ECONNREFUSED"));
  });

it("finishes the request in flight after SIGTERM, refuses new connections, then exits", async () => {
  const body = JSON.stringify({ type: "email.delivered", created_at: new Date().toISOString(), data: {} });
  const half = Math.floor(body.length / 2);
  // A pooled connection that has served a request already, as a load balancer's would.
  const pool = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const first = await new Promise<http.IncomingMessage>((resolve, reject) =>
    http.get(`${server.url}/api/health`, { agent: pool }, resolve).once("error", reject),
  );
  first.resume();
  expect(first.headers.connection).toBe("keep-alive");
  await new Promise((r) => first.once("end", r));

  const request = http.request(`${server.url}/api/webhooks/resend`, {
    method: "POST",
    agent: pool,
    headers: {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(body),
      "svix-id": "msg_shutdown",
      "svix-timestamp": String(Math.floor(Date.now() / 1000)),
      "svix-signature": `v1,${randomBytes(32).toString("base64")}`,
    },
  });
  const answered = new Promise<{ status: number; text: string; connection?: string; reusedSocket: boolean }>(
    (resolve, reject) => {
      request.once("response", (res) => {
        let text = "";
        res.on("data", (d: Buffer) => (text += d.toString()));
        res.once("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            text,
            connection: res.headers.connection,
            reusedSocket: request.reusedSocket,
          }),
        );
      });
      request.once("error", reject);
    },
  );
  request.write(body.slice(0, half));
  // Let the server take the request and the handler start reading its body.
  await new Promise((r) => setTimeout(r, 1_000));

  let exited = false;
  void server.exited.then(() => (exited = true));
  server.signal("SIGTERM");
  // New connections are refused from now on, while the request in flight is still waiting for its body.
  const deadline = Date.now() + 5_000;
  while (!(await refusesConnections(server.port))) {
    if (Date.now() > deadline) throw new Error(`still accepting connections 5 s after SIGTERM:\n${server.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  await new Promise((r) => setTimeout(r, 500));
  expect(exited).toBe(false);

  request.end(body.slice(half));
  const answer = await answered;
  expect(answer.status, server.output()).toBe(401);
  expect(JSON.parse(answer.text)).toMatchObject({ error: { code: "invalid_signature" } });
  // It came over the pooled connection, and closed it: the pool sends nothing more to this instance.
  expect(answer.reusedSocket).toBe(true);
  expect(answer.connection).toBe("close");

  // Exits once the answer is out, without waiting for the connection to idle out (Node's keepAliveTimeout, 5 s).
  const answeredAt = Date.now();
  const end = await Promise.race([
    server.exited,
    new Promise<"running">((r) => setTimeout(() => r("running"), 10_000)),
  ]);
  // Next.js exits with 128 + the signal's number after a clean stop.
  expect(end, server.output()).toEqual({ code: 143, signal: null });
  expect(Date.now() - answeredAt).toBeLessThan(3_000);
  pool.destroy();
});
