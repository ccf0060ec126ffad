// Fuzzing the link token: every kind of damage a token can take on its way through mail clients, forwarding and
// hostile hands must be refused. Over 10,000 mutations; none may verify.
import * as crypto from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { signLinkToken, verifyLinkToken, type LinkTokenClaims } from "@/lib/tokens/link-token";
import { SCOPES, type Scope } from "@/lib/tokens/scopes";

// Spy on the comparison so the test proves the signature check goes through the constant-time path.
vi.mock("node:crypto", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:crypto")>();
  return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) };
});

const K1 = { id: "k1", secret: "a".repeat(43) };
const K2 = { id: "k2", secret: "b".repeat(43) };
const KEYS = [K1];
const NOW = new Date("2026-11-24T12:00:00Z");
const ALL_SCOPES = Object.keys(SCOPES) as Scope[];
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";

const claims = (over: Partial<LinkTokenClaims> = {}): LinkTokenClaims => ({
  scope: "unsubscribe",
  contactId: "demo_contact_01",
  tokenVersion: 3,
  issuedAt: new Date(NOW.getTime() - 60_000),
  extra: "demo_topic_newsletter",
  ...over,
});

const verify = (token: string, scopes: readonly Scope[] = ALL_SCOPES, keys = KEYS) =>
  verifyLinkToken(token, { keys, scopes, now: NOW });

// A small deterministic generator: failures are reproducible.
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function flipBit(part: string, bit: number): string {
  const bytes = Buffer.from(part, "base64url");
  bytes[bit >> 3]! ^= 1 << (bit & 7);
  return bytes.toString("base64url");
}

/** Every mutation of a valid token the fuzzer makes, with a label for failure messages. */
function* mutations(token: string): Generator<[string, string]> {
  const [keyId, payload, signature] = token.split(".") as [string, string, string];
  // 1. Every character replaced by every other character of the alphabet (and the separator).
  for (let i = 0; i < token.length; i++) {
    for (const ch of ALPHABET)
      if (ch !== token[i]) yield [`char ${i}→${ch}`, token.slice(0, i) + ch + token.slice(i + 1)];
  }
  // 2. Every bit of the decoded payload and signature flipped.
  const payloadBits = Buffer.from(payload, "base64url").length * 8;
  for (let b = 0; b < payloadBits; b++) yield [`payload bit ${b}`, `${keyId}.${flipBit(payload, b)}.${signature}`];
  const sigBits = Buffer.from(signature, "base64url").length * 8;
  for (let b = 0; b < sigBits; b++) yield [`signature bit ${b}`, `${keyId}.${payload}.${flipBit(signature, b)}`];
  // 3. Truncated at every length, and extended by every character.
  for (let n = 0; n < token.length; n++) yield [`truncated to ${n}`, token.slice(0, n)];
  for (const ch of ALPHABET) yield [`extended by ${ch}`, token + ch];
  for (const ch of ALPHABET) yield [`prefixed by ${ch}`, ch + token];
  // 4. Random multi-byte damage.
  const rnd = prng(20261124);
  for (let i = 0; i < 2000; i++) {
    const chars = token.split("");
    const n = 1 + Math.floor(rnd() * 4);
    for (let j = 0; j < n; j++)
      chars[Math.floor(rnd() * chars.length)] = ALPHABET[Math.floor(rnd() * ALPHABET.length)]!;
    const mutated = chars.join("");
    if (mutated !== token) yield [`random ${i}`, mutated];
  }
  // 5. Structure: parts swapped, duplicated, dropped, empty.
  yield ["parts swapped", `${keyId}.${signature}.${payload}`];
  yield ["no key id", `.${payload}.${signature}`];
  yield ["no signature", `${keyId}.${payload}.`];
  yield ["four parts", `${token}.${signature}`];
  yield ["padded base64", `${keyId}.${payload}=.${signature}`];
  yield ["empty", ""];
}

