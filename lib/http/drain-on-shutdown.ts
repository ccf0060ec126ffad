// On SIGTERM `next start` closes its listener, waits for the requests in flight and exits (Next 16,
// server/lib/start-server.js). Node's server.close() leaves keep-alive connections open, though: a load balancer that
// pools its connections to the app (nginx `keepalive`, cloud load balancers) goes on sending requests over them to the
// stopping instance, whose responses still say `keep-alive`, and the process exits only after a connection has been
// idle for keepAliveTimeout, or is killed by the orchestrator in the middle of a request. From the signal on, every
// response says `Connection: close` and its connection is closed once it is answered: the pool moves to the other
// instances, and the process exits as soon as the last request in flight has been answered.
import "server-only";
import { subscribe } from "node:diagnostics_channel";
import type { ServerResponse } from "node:http";

const SIGNALS = ["SIGTERM", "SIGINT"] as const;
const INSTALLED = Symbol.for("tillit.drainOnShutdown");
const state = globalThis as unknown as { [INSTALLED]?: boolean };

const inFlight = new Set<ServerResponse>();
let draining = false;

function closeAfter(response: ServerResponse): void {
  // Headers not written yet: Node writes `Connection: close` and ends the connection after the response.
  if (!response.headersSent) {
    response.shouldKeepAlive = false;
    return;
  }
  // Already streaming with `keep-alive`: end the connection once the response is complete.
  const socket = response.socket;
  response.once("finish", () => socket?.end());
}

function onRequestStart(message: unknown): void {
  const { response } = message as { response: ServerResponse };
  if (draining) return closeAfter(response);
  inFlight.add(response);
  response.once("close", () => inFlight.delete(response));
}

function drain(): void {
  if (draining) return;
  draining = true;
  for (const response of inFlight) closeAfter(response);
  inFlight.clear();
}

/**
 * Installs once per process, and only for a signal that something else (Next's own handler) already answers by
 * stopping the server: a listener of ours must never be what keeps a signal from ending the process.
 */
export function installDrainOnShutdown(): void {
  if (state[INSTALLED]) return;
  const signals = SIGNALS.filter((signal) => process.listenerCount(signal) > 0);
  if (signals.length === 0) return;
  subscribe("http.server.request.start", onRequestStart);
  for (const signal of signals) process.on(signal, drain);
  state[INSTALLED] = true;
}
