// next-auth 4 builds its own URLs from NEXTAUTH_URL and falls back to http://localhost:3000 when it is unset. Links in
// mail and redirects must use PUBLIC_URL instead; these helpers translate.

/** next-auth's fallback base when NEXTAUTH_URL is unset (next-auth/utils/parse-url). */
export const NEXT_AUTH_FALLBACK_BASE = "http://localhost:3000/api/auth";

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

/** The page a staff sign-in link opens: it shows a button that POSTs to next-auth's callback (scanners only GET). */
export const SIGN_IN_CONFIRM_PATH = "/staff/sign-in/confirm";

/**
 * The link mailed to staff: next-auth's callback URL (token, email, callbackUrl) turned into the confirm page under
 * PUBLIC_URL, so opening the link shows a page instead of spending the token.
 */
export function signInConfirmUrl(callbackUrl: string, publicUrl: string): string {
  return `${publicUrl}${SIGN_IN_CONFIRM_PATH}${new URL(callbackUrl).search}`;
}

/** Where to go after signing in: only our own staff pages (never the sign-in pages), else /staff. */
export function staffReturnPath(value: unknown, publicUrl: string): string {
  if (typeof value !== "string") return "/staff";
  try {
    const url = new URL(value, publicUrl);
    const own = new URL(publicUrl).origin === url.origin;
    return own && url.pathname.startsWith("/staff") && !url.pathname.startsWith("/staff/sign-in")
      ? `${url.pathname}${url.search}`
      : "/staff";
  } catch {
    return "/staff";
  }
}