describe("link token", () => {
  it("round-trips valid claims for every scope", () => {
    for (const scope of ALL_SCOPES) {
      const c = claims({ scope, extra: scope === "preferences" ? undefined : "x_1" });
      const token = signLinkToken(c, KEYS);
      expect(token.length).toBeLessThan(200);
      expect(verify(token, [scope])).toEqual({
        ok: true,
        claims: { ...c, issuedAt: new Date(Math.floor(c.issuedAt.getTime() / 1000) * 1000) },
      });
    }
  });

  it("carries no personal data: only ids, scope code, version and time", () => {
    const token = signLinkToken(claims(), KEYS);
    const payload = Buffer.from(token.split(".")[1]!, "base64url").toString("utf8");
    expect(payload).toMatch(/^u\|demo_contact_01\|3\|[0-9a-z]+\|demo_topic_newsletter$/);
    expect(token).not.toContain("@");
  });

  it("keeps verifying old mail after key rotation: signed with the old key, verified with [new, old]", () => {
    const old = signLinkToken(claims(), [K1]);
    expect(old.startsWith("k1.")).toBe(true);
    expect(verify(old, ALL_SCOPES, [K2, K1]).ok).toBe(true);
    const fresh = signLinkToken(claims(), [K2, K1]);
    expect(fresh.startsWith("k2.")).toBe(true);
    expect(verify(fresh, ALL_SCOPES, [K2, K1]).ok).toBe(true);
    // Once the old key is retired, its links stop working.
    expect(verify(old, ALL_SCOPES, [K2])).toEqual({ ok: false, reason: "unknown_key" });
  });

  it("compares signatures in constant time", () => {
    const spy = vi.mocked(crypto.timingSafeEqual);
    spy.mockClear();
    const token = signLinkToken(claims(), KEYS);
    const [keyId, payload, signature] = token.split(".") as [string, string, string];
    expect(verify(`${keyId}.${payload}.${flipBit(signature, 0)}`)).toEqual({ ok: false, reason: "bad_signature" });
    expect(spy).toHaveBeenCalledTimes(1);
    expect(verify(token).ok).toBe(true);
    expect(spy).toHaveBeenCalledTimes(2);
  });

  it("refuses every one of more than 10,000 mutated tokens", () => {
    const tokens = [
      signLinkToken(claims(), KEYS),
      signLinkToken(claims({ scope: "preferences", extra: undefined }), KEYS),
      signLinkToken(claims({ scope: "stepUp", extra: "AbC123xyz_-" }), KEYS),
    ];
    let count = 0;
    const accepted: string[] = [];
    for (const token of tokens) {
      for (const [label, mutated] of mutations(token)) {
        count++;
        const r = verify(mutated);
        if (r.ok) accepted.push(`${label}: ${mutated}`);
      }
    }
    expect(accepted).toEqual([]);
    expect(count).toBeGreaterThanOrEqual(10_000);
  });

  it("refuses a token signed with another key under a known or unknown key id", () => {
    const forged = signLinkToken(claims(), [{ id: "k1", secret: "c".repeat(43) }]);
    expect(verify(forged)).toEqual({ ok: false, reason: "bad_signature" });
    const unknown = signLinkToken(claims(), [{ id: "zz9", secret: "a".repeat(43) }]);
    expect(verify(unknown)).toEqual({ ok: false, reason: "unknown_key" });
    // A genuine k2 signature relabelled as k1 (the key id is inside the MAC).
    const k2 = signLinkToken(claims(), [K2]);
    const relabelled = `k1.${k2.split(".").slice(1).join(".")}`;
    expect(verify(relabelled, ALL_SCOPES, [K1, K2])).toEqual({ ok: false, reason: "bad_signature" });
    // The same secret under a swapped key id does not help either.
    const sameSecret = [{ id: "k1", secret: K2.secret }, K2];
    expect(verify(`k2.${signLinkToken(claims(), [K1]).split(".").slice(1).join(".")}`, ALL_SCOPES, sameSecret).ok).toBe(
      false,
    );
  });

  it("refuses a genuine token for another scope", () => {
    const footer = signLinkToken(claims({ scope: "preferences", extra: undefined }), KEYS);
    for (const scope of ALL_SCOPES.filter((s) => s !== "preferences")) {
      expect(verify(footer, [scope])).toEqual({ ok: false, reason: "wrong_scope" });
    }
    const unsubscribe = signLinkToken(claims(), KEYS);
    expect(verify(unsubscribe, ["preferences", "stepUp", "emailChange"])).toEqual({ ok: false, reason: "wrong_scope" });
  });

  it("refuses expired tokens and tokens from the future, and honours each scope's lifetime", () => {
    for (const scope of ALL_SCOPES) {
      const life = SCOPES[scope].lifetimeMs;
      const justValid = signLinkToken(claims({ scope, issuedAt: new Date(NOW.getTime() - life + 1000) }), KEYS);
      expect(verify(justValid, [scope]).ok).toBe(true);
      const expired = signLinkToken(claims({ scope, issuedAt: new Date(NOW.getTime() - life - 1000) }), KEYS);
      expect(verify(expired, [scope])).toEqual({ ok: false, reason: "expired" });
    }
    const future = signLinkToken(claims({ issuedAt: new Date(NOW.getTime() + 60 * 60_000) }), KEYS);
    expect(verify(future).ok).toBe(false);
    // The footer link works at least 12 months after the mail was sent.
    const yearOld = signLinkToken(
      claims({ scope: "preferences", extra: undefined, issuedAt: new Date(NOW.getTime() - 366 * 86_400_000) }),
      KEYS,
    );
    expect(verify(yearOld, ["preferences"]).ok).toBe(true);
  });

  it("refuses oversized and non-string input without throwing", () => {
    expect(verify("k1." + "A".repeat(500) + ".B").ok).toBe(false);
    expect(verify(undefined as unknown as string).ok).toBe(false);
    expect(verify("k1.\u00e5\u00e4\u00f6.x").ok).toBe(false);
  });
});
