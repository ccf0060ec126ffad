// This process's own metrics: prom-client's default process and Node.js metrics, and the request durations the
// HTTP hook (lib/http/request-timing.ts) observes. One registry per process, kept on globalThis: instrumentation.ts
// and the /api/metrics route are bundled apart and would otherwise each hold their own.
import "server-only";
import { collectDefaultMetrics, Histogram, Registry } from "prom-client";
import type { RouteGroup } from "./route-group";

export type StatusClass = "1xx" | "2xx" | "3xx" | "4xx" | "5xx" | "aborted";

export type ProcessMetrics = {
  registry: Registry;
  requestDuration: Histogram<"group" | "status">;
};

const KEY = Symbol.for("tillit.processMetrics");
const holder = globalThis as unknown as { [KEY]?: ProcessMetrics };

export function processMetrics(): ProcessMetrics {
  if (holder[KEY]) return holder[KEY];
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requestDuration = new Histogram<"group" | "status">({
    name: "tillit_http_request_duration_seconds",
    help: "Time from a request's arrival to its response's end (or the connection's close), by route group.",
    labelNames: ["group", "status"],
    // A page renders in tens of milliseconds; a CSV import or an export streams for seconds.
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  holder[KEY] = { registry, requestDuration };
  return holder[KEY];
}

/** Records one request. */
export function observeRequest(group: RouteGroup, status: StatusClass, seconds: number): void {
  processMetrics().requestDuration.observe({ group, status }, seconds);
}
