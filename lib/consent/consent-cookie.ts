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
/**
 * What made the choice when the visitor did not press a button: "gpc", their browser's Global Privacy Control signal
 * (the `Sec-GPC: 1` header or `navigator.globalPrivacyControl`), which counts as "decline". Kept in the cookie, so
 * the consent log says the decline came from the signal and not from a press.
 */
export type ConsentSignal = "gpc";

/**
 * "v1.accepted.1764021600", or "v1.declined.1764021600.gpc" for a decline the browser's signal made: short, and every
 * character is allowed in a cookie value without escaping.
 */
export function serialiseConsent(consent: {
  choice: ConsentChoice;
  at: Date;
  version?: number;
  signal?: ConsentSignal | null;
}): string {
  const version = consent.version ?? CONSENT_VERSION;
  const signal = consent.signal && consent.choice === "declined" ? `.${consent.signal}` : "";
  return `v${version}.${consent.choice}.${Math.floor(consent.at.getTime() / 1000)}${signal}`;
}

/** When the choice made at `at` must be asked again: `lifetimeDays` (the policy's consent.lifetimeDays) later. */
export function consentExpiresAt(at: Date, lifetimeDays: number): Date {
  return new Date(at.getTime() + lifetimeDays * DAY_MS);
}

/** A Set-Cookie-style string for document.cookie: first party, whole site, gone when the choice expires. */
export function consentCookieString(
  consent: { choice: ConsentChoice; at: Date; signal?: ConsentSignal | null },
  { secure, lifetimeDays }: { secure: boolean; lifetimeDays: number },
): string {
  const maxAge = lifetimeDays * (DAY_MS / 1000);
  return `${CONSENT_COOKIE}=${serialiseConsent(consent)}; Path=/; Max-Age=${maxAge}; SameSite=Lax${secure ? "; Secure" : ""}`;
}
