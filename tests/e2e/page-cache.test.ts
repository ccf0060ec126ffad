// Issue 13 (scale): the public pages with nothing personal (/, /privacy, /preferences) are rendered once per language
// and cookie choice and then answered from the server's memory (lib/http/public-page-cache.ts). Over plain HTTP,
// against a production build: each answer is in the language this request asks for (the lang cookie, Accept-Language,
// ?lang), also when the cached variant of the other language was served just before; the cookie banner starts as this
// visitor's own choice says; every answer has its own nonce on every script; no shared cache may keep the pages
// (Vary, private, no-store). Pages with a token or personal data are sent `private, no-store`.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { serialiseConsent } from "@/lib/consent/consent-cookie";
import { preferencesUrl, stepUpUrl, unsubscribeUrl } from "@/lib/recipients/build-links";
import { startServer, type AppServer } from "./support/server";

const KEY = { id: "e2ep", secret: randomBytes(32).toString("base64url") };
let server: AppServer;

vi.setConfig({ testTimeout: 120_000 });
beforeAll(async () => {
  server = await startServer({ env: { LINK_SIGNING_KEYS: `${KEY.id}:${KEY.secret}` } });
}, 420_000);
afterAll(async () => {
  await server?.stop();
});

const PAGES = ["/", "/privacy", "/preferences", "/link/invalid"];

type Ask = { cookie?: string; acceptLanguage?: string; query?: string };

async function get(path: string, ask: Ask = {}) {
  const headers: Record<string, string> = {};
  if (ask.cookie) headers.cookie = ask.cookie;
  if (ask.acceptLanguage) headers["accept-language"] = ask.acceptLanguage;
  const res = await fetch(`${server.url}${path}${ask.query ?? ""}`, { headers, redirect: "manual" });
  const html = await res.text();
  return { res, html, lang: /<html[^>]*\slang="([a-z]+)"/.exec(html)?.[1] };
}

describe("public pages answered from the cache", () => {
  it.each(PAGES)("%s is in the language each request asks for, request after request", async (path) => {
    const asks: [Ask, "sv" | "en"][] = [
      [{ cookie: "lang=sv" }, "sv"],
      [{ cookie: "lang=en" }, "en"],
      [{ acceptLanguage: "en-GB,en;q=0.9" }, "en"],
      [{ acceptLanguage: "sv-SE,sv;q=0.9,en;q=0.5" }, "sv"],
      [{ acceptLanguage: "en", cookie: "lang=sv" }, "sv"],
      [{ query: "?lang=en", cookie: "lang=sv" }, "en"],
      [{}, "sv"],
    ];
    // Three rounds, so later answers come from the cache, interleaved by language.
    for (let round = 0; round < 3; round++) {
      for (const [ask, expected] of asks) {
        const { res, lang, html } = await get(path, ask);
        expect(res.status, JSON.stringify(ask)).toBe(200);
        expect(lang, `${path} ${JSON.stringify(ask)} round ${round}`).toBe(expected);
        // The switcher marks the same language.
        expect(html, JSON.stringify(ask)).toMatch(new RegExp(`hrefLang="${expected}"[^>]*aria-current="page"`, "i"));
        expect(res.headers.get("vary") ?? "", path).toMatch(/cookie/i);
        expect(res.headers.get("vary") ?? "", path).toMatch(/accept-language/i);
        expect(res.headers.get("cache-control") ?? "", path).toMatch(/private/);
        expect(res.headers.get("cache-control") ?? "", path).toMatch(/no-store/);
      }
    }
  });

  it("client navigations and prefetches get the RSC payload, never the cached document", async () => {
    await get("/privacy", { cookie: "lang=en" });
    const asks: Record<string, string>[] = [
      { rsc: "1" },
      { rsc: "1", "next-router-prefetch": "1" },
      { rsc: "1", "next-router-prefetch": "1", "next-router-segment-prefetch": "/_tree" },
    ];
    for (const headers of asks) {
      const res = await fetch(`${server.url}/privacy?_rsc=abc12`, { headers: { ...headers, cookie: "lang=en" } });
      await res.arrayBuffer();
      expect(res.status, JSON.stringify(headers)).toBe(200);
      expect(res.headers.get("content-type"), JSON.stringify(headers)).toMatch(/^text\/x-component/);
    }
  });

  it("?lang= still stores the choice in the lang cookie", async () => {
    const { res, lang } = await get("/privacy", { query: "?lang=en" });
    expect(lang).toBe("en");
    expect(res.headers.get("set-cookie") ?? "").toMatch(/^lang=en;/);
  });

  it("every answer has its own nonce, on every script, and the page's security headers", async () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 4; i++) {
      const { res, html } = await get("/", { cookie: "lang=en" });
      const nonce = /'nonce-([^']+)'/.exec(res.headers.get("content-security-policy") ?? "")?.[1];
      expect(nonce).toBeTruthy();
      nonces.add(nonce!);
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(res.headers.get("x-request-id")).toBeTruthy();
    }
    expect(nonces.size).toBe(4);
  });

  it("the cookie banner starts from this visitor's own choice", async () => {
    const accepted = `tillit_consent=${serialiseConsent({ choice: "accepted", at: new Date() })}`;
    for (let round = 0; round < 2; round++) {
      expect((await get("/privacy")).html).toContain('id="cookie-banner"');
      expect((await get("/privacy", { cookie: accepted })).html).not.toContain('id="cookie-banner"');
    }
  });
});

