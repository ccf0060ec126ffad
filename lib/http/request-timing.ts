// How long each request takes, for /api/metrics. Next.js gives no hook around a whole request (the proxy sees it
// begin, not end, and not at all for static files), so, like the peer-address hook beside it, this listens on Node's
// "http.server.request.start" diagnostics channel, which hands over the request and its response as the server
// receives it, and times it to the response's 'close' (which follows its end, or a dropped connection). Only the
// route group of the path is recorded: never the path, which can hold a link token.
import "server-only";
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage, ServerResponse } from "node:http";
import { observeRequest, type StatusClass } from "@/lib/metrics/process-metrics";
import { routeGroupFor } from "@/lib/metrics/route-group";

const INSTALLED = Symbol.for("tillit.requestTimingHook");
const state = globalThis as unknown as { [INSTALLED]?: boolean };

function statusClass(response: ServerResponse): StatusClass {
  if (!response.writableFinished) return "aborted";
  return `${Math.min(5, Math.max(1, Math.floor(response.statusCode / 100)))}xx` as StatusClass;
}

function time(message: unknown): void {
  const { request, response } = message as { request: IncomingMessage; response: ServerResponse };
  const started = process.hrtime.bigint();
  const group = routeGroupFor(request.url ?? "/");
  response.once("close", () => {
    observeRequest(group, statusClass(response), Number(process.hrtime.bigint() - started) / 1e9);
  });
}

/** Installs the subscriber once per process (Next's dev server may load instrumentation more than once). */
export function installRequestTimingHook(): void {
  if (state[INSTALLED]) return;
  subscribe("http.server.request.start", time);
  state[INSTALLED] = true;
}
