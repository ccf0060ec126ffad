// The Content-Security-Policy of every page, built per request by proxy.ts around a fresh nonce (Next.js reads the
// nonce back from the request's header and puts it on its own scripts). Scripts run only with the nonce, or when a
// nonced script created them ('strict-dynamic': Next's chunks, and the analytics container the cookie banner adds
// after consent). Pages outside the analytics allow-list may contact no other origin at all, so even a script that
// got in could not send a token anywhere; public pages may also reach the analytics provider.

/** Request header (set by proxy.ts) with this response's nonce, for the layout. */
export const NONCE_HEADER = "x-nonce";

export type CspOptions = {
  nonce: string;
  /** `next dev` only: React rebuilds server error stacks with eval in development. */
  development: boolean;
  /** Origins the analytics container and its tracker use; only given for pages on the analytics allow-list. */
  analyticsOrigins: readonly string[];
  /** Origins that may frame this page (only the embeddable sign-up form has any); none by default. */
  frameAncestors?: readonly string[];
};

export function contentSecurityPolicy({ nonce, development, analyticsOrigins, frameAncestors }: CspOptions): string {
  const third = analyticsOrigins.join(" ");
  const directives = [
    "default-src 'self'",
    `script-src 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // Inline styles stay allowed: React style props, and mail previews (srcdoc iframes inherit this policy) whose
    // HTML is all inline styles. Styles cannot run code; scripts are what the nonce protects.
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${third ? ` ${third}` : ""}`,
    `connect-src 'self'${third ? ` ${third}` : ""}`,
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors?.length ? frameAncestors.join(" ") : "'none'"}`,
  ];
  return directives.join("; ");
}

/** A nonce of 128 random bits, base64: unguessable, fresh for every response. */
export function generateNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The origins Piwik Pro uses: the container's own, and for a *.containers.piwik.pro container the account's tracking
 * host (<account>.piwik.pro), where the tracker sends its hits.
 */
export function analyticsOriginsFor(containerOrigin: string | null): string[] {
  if (!containerOrigin) return [];
  const url = new URL(containerOrigin);
  const origins = [url.origin];
  const tracker = url.hostname.replace(/\.containers\.piwik\.pro$/, ".piwik.pro");
  if (tracker !== url.hostname) origins.push(`${url.protocol}//${tracker}`);
  return origins;
}
