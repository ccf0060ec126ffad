// Which address a request came from, for per-client rate limits. X-Forwarded-For is a list every proxy appends to:
// the client can write any entries it likes at the left, so only entries appended by proxies we run can be trusted.
// With N trusted proxies the N-th entry from the right is the address the outermost of them saw; with none, only
// the socket's own peer address is the client (Next.js fills X-Forwarded-For from the socket only when the client sent
// none, so the header is never used then).

export type ClientAddressInput = {
  /** The X-Forwarded-For header as received (possibly several headers joined with commas). */
  forwardedFor: string | null;
  /** The TCP peer of this server's socket (lib/http/peer-address.ts); null when unknown. */
  peer: string | null;
  /** TRUSTED_PROXY_COUNT. */
  trustedProxyCount: number;
};

export function clientAddressFrom(input: ClientAddressInput): string | null {
  if (input.trustedProxyCount === 0) return input.peer;
  const entries = (input.forwardedFor ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  // Fewer entries than trusted proxies: the request did not come through all of them (or one is misconfigured). No
  // entry can be trusted then; the peer (the nearest proxy, or whoever bypassed it) is the only fact.
  if (entries.length < input.trustedProxyCount) return input.peer;
  return entries[entries.length - input.trustedProxyCount] ?? input.peer;
}
