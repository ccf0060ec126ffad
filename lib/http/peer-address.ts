// The socket's peer address of a request. Next.js 16 gives route handlers and server actions only headers: no
// socket, no request.ip. Node publishes every incoming request on the diagnostics channel
// "http.server.request.start" (with its socket) just before the server's 'request' event, so a subscriber installed
// at start-up (instrumentation.ts) writes the peer address into a header of our own, overwriting whatever a client
// sent under that name. Until the subscriber is installed the header is not trusted at all.
import "server-only";
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";

export const PEER_ADDRESS_HEADER = "x-tillit-peer-address";
/**
 * The address and port the request arrived on (this server's own listening socket), for the proxy's public-page
 * cache, which renders a page by asking this same server (lib/http/public-page-cache.ts). Stamped like the peer.
 */
export const LOCAL_ORIGIN_HEADER = "x-tillit-local-origin";
/**
 * "1" when the request asks for the RSC payload (a client navigation or prefetch) rather than a document. Next strips
 * its own flight headers and the `_rsc` query before proxy.ts sees the request, so this is stamped from the raw one.
 */
export const FLIGHT_REQUEST_HEADER = "x-tillit-flight-request";
const FLIGHT_HEADERS = [
  "rsc",
  "next-router-state-tree",
  "next-router-prefetch",
  "next-router-segment-prefetch",
  "next-hmr-refresh",
  "next-action",
];

const INSTALLED = Symbol.for("tillit.peerAddressHook");
const state = globalThis as unknown as { [INSTALLED]?: boolean };

function stamp(message: unknown): void {
  const { request, socket } = message as { request: IncomingMessage; socket: Socket };
  const address = socket.remoteAddress;
  if (address) request.headers[PEER_ADDRESS_HEADER] = address;
  else delete request.headers[PEER_ADDRESS_HEADER];
  const local = socket.localAddress;
  if (local && socket.localPort) {
    const host = local.includes(":") ? `[${local}]` : local;
    request.headers[LOCAL_ORIGIN_HEADER] = `http://${host}:${socket.localPort}`;
  } else delete request.headers[LOCAL_ORIGIN_HEADER];
  const flight =
    FLIGHT_HEADERS.some((name) => request.headers[name] !== undefined) || /[?&]_rsc=/.test(request.url ?? "");
  if (flight) request.headers[FLIGHT_REQUEST_HEADER] = "1";
  else delete request.headers[FLIGHT_REQUEST_HEADER];
}

/** Installs the subscriber once per process (Next's dev server may load instrumentation more than once). */
export function installPeerAddressHook(): void {
  if (state[INSTALLED]) return;
  subscribe("http.server.request.start", stamp);
  state[INSTALLED] = true;
}

/** This server's own origin as the request reached it, or null when the hook is not installed in this process. */
export function localOriginFrom(headers: Headers): string | null {
  if (!state[INSTALLED]) return null;
  return headers.get(LOCAL_ORIGIN_HEADER);
}

/** The peer address stamped on this request, or null when the hook is not installed in this process. */
export function peerAddressFrom(headers: Headers): string | null {
  if (!state[INSTALLED]) return null;
  return headers.get(PEER_ADDRESS_HEADER);
}
