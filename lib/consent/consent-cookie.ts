// The visitor's cookie choice, kept only in a first-party cookie on their device: version, choice and time (the
// consent log the EDPB asks for, without storing anything about the visitor on the server). Pure functions, used by
// the root layout (server) and the cookie banner (browser). Reading and validating a stored value is in
// read-consent.ts (zod), which the browser never needs. How long a choice holds is the policy file's
// consent.lifetimeDays: the server reads it and hands it to the banner, which writes the cookie.
export const CONSENT_COOKIE = "tillit_consent";
/**
 * Bump when the purposes or the analytics set-up change: every stored choice then counts as unset and the banner
 * asks again (EDPB: re-ask when purposes change).
 */
export const CONSENT_VERSION = 1;
const DAY_MS = 24 * 60 * 60 * 1000;

export type ConsentChoice = "accepted" | "declined";

/** "v1.accepted.1764021600": short, and every character is allowed in a cookie value without escaping. */
export function serialiseConsent(consent: { choice: ConsentChoice; at: Date; version?: number }): string {
  const version = consent.version ?? CONSENT_VERSION;
  return `v${version}.${consent.choice}.${Math.floor(consent.at.getTime() / 1000)}`;
}

/** When the choice made at `at` must be asked again: `lifetimeDays` (the policy's consent.lifetimeDays) later. */
export function consentExpiresAt(at: Date, lifetimeDays: number): Date {
  return new Date(at.getTime() + lifetimeDays * DAY_MS);
}

/** A Set-Cookie-style string for document.cookie: first party, whole site, gone when the choice expires. */
export function consentCookieString(
  consent: { choice: ConsentChoice; at: Date },
  { secure, lifetimeDays }: { secure: boolean; lifetimeDays: number },
): string {
  const maxAge = lifetimeDays * (DAY_MS / 1000);
  return `${CONSENT_COOKIE}=${serialiseConsent(consent)}; Path=/; Max-Age=${maxAge}; SameSite=Lax${secure ? "; Secure" : ""}`;
}
