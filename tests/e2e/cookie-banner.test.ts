// The cookie banner in a real browser, with Piwik Pro pointed at a tiny local stand-in: equal accept and decline,
// nothing before "accept", the choice remembered, the corner button to change it, withdrawal removing the script and
// its cookies, focus never hidden by banner or button, axe on desktop and at 375 px, in Swedish and English; Global
// Privacy Control (header or script property) taken as "decline".
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "./support/axe";
import { launchBrowser, MOBILE, newPage } from "./support/browser";
import { startServer, type AppServer } from "./support/server";

const CONTAINER_ID = "0b2e9a52-1f7c-4d8e-9f1a-2b3c4d5e6f70";
// What the stand-in container does: set cookies as Piwik Pro's tracker would, and a global to show it ran.
const FAKE_CONTAINER = `
  document.cookie = "_pk_id.1.e2e=visitor; Path=/; Max-Age=34214400";
  document.cookie = "_pk_ses.1.e2e=1; Path=/; Max-Age=1800";
  document.cookie = "stg_last_interaction=now; Path=/; Max-Age=31536000";
  window.__fakePiwikRuns = (window.__fakePiwikRuns || 0) + 1;
`;

let server: AppServer;
let browser: Browser;
let piwik: Server;
let piwikUrl: string;
const piwikRequests: string[] = [];

