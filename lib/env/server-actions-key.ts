// Next.js encrypts the values a server action closes over with one AES-GCM key. Unset, each `next build` makes its own
// and every `next start` of that build uses it, so instances built separately (or rebuilt one at a time in a rolling
// deployment) cannot read each other's actions: a form posted to the other instance fails with "Failed to find Server
// Action". NEXT_SERVER_ACTIONS_ENCRYPTION_KEY, when set, wins over the build's key on every instance (Next 16,
// server/app-render/encryption-utils.js), so one key set everywhere makes the instances interchangeable.
import "server-only";

/** Byte lengths of AES-128, AES-192 and AES-256 keys, the ones Web Crypto's importKey("raw", …, "AES-GCM") takes. */
const AES_KEY_BYTES = [16, 24, 32];

/**
 * Why the key cannot be used, or null when it can: it must be standard base64 (Next decodes it with atob) of a 16-,
 * 24- or 32-byte key. Never says what the value was.
 */
export function serverActionsKeyProblem(value: string): string | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value) || value.length % 4 !== 0)
    return "must be base64 (generate one with `openssl rand -base64 32`)";
  const bytes = Buffer.from(value, "base64").length;
  if (!AES_KEY_BYTES.includes(bytes))
    return `must be base64 of a 16, 24 or 32-byte AES key, not ${bytes} bytes (generate one with \`openssl rand -base64 32\`)`;
  return null;
}
