// The visitor's cookie choice, kept only in a first-party cookie on their device: version, choice and time (the
// consent log the EDPB asks for, without storing anything about the visitor on the server). Pure functions, used by
// the root layout (server) and the cookie banner (browser). Reading and validating a stored value is in
// read-consent.ts (zod), which the browser never needs.
export const CONSENT_COOKIE = "tillit_consent";
/**
 * Bump when the purposes or the analytics set-up change: every stored choice then counts as unset and the banner
 * asks again (EDPB: re-ask when purposes change).
 */
export const CONSENT_VERSION = 1;
/** The choice, yes or no, is remembered at most this long; then the banner asks again (policy: 365 days). */
export const CONSENT_MAX_AGE_DAYS = 365;
const DAY_MS = 24 * 60 * 60 * 1000;
export const CONSENT_MAX_AGE_MS = CONSENT_MAX_AGE_DAYS * DAY_MS;

export type ConsentChoice = "accepted" | "declined";

/** "v1.accepted.1764021600": short, and every character is allowed in a cookie value without escaping. */
export function serialiseConsent(consent: { choice: ConsentChoice; at: Date; version?: number }): string {
  const version = consent.version ?? CONSENT_VERSION;
  return `v${version}.${consent.choice}.${Math.floor(consent.at.getTime() / 1000)}`;
}

/** When the choice made at `at` must be asked again. */
export function consentExpiresAt(at: Date): Date {
  return new Date(at.getTime() + CONSENT_MAX_AGE_MS);
}

/** A Set-Cookie-style string for document.cookie: first party, whole site, gone when the choice expires. */
export function consentCookieString(consent: { choice: ConsentChoice; at: Date }, secure: boolean): string {
  const maxAge = Math.floor(CONSENT_MAX_AGE_MS / 1000);
  return `${CONSENT_COOKIE}=${serialiseConsent(consent)}; Path=/; Max-Age=${maxAge}; SameSite=Lax${secure ? "; Secure" : ""}`;
}
