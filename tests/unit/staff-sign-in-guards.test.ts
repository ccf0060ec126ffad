// The pure pieces of staff sign-in: which OpenID Connect claims name a verified address, and next-auth-compatible
// CSRF cookies minted and read on the server.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { csrfCookieName, csrfTokenMatches, mintCsrfToken, readCsrfToken } from "@/lib/auth/csrf-token";
import { signInConfirmUrl, staffReturnPath } from "@/lib/auth/public-url";
import { verifiedOidcAddress } from "@/lib/auth/verified-oidc-address";

describe("verifiedOidcAddress", () => {
  it("accepts only an email the provider marks verified with a boolean true", () => {
    expect(verifiedOidcAddress({ email: "Astrid.Lind@Elastx.example", email_verified: true })).toBe(
      "astrid.lind@elastx.example",
    );
    for (const claims of [
      { email: "a@b.se", email_verified: false },
      { email: "a@b.se", email_verified: "true" },
      { email: "a@b.se" },
      { preferred_username: "a@b.se", email_verified: true },
      { email: "not-an-address", email_verified: true },
      null,
      "a@b.se",
    ]) {
      expect(verifiedOidcAddress(claims), JSON.stringify(claims)).toBeNull();
    }
  });
});

describe("CSRF cookie", () => {
  const secret = "s".repeat(40);

  it("mints what next-auth accepts: token|sha256(token + secret)", () => {
    const { token, cookieValue } = mintCsrfToken(secret);
    const hash = createHash("sha256").update(`${token}${secret}`).digest("hex");
    expect(cookieValue).toBe(`${token}|${hash}`);
    expect(readCsrfToken(cookieValue, secret)).toBe(token);
    expect(csrfTokenMatches(cookieValue, token, secret)).toBe(true);
  });

  it("refuses another secret's cookie, a forged hash, a wrong or missing posted token", () => {
    const { token, cookieValue } = mintCsrfToken(secret);
    expect(readCsrfToken(cookieValue, "other".repeat(8))).toBeNull();
    expect(readCsrfToken(`${token}|${"0".repeat(64)}`, secret)).toBeNull();
    expect(readCsrfToken(undefined, secret)).toBeNull();
    expect(readCsrfToken("garbage", secret)).toBeNull();
    expect(csrfTokenMatches(cookieValue, mintCsrfToken(secret).token, secret)).toBe(false);
    expect(csrfTokenMatches(cookieValue, null, secret)).toBe(false);
    expect(csrfTokenMatches(undefined, token, secret)).toBe(false);
  });

  it("uses next-auth's cookie names", () => {
    expect(csrfCookieName(true)).toBe("__Host-next-auth.csrf-token");
    expect(csrfCookieName(false)).toBe("next-auth.csrf-token");
  });
});

describe("sign-in link URLs", () => {
  it("turn next-auth's callback URL into the confirm page under PUBLIC_URL", () => {
    expect(
      signInConfirmUrl(
        "http://localhost:3000/api/auth/callback/email?callbackUrl=%2Fstaff&token=abc&email=a%40b.se",
        "https://prefs.example.com",
      ),
    ).toBe("https://prefs.example.com/staff/sign-in/confirm?callbackUrl=%2Fstaff&token=abc&email=a%40b.se");
  });
  it("return only to our own staff pages", () => {
    const base = "https://prefs.example.com";
    expect(staffReturnPath("/staff/contacts?q=1", base)).toBe("/staff/contacts?q=1");
    expect(staffReturnPath(`${base}/staff/users`, base)).toBe("/staff/users");
    expect(staffReturnPath("https://evil.example/staff", base)).toBe("/staff");
    expect(staffReturnPath("/staff/sign-in/confirm", base)).toBe("/staff");
    expect(staffReturnPath("/p/token", base)).toBe("/staff");
    expect(staffReturnPath(undefined, base)).toBe("/staff");
  });
});