describe("a link that is not one of ours", () => {
  it("goes to the shared, cached problem page without rendering; an expired genuine link renders its own", async () => {
    const keys = { publicUrl: server.url, linkKeys: [KEY] };
    const good = preferencesUrl(keys, { id: "demo_contact_01", tokenVersion: 1 });
    const invalid = [
      `${server.url}/p/not-a-token`,
      `${server.url}/s/not-a-token?lang=en`,
      `${server.url}/e/x.y.z`,
      good.slice(0, -3),
      // A genuine footer link on the step-up page: right signature, wrong scope.
      good.replace("/p/", "/s/"),
    ];
    for (const url of invalid) {
      const res = await fetch(url, { redirect: "manual" });
      await res.arrayBuffer();
      expect(res.status, url).toBe(303);
      const lang = new URL(url).searchParams.get("lang");
      expect(new URL(res.headers.get("location") ?? "", url).href, url).toBe(
        `${server.url}/link/invalid${lang ? `?lang=${lang}` : ""}`,
      );
      expect(res.headers.get("cache-control") ?? "", url).toMatch(/no-store/);
    }
    const followed = await fetch(`${server.url}/p/not-a-token`, { headers: { cookie: "lang=en" } });
    expect(followed.url).toBe(`${server.url}/link/invalid`);
    expect(await followed.text()).toContain("The link does not work");

    const expired = preferencesUrl(
      keys,
      { id: "demo_contact_01", tokenVersion: 1 },
      new Date(Date.now() - 500 * 86_400_000),
    );
    const res = await fetch(expired, { redirect: "manual" });
    await res.arrayBuffer();
    expect(res.status).toBe(200);
    expect((await fetch(good, { redirect: "manual" })).status).toBe(200);
  });
});

describe("pages with a token or personal data", () => {
  it("are sent Cache-Control: private, no-store", async () => {
    const keys = { publicUrl: server.url, linkKeys: [KEY] };
    const contact = { id: "demo_contact_01", tokenVersion: 1 };
    const requests: [string, RequestInit?][] = [
      [preferencesUrl(keys, contact)],
      [`${server.url}/p/not-a-token`],
      [stepUpUrl(keys, contact)],
      [unsubscribeUrl(keys, contact, "all")],
      [
        unsubscribeUrl(keys, { id: "demo_contact_02", tokenVersion: 1 }, "all"),
        {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: "List-Unsubscribe=One-Click",
        },
      ],
      [`${server.url}/me`],
    ];
    for (const [url, init] of requests) {
      const res = await fetch(url, { ...init, redirect: "manual" });
      await res.arrayBuffer();
      const cacheControl = res.headers.get("cache-control") ?? "";
      expect(cacheControl, url).toMatch(/private/);
      expect(cacheControl, url).toMatch(/no-store/);
    }
  });
});
