// A real HTTP receiver for outbound webhooks, in the test process: it verifies every request's signature with the
// standardwebhooks package (against each secret it is given) and answers as the test tells it (fail, hang, accept).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

export type Received = {
  id: string;
  body: { type: string; timestamp: string; data: Record<string, unknown> & { contact: { id: string } | null } };
  raw: string;
  /** Which of the receiver's secrets verified the signature (by index); empty: none did. */
  verifiedBy: number[];
  answered: number | "hang";
};

export type Behaviour = 200 | 500 | "hang";

export type WebhookReceiver = {
  url: string;
  received: Received[];
  /** Accepted (2xx) requests, in arrival order. */
  accepted: () => Received[];
  secrets: string[];
  /** The next requests' answers, in order; once used up, `then` (200 by default). */
  script: (answers: Behaviour[], then?: Behaviour) => void;
  close: () => Promise<void>;
};

export async function startWebhookReceiver(
  opts: { hangMs?: number; /** Every answer waits this long (a receiver's own work). */ delayMs?: number } = {},
): Promise<WebhookReceiver> {
  const received: Received[] = [];
  let queue: Behaviour[] = [];
  let fallback: Behaviour = 200;
  const secrets: string[] = [];
  const hanging = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const headers = {
        "webhook-id": String(req.headers["webhook-id"] ?? ""),
        "webhook-timestamp": String(req.headers["webhook-timestamp"] ?? ""),
        "webhook-signature": String(req.headers["webhook-signature"] ?? ""),
      };
      const verifiedBy = secrets.flatMap((s, i) => {
        try {
          new Webhook(s).verify(raw, headers);
          return [i];
        } catch {
          return [];
        }
      });
      const answer = queue.shift() ?? fallback;
      received.push({ id: headers["webhook-id"], body: JSON.parse(raw), raw, verifiedBy, answered: answer });
      if (answer === "hang") {
        hanging.add(res);
        setTimeout(() => {
          hanging.delete(res);
          if (!res.writableEnded) res.end("late");
        }, opts.hangMs ?? 2_000);
        return;
      }
      const respond = () => {
        res.writeHead(answer, { "content-type": "text/plain" });
        res.end(answer === 200 ? "ok" : `error ${"x".repeat(2000)}`);
      };
      if (opts.delayMs) setTimeout(respond, opts.delayMs);
      else respond();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    accepted: () => received.filter((r) => r.answered === 200),
    secrets,
    script: (answers, then = 200) => {
      queue = [...answers];
      fallback = then;
    },
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
