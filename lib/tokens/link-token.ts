// Signed link tokens: compact, no personal data, HMAC-SHA256 over key id and payload, verified in constant time.
// Format: <keyId>.<base64url(payload)>.<base64url(hmac)>, payload "<scope>|<contactId>|<tokenVersion>|<issuedAt36>|<extra>".
// Keys come from configuration as a list: the first signs, every one verifies (rotation without breaking old mail).
import { createHmac, timingSafeEqual } from "node:crypto";
import type { LinkKey } from "@/lib/env/config";
import { SCOPES, type Scope } from "./scopes";

export type LinkTokenClaims = {
  scope: Scope;
  contactId: string;
  /** The contact's tokenVersion when the link was made; bumping it revokes every older link. */
  tokenVersion: number;
  issuedAt: Date;
  /** Scope-specific: the mailing's topic id (one-click), a single-use id (step-up, email change). */
  extra?: string;
};

export type VerifyFailure = "malformed" | "unknown_key" | "bad_signature" | "expired" | "wrong_scope";
export type VerifyResult = { ok: true; claims: LinkTokenClaims } | { ok: false; reason: VerifyFailure };

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const B64URL = /^[A-Za-z0-9_-]+$/;

function mac(secret: string, keyId: string, payload: string): Buffer {
  // The key id is covered too, so a signature cannot be replayed under another key's name.
  return createHmac("sha256", secret).update(`${keyId}.${payload}`).digest();
}

export function signLinkToken(claims: LinkTokenClaims, keys: readonly LinkKey[]): string {
  const key = keys[0];
  if (!key) throw new Error("No link signing key configured");
  if (!ID.test(claims.contactId) || (claims.extra !== undefined && !ID.test(claims.extra))) {
    throw new Error("Token subjects must be plain ids");
  }
  const iat = Math.floor(claims.issuedAt.getTime() / 1000).toString(36);
  const payload = Buffer.from(
    [SCOPES[claims.scope].code, claims.contactId, String(claims.tokenVersion), iat, claims.extra ?? ""].join("|"),
  ).toString("base64url");
  return `${key.id}.${payload}.${mac(key.secret, key.id, payload).toString("base64url")}`;
}

/**
 * Checks signature, key, scope and expiry. Revocation (tokenVersion) and single use need the database and are checked
 * by the caller that loads the contact (lib/recipients/resolve-link.ts).
 */
export function verifyLinkToken(
  token: string,
  opts: {
    keys: readonly LinkKey[];
    scopes: readonly Scope[];
    now?: Date;
    /** Only to learn whom a genuine but expired link was for (to offer a fresh one); never to grant access. */
    ignoreExpiry?: boolean;
  },
): VerifyResult {
  if (typeof token !== "string" || token.length > 400) return { ok: false, reason: "malformed" };
  const parts = token.split(".");
  if (parts.length !== 3) return { ok: false, reason: "malformed" };
  const [keyId, payload, signature] = parts as [string, string, string];
  if (!B64URL.test(payload) || !B64URL.test(signature)) return { ok: false, reason: "malformed" };
  const key = opts.keys.find((k) => k.id === keyId);
  if (!key) return { ok: false, reason: "unknown_key" };
  const expected = mac(key.secret, key.id, payload);
  const given = Buffer.from(signature, "base64url");
  // Re-encoding must give back the same text: rejects non-canonical base64url that decodes to the same bytes.
  if (
    given.length !== expected.length ||
    given.toString("base64url") !== signature ||
    !timingSafeEqual(given, expected)
  ) {
    return { ok: false, reason: "bad_signature" };
  }
  const fields = Buffer.from(payload, "base64url").toString("utf8").split("|");
  if (fields.length !== 5) return { ok: false, reason: "malformed" };
  const [code, contactId, version, iat36, extra] = fields as [string, string, string, string, string];
  const scope = (Object.keys(SCOPES) as Scope[]).find((s) => SCOPES[s].code === code);
  const issuedSeconds = parseInt(iat36, 36);
  if (!scope || !ID.test(contactId) || !/^\d{1,9}$/.test(version) || !/^[0-9a-z]{1,8}$/.test(iat36)) {
    return { ok: false, reason: "malformed" };
  }
  if (!opts.scopes.includes(scope)) return { ok: false, reason: "wrong_scope" };
  const now = opts.now ?? new Date();
  const issuedAt = new Date(issuedSeconds * 1000);
  // A little clock skew is tolerated; a token from the future beyond that is not.
  if (issuedAt.getTime() > now.getTime() + 5 * 60_000) return { ok: false, reason: "malformed" };
  if (!opts.ignoreExpiry && now.getTime() - issuedAt.getTime() > SCOPES[scope].lifetimeMs)
    return { ok: false, reason: "expired" };
  return {
    ok: true,
    claims: { scope, contactId, tokenVersion: Number(version), issuedAt, extra: extra === "" ? undefined : extra },
  };
}
