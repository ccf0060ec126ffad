// The client address for per-client limits: the socket's peer without trusted proxies, else the N-th
// X-Forwarded-For entry from the right; and the peer address stamped on a real Node HTTP request.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { clientAddressFrom } from "@/lib/http/client-address";
import { installPeerAddressHook, PEER_ADDRESS_HEADER, peerAddressFrom } from "@/lib/http/peer-address";

describe("clientAddressFrom", () => {
  const peer = "10.0.0.5";
  it.each([
    // [X-Forwarded-For, trusted proxies, expected]
    ["6.6.6.6", 0, peer],
    [null, 0, peer],
    ["6.6.6.6, 7.7.7.7", 0, peer],
    ["203.0.113.9", 1, "203.0.113.9"],
    ["6.6.6.6, 203.0.113.9", 1, "203.0.113.9"],
    ["6.6.6.6,203.0.113.9 , 10.1.1.1", 2, "203.0.113.9"],
    ["6.6.6.6, 203.0.113.9, 10.1.1.1", 1, "10.1.1.1"],
    // Fewer entries than trusted proxies: none is trusted; the peer is the only fact.
    ["203.0.113.9", 2, peer],
    [null, 1, peer],
    [" , ", 1, peer],
  ] as const)("X-Forwarded-For %j with %i trusted proxies → %s", (forwardedFor, trustedProxyCount, expected) => {
    expect(clientAddressFrom({ forwardedFor, peer, trustedProxyCount })).toBe(expected);
  });

  it("never takes the first (client-written) entry when proxies are trusted", () => {
    expect(clientAddressFrom({ forwardedFor: "1.1.1.1, 2.2.2.2", peer, trustedProxyCount: 1 })).not.toBe("1.1.1.1");
  });
});

describe("peer address hook", () => {
  it("stamps the socket's peer address on each request, overwriting a header the client sent", async () => {
    installPeerAddressHook();
    installPeerAddressHook(); // idempotent
    const server = createServer((req, res) => {
      const headers = new Headers(req.headers as Record<string, string>);
      res.end(JSON.stringify({ peer: peerAddressFrom(headers) }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const res = await fetch(`http://127.0.0.1:${port}/`, {
        headers: { [PEER_ADDRESS_HEADER]: "6.6.6.6", "x-forwarded-for": "6.6.6.6" },
      });
      const { peer } = (await res.json()) as { peer: string };
      expect(peer).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
