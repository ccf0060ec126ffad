// The public landing page and /preferences in a real browser: language choice, keyboard use, accessibility (axe,
// WCAG 2.2 AA) on desktop and at 375 px, and the security headers every response carries.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "./support/axe";
import { launchBrowser, MOBILE, newPage } from "./support/browser";
import { startServer, type AppServer } from "./support/server";

let server: AppServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const HEADING = { sv: "Dina uppgifter hos Elastx", en: "Your details at Elastx" };
const PREFERENCES_HEADING = { sv: "Hantera dina inställningar", en: "Manage your preferences" };

const htmlLang = (page: Page) => page.locator("html").getAttribute("lang");
const h1 = (page: Page) => page.locator("h1").innerText();
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return {
      tag: el?.tagName ?? "",
      id: el?.id ?? "",
      href: el?.getAttribute("href") ?? "",
      text: el?.textContent ?? "",
    };
  });

async function tabTo(page: Page, href: string, maxTabs = 25) {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press("Tab");
    if ((await focused(page)).href === href) return;
  }
  throw new Error(`No link to ${href} reached within ${maxTabs} presses of Tab`);
}

describe("language", () => {
  it("is Swedish for a Swedish browser, and sets no cookie without a choice", async () => {
    const { page, context } = await newPage(browser);
    await page.goto(`${server.url}/`);
    expect(await htmlLang(page)).toBe("sv");
    expect(await h1(page)).toBe(HEADING.sv);
    expect(await page.getByRole("link", { name: "Hantera mina inställningar" }).getAttribute("href")).toBe(
      "/preferences",
    );
    expect(await context.cookies()).toEqual([]);
    await context.close();
  });

  it("is English at /?lang=en and remembers that choice in the lang cookie", async () => {
    const { page, context } = await newPage(browser);
    await page.goto(`${server.url}/?lang=en`);
    expect(await htmlLang(page)).toBe("en");
    expect(await h1(page)).toBe(HEADING.en);
    const cookie = (await context.cookies()).find((c) => c.name === "lang");
    expect(cookie).toMatchObject({ value: "en", httpOnly: true, sameSite: "Lax", path: "/" });

    await page.goto(`${server.url}/preferences`);
    expect(await htmlLang(page)).toBe("en");
    expect(await h1(page)).toBe(PREFERENCES_HEADING.en);
    await context.close();
  });

  it("follows Accept-Language when nothing was chosen, and falls back to Swedish", async () => {
    const english = await newPage(browser, { locale: "en-GB" });
    await english.page.goto(`${server.url}/`);
    expect(await htmlLang(english.page)).toBe("en");
    expect(await h1(english.page)).toBe(HEADING.en);
    await english.context.close();

    const german = await newPage(browser, { locale: "de-DE" });
    await german.page.goto(`${server.url}/`);
    expect(await htmlLang(german.page)).toBe("sv");
    expect(await h1(german.page)).toBe(HEADING.sv);
    await german.context.close();
  });

  it("switches with the language links, which mark the current language", async () => {
    const { page, context } = await newPage(browser);
    await page.goto(`${server.url}/preferences`);
    const nav = page.getByRole("navigation", { name: "Välj språk" });
    const english = nav.getByRole("link", { name: "English" });
    expect(await english.getAttribute("hreflang")).toBe("en");
    expect(await english.getAttribute("lang")).toBe("en");
    expect(await nav.getByRole("link", { name: "Svenska" }).getAttribute("aria-current")).toBe("page");
    expect(await english.getAttribute("aria-current")).toBeNull();

    await english.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(`${server.url}/preferences?lang=en`);
    expect(await htmlLang(page)).toBe("en");
    expect(await h1(page)).toBe(PREFERENCES_HEADING.en);
    const navEn = page.getByRole("navigation", { name: "Choose language" });
    expect(await navEn.getByRole("link", { name: "English" }).getAttribute("aria-current")).toBe("page");

    await navEn.getByRole("link", { name: "Svenska" }).click();
    await page.waitForURL(`${server.url}/preferences?lang=sv`);
    expect(await htmlLang(page)).toBe("sv");
    expect(await h1(page)).toBe(PREFERENCES_HEADING.sv);
    expect((await context.cookies()).find((c) => c.name === "lang")?.value).toBe("sv");
    await context.close();
  });
});

