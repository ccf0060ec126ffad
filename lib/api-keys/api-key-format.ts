// The shape of an API key: "tk_<8-char prefix>_<43-char base64url secret>". The prefix identifies the key (stored and
// shown in lists); only a SHA-256 hash of the secret is stored, so a database leak does not leak usable keys.
import { createHash, randomBytes } from "node:crypto";

const PREFIX_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
const KEY_PATTERN = /^tk_([a-z0-9]{8})_([A-Za-z0-9_-]{43})$/;

/** 8 characters from a 36-character alphabet; rejection sampling keeps every character equally likely. */
export function generatePrefix(): string {
  let out = "";
  while (out.length < 8) {
    for (const byte of randomBytes(16)) {
      if (byte < 252 && out.length < 8) out += PREFIX_ALPHABET[byte % 36];
    }
  }
  return `tk_${out}`;
}

/** 32 random bytes, base64url (43 characters, no padding). */
export function generateSecret(): string {
  return randomBytes(32).toString("base64url");
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

export function formatKey(prefix: string, secret: string): string {
  return `${prefix}_${secret}`;
}

/** Splits a presented key into its stored prefix ("tk_ab12cd34") and secret; null when it is not a key's shape. */
export function parseKey(key: string): { prefix: string; secret: string } | null {
  const m = KEY_PATTERN.exec(key);
  if (!m || !m[1] || !m[2]) return null;
  return { prefix: `tk_${m[1]}`, secret: m[2] };
}
