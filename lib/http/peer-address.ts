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

const INSTALLED = Symbol.for("tillit.peerAddressHook");
const state = globalThis as unknown as { [INSTALLED]?: boolean };

function stamp(message: unknown): void {
  const { request, socket } = message as { request: IncomingMessage; socket: Socket };
  const address = socket.remoteAddress;
  if (address) request.headers[PEER_ADDRESS_HEADER] = address;
  else delete request.headers[PEER_ADDRESS_HEADER];
}

/** Installs the subscriber once per process (Next's dev server may load instrumentation more than once). */
export function installPeerAddressHook(): void {
  if (state[INSTALLED]) return;
  subscribe("http.server.request.start", stamp);
  state[INSTALLED] = true;
}

/** The peer address stamped on this request, or null when the hook is not installed in this process. */
export function peerAddressFrom(headers: Headers): string | null {
  if (!state[INSTALLED]) return null;
  return headers.get(PEER_ADDRESS_HEADER);
}
