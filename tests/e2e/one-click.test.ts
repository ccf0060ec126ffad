// RFC 8058 one-click unsubscribe against the built app: the POST with either encoding unsubscribes at once and
// answers 200 without a redirect; repeating is harmless; GET and HEAD change nothing; broken tokens get a 4xx, never
// a 5xx. The page a person sees on GET works by keyboard and passes axe in both languages.
import { randomBytes } from "node:crypto";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { preferencesUrl, unsubscribeUrl } from "@/lib/recipients/build-links";
import { signLinkToken } from "@/lib/tokens/link-token";
import { axeViolations } from "./support/axe";
import { launchBrowser, MOBILE, newPage } from "./support/browser";
import { startServer, type AppServer } from "./support/server";

const KEYS = [{ id: "e2e1", secret: randomBytes(32).toString("base64url") }];
let server: AppServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startServer({ env: { LINK_SIGNING_KEYS: KEYS.map((k) => `${k.id}:${k.secret}`).join(",") } }),
    launchBrowser(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const links = () => ({ publicUrl: server.url, linkKeys: KEYS });
const subject = (id: string) => ({ id, tokenVersion: 1 });
const ONE_CLICK = "List-Unsubscribe=One-Click";

/** The topic's state as the person's own preference page shows it (the e2e database belongs to the server). */
async function topicState(contactId: string, topicId: string): Promise<"on" | "off"> {
  const res = await fetch(`${preferencesUrl(links(), subject(contactId))}?lang=en`);
  expect(res.status).toBe(200);
  const html = await res.text();
  const match = html.match(new RegExp(`id="topic-${topicId}-state"[^>]*>(.*?)</p>`, "s"));
  expect(match, `state of ${topicId}`).not.toBeNull();
  return match![1]!.includes("You do not get this") ? "off" : "on";
}

function postUrlencoded(url: string, body = ONE_CLICK) {
  return fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body,
    redirect: "manual",
  });
}

function postMultipart(url: string) {
  const form = new FormData();
  form.set("List-Unsubscribe", "One-Click");
  return fetch(url, { method: "POST", body: form, redirect: "manual" });
}

describe("one-click POST", () => {
  it("unsubscribes from the mailing's topic with a urlencoded body: 200, no redirect, no cookie needed", async () => {
    const url = unsubscribeUrl(links(), subject("demo_contact_01"), "demo_topic_newsletter");
    expect(await topicState("demo_contact_01", "demo_topic_newsletter")).toBe("on");
    const res = await postUrlencoded(url);
    expect(res.status).toBe(200);
    expect(res.headers.get("location")).toBeNull();
    expect(res.headers.get("set-cookie")).toBeNull();
    expect(await res.json()).toEqual({ ok: true, unsubscribed: "topic" });
    expect(await topicState("demo_contact_01", "demo_topic_newsletter")).toBe("off");
    expect(await topicState("demo_contact_01", "demo_topic_product-news")).toBe("on");

    // Mail providers retry: the same POST again is harmless and still 200.
    const again = await postUrlencoded(url);
    expect(again.status).toBe(200);
    expect(await topicState("demo_contact_01", "demo_topic_newsletter")).toBe("off");
  });

  it("unsubscribes with a multipart body too", async () => {
    const url = unsubscribeUrl(links(), subject("demo_contact_03"), "demo_topic_product-news");
    expect(await topicState("demo_contact_03", "demo_topic_product-news")).toBe("on");
    const res = await postMultipart(url);
    expect(res.status).toBe(200);
    expect(res.headers.get("location")).toBeNull();
    expect(await topicState("demo_contact_03", "demo_topic_product-news")).toBe("off");
    expect((await postMultipart(url)).status).toBe(200);
  });

  it("unsubscribes from all marketing for an 'all' link, leaving service notices", async () => {
    const url = unsubscribeUrl(links(), subject("demo_contact_05"), "all");
    const res = await postMultipart(url);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, unsubscribed: "all" });
    for (const topic of ["newsletter", "product-news", "events"]) {
      expect(await topicState("demo_contact_05", `demo_topic_${topic}`)).toBe("off");
    }
    expect(await topicState("demo_contact_05", "demo_topic_service-notices")).toBe("on");
    expect((await postUrlencoded(url)).status).toBe(200);
  });

  it("refuses a POST without the one-click body with a 400 and changes nothing", async () => {
    const url = unsubscribeUrl(links(), subject("demo_contact_02"), "demo_topic_newsletter");
    for (const res of [
      await postUrlencoded(url, "List-Unsubscribe=Yes"),
      await postUrlencoded(url, ""),
      await fetch(url, { method: "POST", headers: { "Content-Type": "text/plain" }, body: ONE_CLICK }),
    ]) {
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ ok: false, code: "bad_request" });
    }
    expect(await topicState("demo_contact_02", "demo_topic_newsletter")).toBe("on");
  });

  it("answers broken, expired, revoked and wrong-scope tokens with a 4xx code, never a 5xx", async () => {
    const good = unsubscribeUrl(links(), subject("demo_contact_02"), "demo_topic_newsletter");
    const token = good.split("/u/")[1]!;
    const now = new Date();
    const cases: [string, number, string][] = [
      [`${server.url}/u/${token.slice(0, -2)}`, 400, "invalid_link"],
      [`${server.url}/u/${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`, 400, "invalid_link"],
      [`${server.url}/u/garbage`, 400, "invalid_link"],
      [
        `${server.url}/u/${signLinkToken({ scope: "unsubscribe", contactId: "demo_contact_02", tokenVersion: 1, issuedAt: new Date(now.getTime() - 401 * 86_400_000), extra: "all" }, KEYS)}`,
        410,
        "expired_link",
      ],
      [
        `${server.url}/u/${signLinkToken({ scope: "unsubscribe", contactId: "demo_contact_02", tokenVersion: 0, issuedAt: now, extra: "all" }, KEYS)}`,
        410,
        "revoked_link",
      ],
      [preferencesUrl(links(), subject("demo_contact_02")).replace("/p/", "/u/"), 400, "invalid_link"],
    ];
    for (const [url, status, code] of cases) {
      const res = await postUrlencoded(url);
      expect(res.status, url).toBe(status);
      expect(await res.json()).toEqual({ ok: false, code });
    }
    // A few hundred random mutations over HTTP: all refused, none a 5xx.
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (let i = 0; i < 200; i++) {
      const pos = (i * 7) % token.length;
      const ch = alphabet[(i * 13) % alphabet.length]!;
      if (token[pos] === ch || token[pos] === ".") continue;
      const res = await postUrlencoded(`${server.url}/u/${token.slice(0, pos)}${ch}${token.slice(pos + 1)}`);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }
    expect(await topicState("demo_contact_02", "demo_topic_newsletter")).toBe("on");
  });
});

