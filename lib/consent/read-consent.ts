// Reads the consent cookie's value back, strictly: anything malformed, of another version, expired or dated in the
// future counts as "no answer", and the banner asks again.
import { z } from "zod";
import { CONSENT_VERSION, consentExpiresAt, type ConsentChoice, type ConsentSignal } from "./consent-cookie";

/** Clocks differ a little; a choice dated further in the future than this is treated as forged. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

const consentSchema = z.strictObject({
  version: z.coerce.number().int().positive(),
  choice: z.enum(["accepted", "declined"]),
  /** Seconds since the epoch. */
  at: z.coerce.number().int().nonnegative(),
});

/** `signal`: "gpc" when the browser's Global Privacy Control made the decline; absent after a press. */
export type StoredConsent = { version: number; choice: ConsentChoice; at: Date; signal?: ConsentSignal };

/** The stored consent, or null for a missing or malformed value. Says nothing yet about expiry or version. */
export function parseConsent(value: string | null | undefined): StoredConsent | null {
  if (!value) return null;
  const match = /^v(\d{1,6})\.([a-z]{1,10})\.(\d{1,12})(?:\.(gpc))?$/.exec(value);
  if (!match) return null;
  const parsed = consentSchema.safeParse({ version: match[1], choice: match[2], at: match[3] });
  if (!parsed.success) return null;
  // A signal only ever declines: "accepted" with one was not written by us.
  if (match[4] && parsed.data.choice !== "declined") return null;
  const consent: StoredConsent = {
    version: parsed.data.version,
    choice: parsed.data.choice,
    at: new Date(parsed.data.at * 1000),
  };
  if (match[4] === "gpc") consent.signal = "gpc";
  return consent;
}

/**
 * The choice that holds now: null means ask (nothing stored, malformed, another version, older than the policy's
 * consent.lifetimeDays, or dated in the future). A cookie written under a longer lifetime than today's policy is asked
 * again once the shorter one has passed, whatever its own Max-Age.
 */
export function currentConsent(
  value: string | null | undefined,
  lifetimeDays: number,
  now = new Date(),
): StoredConsent | null {
  const consent = parseConsent(value);
  if (!consent) return null;
  if (consent.version !== CONSENT_VERSION) return null;
  if (now >= consentExpiresAt(consent.at, lifetimeDays)) return null;
  if (consent.at.getTime() - now.getTime() > CLOCK_SKEW_MS) return null;
  return consent;
}
