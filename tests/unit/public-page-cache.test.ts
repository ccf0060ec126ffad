// Which requests proxy.ts may answer from the public-page cache, and under which key (lib/http/public-page-cache.ts):
// only the three pages with nothing personal, only plain document GETs, no query but ?lang, and a key that holds the
// language (decided like every page's) and the cookie choice, so one visitor's variant never reaches another.
import { describe, expect, it } from "vitest";
import { serialiseConsent } from "@/lib/consent/consent-cookie";
import { publicPageVariant } from "@/lib/http/public-page-cache";

function variantOf(
  url: string,
  init: { method?: string; headers?: Record<string, string>; cookies?: Record<string, string> } = {},
) {
  const u = new URL(url, "http://tillit.test");
  return publicPageVariant({
    method: init.method ?? "GET",
    pathname: u.pathname,
    search: u.search,
    searchParams: u.searchParams,
    headers: new Headers(init.headers),
    cookie: (name) => init.cookies?.[name],
  });
}

describe("publicPageVariant", () => {
  it("takes /, /privacy and /preferences, nothing else", () => {
    for (const path of ["/", "/privacy", "/preferences"]) expect(variantOf(path)?.path).toBe(path);
    for (const path of [
      "/p/abc",
      "/me",
      "/preferences/",
      "/privacy/x",
      "/staff",
      "/u/abc",
      "/api/health",
      "/no-such-page",
    ])
      expect(variantOf(path), path).toBeNull();
  });

  it("takes only plain document requests: no action, no client navigation or prefetch, no POST", () => {
    expect(variantOf("/", { method: "POST" })).toBeNull();
    // x-tillit-flight-request: stamped from the raw request by the peer-address hook (Next strips its own headers).
    for (const header of ["x-tillit-flight-request", "rsc", "next-router-prefetch", "next-action"])
      expect(variantOf("/privacy", { headers: { [header]: "1" } }), header).toBeNull();
    expect(variantOf("/privacy", { method: "HEAD" })?.path).toBe("/privacy");
  });

  it("takes no query but ?lang=sv|en alone, so no visitor can grow the cache", () => {
    expect(variantOf("/?lang=en")?.query).toBe("en");
    for (const q of ["?lang=de", "?lang=en&x=1", "?x=1", "?lang=en&lang=sv", "?lang=%65n"])
      expect(variantOf(`/privacy${q}`), q).toBeNull();
  });

  it("decides the language as every page does: ?lang, the lang cookie, Accept-Language, Swedish", () => {
    expect(variantOf("/")?.lang).toBe("sv");
    expect(variantOf("/", { headers: { "accept-language": "en-GB,en;q=0.9" } })?.lang).toBe("en");
    expect(variantOf("/", { headers: { "accept-language": "en" }, cookies: { lang: "sv" } })?.lang).toBe("sv");
    expect(variantOf("/?lang=en", { cookies: { lang: "sv" } })?.lang).toBe("en");
  });

  it("keys Global Privacy Control apart: the header for a visitor without a choice, the signal's mark in a cookie", () => {
    const declined = serialiseConsent({ choice: "declined", at: new Date() });
    const byGpc = serialiseConsent({ choice: "declined", at: new Date(), signal: "gpc" });
    const withHeader = variantOf("/", { headers: { "sec-gpc": "1" } });
    expect(withHeader).toMatchObject({ gpc: true, consentCookie: null });
    expect(withHeader?.key).not.toBe(variantOf("/")?.key);
    expect(variantOf("/", { headers: { "sec-gpc": "0" } })?.key).toBe(variantOf("/")?.key);
    const marked = variantOf("/", { cookies: { tillit_consent: byGpc } });
    expect(marked?.key).not.toBe(variantOf("/", { cookies: { tillit_consent: declined } })?.key);
    // A stored answer holds whatever the header says: the header does not split it.
    expect(variantOf("/", { cookies: { tillit_consent: declined }, headers: { "sec-gpc": "1" } })).toMatchObject({
      key: variantOf("/", { cookies: { tillit_consent: declined } })?.key,
      gpc: false,
    });
  });

  it("keys on path, query, language and the cookie choice; an invalid choice counts as none", () => {
    const accepted = serialiseConsent({ choice: "accepted", at: new Date() });
    const declined = serialiseConsent({ choice: "declined", at: new Date() });
    const keys = new Set(
      [
        variantOf("/"),
        variantOf("/", { cookies: { lang: "en" } }),
        variantOf("/?lang=sv"),
        variantOf("/privacy"),
        variantOf("/", { cookies: { tillit_consent: accepted } }),
        variantOf("/", { cookies: { tillit_consent: declined } }),
      ].map((v) => v?.key),
    );
    expect(keys.size).toBe(6);
    expect(variantOf("/", { cookies: { tillit_consent: "v1.accepted.99999999999" } })?.key).toBe(variantOf("/")?.key);
    expect(variantOf("/", { cookies: { tillit_consent: "forged" } })?.consentCookie).toBeNull();
    // Same variant whatever else the request carries: other cookies never reach the render.
    expect(variantOf("/", { cookies: { "next-auth.session-token": "x", tillit_recipient: "y" } })?.key).toBe(
      variantOf("/")?.key,
    );
  });
});