beforeAll(async () => {
  piwik = createServer((req, res) => {
    piwikRequests.push(req.url ?? "");
    if (req.url === `/${CONTAINER_ID}.js`) {
      res.writeHead(200, { "content-type": "text/javascript", "cache-control": "no-store" });
      res.end(FAKE_CONTAINER);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => piwik.listen(0, "127.0.0.1", resolve));
  piwikUrl = `http://127.0.0.1:${(piwik.address() as AddressInfo).port}`;
  [server, browser] = await Promise.all([
    startServer({ env: { PIWIK_CONTAINER_ID: CONTAINER_ID, PIWIK_URL: piwikUrl } }),
    launchBrowser(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await new Promise<void>((resolve) => (piwik ? piwik.close(() => resolve()) : resolve()));
});

const TEXTS = {
  sv: { accept: "Tacka ja till analys", decline: "Tacka nej till analys", reopen: "Inställningar för kakor" },
  en: { accept: "Accept analytics", decline: "Decline analytics", reopen: "Cookie settings" },
};

const banner = (page: Page) => page.locator("#cookie-banner");
const analyticsScripts = (page: Page) => page.locator(`script[src^="${piwikUrl}"]`).count();
const analyticsCookies = async (page: Page) =>
  (await page.context().cookies()).filter((c) => /^(_pk_|ppms_|stg_)/.test(c.name)).map((c) => c.name);

describe.each(["sv", "en"] as const)("in %s", (lang) => {
  const t = TEXTS[lang];

  it("shows accept and decline side by side with equal weight, and loads nothing before a choice", async () => {
    const { page, context } = await newPage(browser);
    await page.goto(`${server.url}/?lang=${lang}`);
    await page.mouse.wheel(0, 2000); // scrolling is not consent
    await page.waitForTimeout(300);
    expect(await banner(page).isVisible()).toBe(true);
    const accept = page.getByRole("button", { name: t.accept });
    const decline = page.getByRole("button", { name: t.decline });
    const style = (which: typeof accept) =>
      which.evaluate((el) => {
        const s = getComputedStyle(el);
        const r = el.getBoundingClientRect();
        return {
          font: `${s.fontSize} ${s.fontWeight} ${s.fontFamily}`,
          colours: `${s.color} ${s.backgroundColor} ${s.borderColor}`,
          box: `${s.borderWidth} ${s.paddingTop} ${s.paddingLeft} ${s.borderRadius}`,
          width: Math.round(r.width),
          height: Math.round(r.height),
          top: Math.round(r.top),
          className: el.className,
        };
      });
    const [a, d] = await Promise.all([style(accept), style(decline)]);
    expect(d).toEqual(a);
    expect(await page.locator("#cookie-banner input").count()).toBe(0); // nothing pre-ticked
    expect(await analyticsScripts(page)).toBe(0);
    expect(await analyticsCookies(page)).toEqual([]);
    expect((await context.cookies()).map((c) => c.name)).not.toContain("tillit_consent");
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it("decline: banner gone, no analytics, remembered across reloads; the corner button reopens it", async () => {
    const requestsBefore = piwikRequests.length;
    const { page, context } = await newPage(browser);
    await page.goto(`${server.url}/preferences?lang=${lang}`);
    await page.getByRole("button", { name: t.decline }).click();
    expect(await banner(page).count()).toBe(0);
    const cookie = (await context.cookies()).find((c) => c.name === "tillit_consent");
    expect(cookie?.value).toMatch(/^v1\.declined\.\d+$/);
    expect(cookie!.expires - Date.now() / 1000).toBeGreaterThan(364 * 86_400);
    expect(cookie!.expires - Date.now() / 1000).toBeLessThanOrEqual(365 * 86_400 + 5);
    // Focus lands on the corner button, and the choice is announced.
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe(t.reopen);
    expect(
      await page
        .getByRole("status")
        .filter({ hasText: /analys|analytics/ })
        .count(),
    ).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    await page.reload();
    expect(await banner(page).count()).toBe(0);
    await page.goto(`${server.url}/?lang=${lang}`);
    expect(await banner(page).count()).toBe(0);
    expect(await analyticsScripts(page)).toBe(0);
    expect(piwikRequests.length).toBe(requestsBefore);

    const corner = page.getByRole("button", { name: t.reopen });
    const box = await corner.boundingBox();
    expect(box!.width).toBeGreaterThanOrEqual(24);
    expect(box!.height).toBeGreaterThanOrEqual(24);
    expect(box!.x).toBeLessThan(40);
    expect(box!.y + box!.height).toBeGreaterThan((page.viewportSize()?.height ?? 0) - 40);
    await corner.focus();
    await page.keyboard.press("Enter");
    expect(await banner(page).isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("cookie-banner-heading");
    expect(await corner.getAttribute("aria-expanded")).toBe("true");
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it("accept loads the configured container; withdrawal removes it and its cookies", async () => {
    const { page, context } = await newPage(browser);
    await page.goto(`${server.url}/?lang=${lang}`);
    const requestsBefore = piwikRequests.length;
    await page.getByRole("button", { name: t.accept }).click();
    await expect.poll(() => analyticsScripts(page)).toBe(1);
    expect(await page.locator("script#tillit-analytics").getAttribute("src")).toBe(`${piwikUrl}/${CONTAINER_ID}.js`);
    await expect.poll(() => page.evaluate(() => (window as { __fakePiwikRuns?: number }).__fakePiwikRuns)).toBe(1);
    expect(piwikRequests.slice(requestsBefore)).toContain(`/${CONTAINER_ID}.js`);
    expect((await analyticsCookies(page)).sort()).toEqual(["_pk_id.1.e2e", "_pk_ses.1.e2e", "stg_last_interaction"]);

    // Remembered: the next page loads it again without asking.
    await page.goto(`${server.url}/preferences?lang=${lang}`);
    expect(await banner(page).count()).toBe(0);
    await expect.poll(() => analyticsScripts(page)).toBe(1);

    // Withdraw through the corner button.
    await page.getByRole("button", { name: t.reopen }).click();
    await page.getByRole("button", { name: t.decline }).click();
    expect(await analyticsScripts(page)).toBe(0);
    expect(await analyticsCookies(page)).toEqual([]);
    expect((await context.cookies()).find((c) => c.name === "tillit_consent")?.value).toMatch(/^v1\.declined\./);
    await page.reload();
    expect(await analyticsScripts(page)).toBe(0);
    expect(await analyticsCookies(page)).toEqual([]);
    await context.close();
  });
});

describe("Global Privacy Control", () => {
  const GPC_TEXT = {
    sv: "eftersom din webbläsare skickar signalen Global Privacy Control",
    en: "because your browser sends the Global Privacy Control signal",
  };

  it.each(["sv", "en"] as const)(
    "Sec-GPC: 1 declines for a visitor who has not answered, says so in the banner, and a press still counts (%s)",
    async (lang) => {
      const t = TEXTS[lang];
      const requestsBefore = piwikRequests.length;
      const { page, context } = await newPage(browser, { extraHTTPHeaders: { "Sec-GPC": "1" } });
      await page.goto(`${server.url}/?lang=${lang}`);
      // No banner to dismiss, no analytics, and the consent log (the cookie) says the signal declined.
      expect(await banner(page).count()).toBe(0);
      await expect
        .poll(async () => (await context.cookies()).find((c) => c.name === "tillit_consent")?.value)
        .toMatch(/^v1\.declined\.\d+\.gpc$/);
      expect(await analyticsScripts(page)).toBe(0);
      await page.getByRole("button", { name: t.reopen }).click();
      await expect.poll(() => banner(page).textContent()).toContain(GPC_TEXT[lang]);
      expect(await axeViolations(page)).toEqual([]);

      // The visitor's own press after reading that still decides (the stored answer, not the signal, holds now).
      await page.getByRole("button", { name: t.accept }).click();
      await expect.poll(() => analyticsScripts(page)).toBe(1);
      expect((await context.cookies()).find((c) => c.name === "tillit_consent")?.value).toMatch(/^v1\.accepted\.\d+$/);
      await page.reload();
      expect(await banner(page).count()).toBe(0);
      await expect.poll(() => analyticsScripts(page)).toBe(1);
      expect(piwikRequests.length).toBeGreaterThan(requestsBefore);
      await context.close();
    },
  );

  it("navigator.globalPrivacyControl declines too, where only the script sees the signal", async () => {
    const { page, context } = await newPage(browser);
    await page.addInitScript(() =>
      Object.defineProperty(Navigator.prototype, "globalPrivacyControl", { get: () => true }),
    );
    await page.goto(`${server.url}/?lang=en`);
    await expect.poll(() => banner(page).count()).toBe(0);
    expect((await context.cookies()).find((c) => c.name === "tillit_consent")?.value).toMatch(
      /^v1\.declined\.\d+\.gpc$/,
    );
    expect(await analyticsScripts(page)).toBe(0);
    await page.reload();
    expect(await banner(page).count()).toBe(0);
    expect(await analyticsScripts(page)).toBe(0);
    await context.close();
  });
});

describe("expired or outdated choices", () => {
  it("asks again when the stored choice is older than 365 days or of another version", async () => {
    const old = Math.floor(Date.now() / 1000) - 366 * 86_400;
    for (const value of [`v1.accepted.${old}`, `v999.accepted.${Math.floor(Date.now() / 1000)}`]) {
      const { page, context } = await newPage(browser);
      await context.addCookies([{ name: "tillit_consent", value, url: server.url }]);
      await page.goto(`${server.url}/`);
      expect(await banner(page).isVisible(), value).toBe(true);
      expect(await analyticsScripts(page), value).toBe(0);
      await context.close();
    }
  });
});

describe("focus is never hidden (WCAG 2.4.11)", () => {
  const viewports = [
    { name: "desktop", options: {} },
    { name: "375 px", options: { viewport: MOBILE, isMobile: true, hasTouch: true } },
  ];
  it.each(viewports)("tabbing through /preferences with the banner open, on $name", async ({ options }) => {
    const { page, context } = await newPage(browser, options);
    await page.goto(`${server.url}/preferences`);
    // Make the button visible (it appears after hydration), then walk every tab stop.
    await page.getByRole("button", { name: TEXTS.sv.reopen }).waitFor();
    const seen: string[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press("Tab");
      const probe = () =>
        page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || el === document.body) return null;
          const r = el.getBoundingClientRect();
          const x = Math.min(Math.max(r.left + r.width / 2, 0), window.innerWidth - 1);
          const y = Math.min(Math.max(r.top + r.height / 2, 0), window.innerHeight - 1);
          const hit = document.elementFromPoint(x, y);
          const inView = r.bottom > 0 && r.top < window.innerHeight && r.right > 0 && r.left < window.innerWidth;
          return {
            label: `${el.tagName} ${el.getAttribute("aria-label") ?? el.textContent?.trim().slice(0, 30) ?? ""}`,
            visible: inView && !!hit && (el === hit || el.contains(hit) || hit.contains(el)),
          };
        });
      // Smooth scrolling (html { scroll-behavior: smooth }) may still be moving the element into view.
      let check = await probe();
      for (let wait = 0; check && !check.visible && wait < 15; wait++) {
        await page.waitForTimeout(100);
        check = await probe();
      }
      if (!check) break;
      expect(check.visible, `focused ${check.label} is hidden`).toBe(true);
      if (seen.includes(check.label) && check.label === seen[0]) break;
      seen.push(check.label);
    }
    // The walk covered the banner, the form, the footer and the corner button.
    for (const stop of [TEXTS.sv.accept, "Skicka länken", "Integritetspolicy", TEXTS.sv.reopen])
      expect(
        seen.some((label) => label.includes(stop)),
        stop,
      ).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it("axe finds nothing at 375 px with the banner closed, in English", async () => {
    const { page, context } = await newPage(browser, { viewport: MOBILE, isMobile: true, hasTouch: true });
    await page.goto(`${server.url}/?lang=en`);
    await page.getByRole("button", { name: TEXTS.en.decline }).click();
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(MOBILE.width);
    await context.close();
  });
});