describe("one-click GET and HEAD", () => {
  it("only show a page; nothing changes", async () => {
    const url = unsubscribeUrl(links(), subject("demo_contact_06"), "demo_topic_newsletter");
    const before = await topicState("demo_contact_06", "demo_topic_newsletter");
    const get = await fetch(url, { redirect: "manual" });
    expect(get.status).toBe(200);
    expect(get.headers.get("content-type")).toContain("text/html");
    expect(get.headers.get("cache-control")).toContain("no-store");
    expect(get.headers.get("referrer-policy")).toBe("no-referrer");
    expect(await get.text()).toContain('method="post"');
    const head = await fetch(url, { method: "HEAD", redirect: "manual" });
    expect(head.status).toBe(200);
    expect(await topicState("demo_contact_06", "demo_topic_newsletter")).toBe(before);
    // Broken links on GET get the friendly page too, not a 5xx.
    const broken = await fetch(`${server.url}/u/nonsense`);
    expect(broken.status).toBeLessThan(500);
    expect(await broken.text()).toContain("/preferences");
  });

  for (const [locale, lang, heading, button, done] of [
    ["sv-SE", "sv", "Sluta få Nyhetsbrev?", "Avsluta prenumerationen", "Du får inte längre Nyhetsbrev."],
    ["en-GB", "en", "Unsubscribe from Newsletter?", "Unsubscribe", "You are no longer subscribed to Newsletter."],
  ] as const) {
    it(`shows a page with a button that unsubscribes when pressed (${lang}), accessible at desktop and 375 px`, async () => {
      const contactId = lang === "sv" ? "demo_contact_07" : "demo_contact_04";
      const url = `${unsubscribeUrl(links(), subject(contactId), "demo_topic_newsletter")}?lang=${lang}`;
      for (const viewport of [undefined, MOBILE]) {
        const { page, context } = await newPage(browser, { locale, ...(viewport ? { viewport } : {}) });
        await page.goto(url);
        expect(await page.locator("html").getAttribute("lang")).toBe(lang);
        expect(await page.locator("h1").innerText()).toBe(heading);
        expect(await axeViolations(page)).toEqual([]);
        await context.close();
      }
      expect(await topicState(contactId, "demo_topic_newsletter")).toBe("on");

      const { page, context } = await newPage(browser, { locale });
      await page.goto(url);
      // Keyboard only: Tab to the button, Enter.
      for (let i = 0; i < 20; i++) {
        await page.keyboard.press("Tab");
        if (await page.evaluate(() => document.activeElement?.tagName === "BUTTON")) break;
      }
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(button);
      const [response] = await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
      expect(response?.status()).toBe(200);
      expect(response?.request().redirectedFrom()).toBeNull();
      expect(await page.getByRole("status").innerText()).toBe(done);
      expect(await axeViolations(page)).toEqual([]);
      const manage = await page.locator("main a").getAttribute("href");
      expect(manage).toContain(`${server.url}/p/`);
      expect(await topicState(contactId, "demo_topic_newsletter")).toBe("off");
      await context.close();
    });
  }
});
