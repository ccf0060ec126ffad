// The confirmation link's secret: 256 random bits, base64url, in the link only; the database keeps its SHA-256, so a
// copy of the table confirms nothing. Single use: confirming deletes the row.
import { createHash, randomBytes } from "node:crypto";

/** How long a confirmation link works; the prune rule deletes the row an hour after (lib/maintenance/prune-rules.ts). */
export const SIGNUP_LINK_HOURS = 48;

export function newSignupToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: signupTokenHash(token) };
}

/** The stored form of a token; anything not shaped like one of ours hashes to a row that does not exist. */
export function signupTokenHash(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export const isSignupTokenShape = (token: string): boolean => /^[A-Za-z0-9_-]{43}$/.test(token);
