// The pure pieces behind the logs and the page policy: what a logged route and a logged error may contain, which
// paths may have analytics, and the CSP each kind of page gets.
import { describe, expect, it } from "vitest";
import { analyticsAllowedOn } from "@/lib/consent/analytics-scope";
import { maskPersonalData } from "@/lib/log/console-bridge";
import { errorSummary } from "@/lib/log/error-summary";
import { routeForLog } from "@/lib/log/route-for-log";
import { analyticsOriginsFor, contentSecurityPolicy, generateNonce } from "@/lib/security/content-security-policy";

describe("routeForLog", () => {
  it.each([
    ["/p/e2e1.cGF5bG9hZA.c2ln", "/p/:token"],
    ["/u/k1.abc.def", "/u/:token"],
    ["/s/k1.abc.def", "/s/:token"],
    ["/e/k1.abc.def/", "/e/:token/"],
    ["/p/", "/p/"],
    ["/me/export", "/me/export"],
    ["/signup/confirm/Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4", "/signup/confirm/:token"],
    ["/signup", "/signup"],
    ["/api/auth/callback/email?token=abc&email=a%40b.se", "/api/auth/callback/email"],
    ["/staff/contacts/demo_contact_01/edit", "/staff/contacts/demo_contact_01/edit"],
  ])("%s → %s", (path, expected) => expect(routeForLog(path)).toBe(expected));
});

describe("errorSummary", () => {
  it("keeps kind, code, digest and frames, never the message", () => {
    const error = Object.assign(new TypeError("anna@example.com is not valid for Anna Berg"), {
      code: "P2002",
      digest: "1234567",
      cause: new Error("+46701234567 refused"),
    });
    const summary = errorSummary(error);
    expect(summary).toMatchObject({ name: "TypeError", code: "P2002", digest: "1234567", cause: { name: "Error" } });
    expect(summary.frames?.[0]).toMatch(/^at /);
    expect(JSON.stringify(summary)).not.toMatch(/anna|Anna|4670/);
  });

  it("drops a code that is not a short identifier, and describes non-errors by type only", () => {
    expect(errorSummary(Object.assign(new Error("x"), { code: "value anna@example.com" })).code).toBeUndefined();
    expect(errorSummary("anna@example.com")).toEqual({ name: "string" });
    expect(errorSummary(null)).toEqual({ name: "null" });
  });
});

describe("analyticsAllowedOn", () => {
  it("allows the public pages exactly, nothing below or beside them", () => {
    for (const path of ["/", "/preferences", "/privacy", "/privacy/"])
      expect(analyticsAllowedOn(path), path).toBe(true);
    for (const path of [
      "/p/abc",
      "/u/abc",
      "/s/abc",
      "/e/abc",
      "/me",
      "/me/export",
      "/staff",
      "/dev/mail",
      "/preferences/x",
      "/privacyx",
      "",
    ])
      expect(analyticsAllowedOn(path), path).toBe(false);
  });
});

describe("contentSecurityPolicy", () => {
  it("scripts by nonce and 'strict-dynamic' only; other origins only where analytics may run", () => {
    const nonce = generateNonce();
    const closed = contentSecurityPolicy({ nonce, development: false, analyticsOrigins: [] });
    expect(closed).toContain(`script-src 'nonce-${nonce}' 'strict-dynamic';`);
    expect(closed).not.toMatch(/unsafe-eval|https?:/);
    expect(closed).toContain("default-src 'self'");
    expect(closed).toContain("frame-ancestors 'none'");
    const origins = analyticsOriginsFor("https://acme.containers.piwik.pro");
    expect(origins).toEqual(["https://acme.containers.piwik.pro", "https://acme.piwik.pro"]);
    const open = contentSecurityPolicy({ nonce, development: true, analyticsOrigins: origins });
    expect(open).toContain("'unsafe-eval'");
    expect(open).toContain("connect-src 'self' https://acme.containers.piwik.pro https://acme.piwik.pro");
  });

  it("lets other origins frame a page only when given (the embeddable sign-up form)", () => {
    const nonce = generateNonce();
    const embed = contentSecurityPolicy({
      nonce,
      development: false,
      analyticsOrigins: [],
      frameAncestors: ["https://www.example.com", "https://example.com"],
    });
    expect(embed).toContain("frame-ancestors https://www.example.com https://example.com");
    expect(contentSecurityPolicy({ nonce, development: false, analyticsOrigins: [], frameAncestors: [] })).toContain(
      "frame-ancestors 'none'",
    );
  });

  it("gives a fresh 128-bit nonce every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, generateNonce));
    expect(nonces.size).toBe(100);
    expect(Buffer.from([...nonces][0]!, "base64")).toHaveLength(16);
  });
});

describe("maskPersonalData (the console net)", () => {
  it("masks addresses and phone numbers in any notation", () => {
    expect(maskPersonalData("to anna.berg@nordlys.example and +46 70 123 45 67 or 070-123 45 67 (ref 42)")).toBe(
      "to [address] and [number] or [number] (ref 42)",
    );
  });
});
