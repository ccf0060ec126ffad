// next-auth 4's CSRF protection is a double-submit token: a cookie holding `token|sha256(token + secret)` and the same
// token in the posted form. next-auth hands the token out only through /api/auth/csrf (client-side JavaScript), so a
// form typed before hydration or with scripts blocked failed as "expired". These helpers mint and read the same
// cookie on the server (proxy.ts sets it on the sign-in pages, the pages render the token into their forms).
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** next-auth's own cookie name (core/lib/cookie.js): `__Host-` prefixed when cookies are secure. */
export function csrfCookieName(secure: boolean): string {
  return `${secure ? "__Host-" : ""}next-auth.csrf-token`;
}

const digest = (token: string, secret: string) => createHash("sha256").update(`${token}${secret}`).digest("hex");

/** A fresh token and the cookie value next-auth accepts for it. */
export function mintCsrfToken(secret: string): { token: string; cookieValue: string } {
  const token = randomBytes(32).toString("hex");
  return { token, cookieValue: `${token}|${digest(token, secret)}` };
}

/** The token in a CSRF cookie, or null when the cookie is missing or was not made with this secret. */
export function readCsrfToken(cookieValue: string | undefined, secret: string): string | null {
  if (!cookieValue) return null;
  const [token, hash] = cookieValue.split("|");
  if (!token || !hash || !/^[0-9a-f]{64}$/.test(token) || !/^[0-9a-f]{64}$/.test(hash)) return null;
  return timingSafeEqual(Buffer.from(hash, "hex"), Buffer.from(digest(token, secret), "hex")) ? token : null;
}

/** Whether a posted token matches the cookie's (constant time). */
export function csrfTokenMatches(cookieValue: string | undefined, posted: unknown, secret: string): boolean {
  const token = readCsrfToken(cookieValue, secret);
  if (!token || typeof posted !== "string" || posted.length !== token.length) return false;
  return timingSafeEqual(Buffer.from(posted), Buffer.from(token));
}
