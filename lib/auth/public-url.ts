// next-auth 4 builds its own URLs from NEXTAUTH_URL and falls back to http://localhost:3000 when it is unset. Links in
// mail and redirects must use PUBLIC_URL instead; these helpers translate.

/** next-auth's fallback base when NEXTAUTH_URL is unset (next-auth/utils/parse-url). */
export const NEXT_AUTH_FALLBACK_BASE = "http://localhost:3000/api/auth";

/** The same path and query under `publicUrl` (which may carry a path prefix, without trailing slash). */
export function onPublicOrigin(url: string, publicUrl: string): string {
  const parsed = new URL(url);
  return `${publicUrl}${parsed.pathname}${parsed.search}`;
}

/** A redirect next-auth computed from its fallback base, made relative so the browser stays on our host. */
export function relativeToFallback(location: string): string {
  const origin = new URL(NEXT_AUTH_FALLBACK_BASE).origin;
  return location.startsWith(`${origin}/api/auth`) ? location.slice(origin.length) : location;
}

/** next-auth's redirect callback: only our own pages, resolved against PUBLIC_URL; anything else goes to /staff. */
export function safeCallbackUrl(url: string, publicUrl: string): string {
  if (url.startsWith("/") && !url.startsWith("//")) return `${publicUrl}${url}`;
  try {
    const target = new URL(url);
    if (target.origin === new URL(publicUrl).origin) return target.toString();
  } catch {
    // not a URL: fall through
  }
  return `${publicUrl}/staff`;
}