describe("keyboard", () => {
  it("reaches 'manage my preferences' with Tab and follows it with Enter", async () => {
    const { page, context } = await newPage(browser);
    await page.goto(`${server.url}/`);
    await tabTo(page, "/preferences");
    expect((await focused(page)).text).toBe("Hantera mina inställningar");
    await page.keyboard.press("Enter");
    await page.waitForURL(`${server.url}/preferences`);
    await expect.poll(() => h1(page)).toBe(PREFERENCES_HEADING.sv);
    expect(await htmlLang(page)).toBe("sv");
    await context.close();
  });

  it("offers a skip link first, which moves focus to the main content", async () => {
    const { page, context } = await newPage(browser, { locale: "en-GB" });
    await page.goto(`${server.url}/`);
    await page.keyboard.press("Tab");
    expect(await focused(page)).toMatchObject({ href: "#main", text: "Skip to content" });
    expect(await page.getByRole("link", { name: "Skip to content" }).isVisible()).toBe(true);
    await page.keyboard.press("Enter");
    expect((await focused(page)).id).toBe("main");
    await context.close();
  });
});

describe("pages", () => {
  it("/preferences explains where the personal link is and offers the send-me-a-link form", async () => {
    const { page, context } = await newPage(browser);
    await page.goto(`${server.url}/preferences`);
    expect(await page.locator("main").innerText()).toContain("länken längst ned i varje e-postmeddelande");
    expect(await page.locator("main form").count()).toBe(1);
    expect(await page.locator('main input[type="email"]').count()).toBe(1);
    await context.close();
  });

  it("answers unknown paths with a friendly 404 in the visitor's language", async () => {
    const { page, context } = await newPage(browser);
    const sv = await page.goto(`${server.url}/finns-inte`);
    expect(sv?.status()).toBe(404);
    expect(await h1(page)).toBe("Vi hittar inte sidan");
    const en = await page.goto(`${server.url}/finns-inte?lang=en`);
    expect(en?.status()).toBe(404);
    expect(await htmlLang(page)).toBe("en");
    expect(await h1(page)).toBe("We can't find that page");
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it("sends the security headers and no X-Powered-By", async () => {
    for (const path of ["/", "/preferences", "/api/health"]) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(res.headers.get("referrer-policy"), path).toBe("strict-origin-when-cross-origin");
      expect(res.headers.get("x-frame-options"), path).toBe("DENY");
      expect(res.headers.get("content-security-policy"), path).toContain("frame-ancestors 'none'");
      expect(res.headers.get("permissions-policy"), path).toContain("camera=()");
      expect(res.headers.get("x-powered-by"), path).toBeNull();
    }
  });
});

describe("accessibility (axe, WCAG 2.2 AA)", () => {
  const cases = ["/", "/?lang=en", "/preferences", "/preferences?lang=en"].flatMap((path) => [
    { path, viewport: "desktop" },
    { path, viewport: "mobile 375 px" },
  ]);

  it.each(cases)("$path on $viewport has no violations", async ({ path, viewport }) => {
    const { page, context } = await newPage(
      browser,
      viewport === "desktop" ? {} : { viewport: MOBILE, isMobile: true, hasTouch: true },
    );
    await page.goto(`${server.url}${path}`);
    expect(await axeViolations(page)).toEqual([]);
    if (viewport !== "desktop") {
      // Reflow (1.4.10): nothing wider than the screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(MOBILE.width);
    }
    await context.close();
  });
});
