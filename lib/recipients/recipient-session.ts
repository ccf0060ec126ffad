// The short session a step-up link opens: who, which token version, until when; signed, in an httpOnly cookie.
// Stateless on purpose: bumping the contact's tokenVersion (erasure, email change, staff revoke) ends it too.
import { createHmac, timingSafeEqual } from "node:crypto";
import { RECIPIENT_SESSION_MS } from "@/lib/tokens/scopes";

export const RECIPIENT_SESSION_COOKIE = "tillit_rs";

export type RecipientSession = { contactId: string; tokenVersion: number; expiresAt: Date };

function sessionKey(authSecret: string): Buffer {
  // A key of its own, derived from AUTH_SECRET, so a session cookie can never pass as anything else.
  return createHmac("sha256", authSecret).update("tillit/recipient-session/v1").digest();
}

export function encodeRecipientSession(
  s: { contactId: string; tokenVersion: number },
  authSecret: string,
  now = new Date(),
): { value: string; expiresAt: Date } {
  const expiresAt = new Date(now.getTime() + RECIPIENT_SESSION_MS);
  const payload = Buffer.from(`${s.contactId}|${s.tokenVersion}|${expiresAt.getTime()}`).toString("base64url");
  const sig = createHmac("sha256", sessionKey(authSecret)).update(payload).digest("base64url");
  return { value: `${payload}.${sig}`, expiresAt };
}

export function decodeRecipientSession(
  value: string | undefined,
  authSecret: string,
  now = new Date(),
): RecipientSession | null {
  if (!value || value.length > 300) return null;
  const [payload, sig, rest] = value.split(".");
  if (!payload || !sig || rest !== undefined) return null;
  const expected = createHmac("sha256", sessionKey(authSecret)).update(payload).digest();
  const given = Buffer.from(sig, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const [contactId, version, exp] = Buffer.from(payload, "base64url").toString("utf8").split("|");
  const expiresAt = new Date(Number(exp));
  if (!contactId || !/^\d+$/.test(version ?? "") || Number.isNaN(expiresAt.getTime())) return null;
  if (expiresAt.getTime() <= now.getTime()) return null;
  return { contactId, tokenVersion: Number(version), expiresAt };
}
