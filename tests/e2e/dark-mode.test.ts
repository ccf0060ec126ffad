// Dark mode in a real browser: with the system set to dark (prefers-color-scheme: dark), the public pages, a preference
// page with its saved notice, the one-click page, "my data" with a field error, and the staff pages with their charts
// (as the admin and as the privacy officer) turn dark, and axe finds no WCAG 2.2 AA violation, colour contrast
// included. The charts' SVG and tooltip take the dark tokens too. The token pairs themselves are measured in
// tests/unit/colour-contrast.test.ts; this checks that the pages use them and nothing else.
import { randomBytes } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { preferencesUrl, stepUpUrl, unsubscribeUrl } from "@/lib/recipients/build-links";
import { axeViolations } from "./support/axe";
import { launchBrowser, newPage } from "./support/browser";
import { startServer, type AppServer } from "./support/server";
import { DEMO_STAFF, signInAs } from "./support/staff";

const KEYS = [{ id: "e2ed", secret: randomBytes(32).toString("base64url") }];
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

/** A fresh page with the system colour scheme set to dark. */
async function darkPage() {
  const { page, context } = await newPage(browser);
  await page.emulateMedia({ colorScheme: "dark" });
  return { page, context };
}

/** Relative luminance (WCAG) of a computed CSS colour, rgb() or rgba(). */
function luminanceOf(css: string): number {
  const m = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)/.exec(css);
  if (!m) throw new Error(`not an rgb() colour: ${css}`);
  const [r, g, b] = [m[1], m[2], m[3]].map((c) => {
    const s = Number(c) / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The page is in the dark scheme (body background dark, text light) and axe finds nothing. */
async function expectDarkAndAccessible(page: Page) {
  const look = await page.evaluate(() => {
    const body = getComputedStyle(document.body);
    return {
      scheme: getComputedStyle(document.documentElement).colorScheme,
      background: body.backgroundColor,
      text: body.color,
    };
  });
  expect(look.scheme, page.url()).toBe("dark");
  expect(luminanceOf(look.background), `body background ${look.background} on ${page.url()}`).toBeLessThan(0.2);
  expect(luminanceOf(look.text), `body text ${look.text} on ${page.url()}`).toBeGreaterThan(0.5);
  expect(await axeViolations(page)).toEqual([]);
}

/** Waits for every chart on the page to be drawn; returns how many there are. */
async function chartsDrawn(page: Page): Promise<number> {
  const figures = page.locator("figure[data-chart]");
  const count = await figures.count();
  for (let i = 0; i < count; i++)
    await figures.nth(i).locator('[role="img"] svg.recharts-surface').first().waitFor({ timeout: 15_000 });
  return count;
}

const MARKS = "figure[data-chart] .recharts-bar-rectangle path, figure[data-chart] .recharts-line-curve";

/** Computed colours of the charts' SVG: series marks, axis tick text, grid lines. */
async function chartColours(page: Page) {
  // The surface is drawn before the marks (they wait for the container's size): wait for a mark.
  await page.locator(MARKS).first().waitFor({ timeout: 15_000 });
  return page.evaluate(() => {
    const all = (selector: string, property: "fill" | "stroke") =>
      [...document.querySelectorAll(`figure[data-chart] :is(${selector})`)].map((e) => getComputedStyle(e)[property]);
    return {
      marks: [...all(".recharts-bar-rectangle path", "fill"), ...all(".recharts-line-curve", "stroke")],
      ticks: all(".recharts-cartesian-axis-tick-value", "fill"),
      grid: all(".recharts-cartesian-grid line", "stroke"),
    };
  });
}

async function expectDarkCharts(page: Page) {
  expect(await chartsDrawn(page)).toBeGreaterThan(0);
  const colours = await chartColours(page);
  expect(colours.marks.length).toBeGreaterThan(0);
  expect(colours.ticks.length).toBeGreaterThan(0);
  // Light series and tick text on the dark panel; grid lines stay dark. No light-mode colour is left in the drawing.
  for (const c of [...colours.marks, ...colours.ticks]) expect(luminanceOf(c), c).toBeGreaterThan(0.2);
  for (const c of colours.grid) expect(luminanceOf(c), c).toBeLessThan(0.1);

  // The tooltip of the first chart with marks: dark background, light text, and axe finds nothing while it shows.
  const figure = page
    .locator("figure[data-chart]")
    .filter({ has: page.locator(".recharts-bar-rectangle, .recharts-line-curve") })
    .first();
  const drawing = figure.locator("svg.recharts-surface").first();
  const box = (await drawing.boundingBox())!;
  await drawing.hover({ position: { x: box.width * 0.6, y: box.height * 0.5 } });
  const tooltip = figure.locator(".recharts-default-tooltip");
  await tooltip.waitFor({ state: "visible", timeout: 5_000 });
  const look = await tooltip.evaluate((e) => ({
    background: getComputedStyle(e).backgroundColor,
    text: getComputedStyle(e).color,
  }));
  expect(luminanceOf(look.background), `tooltip ${look.background}`).toBeLessThan(0.05);
  expect(luminanceOf(look.text), `tooltip text ${look.text}`).toBeGreaterThan(0.5);
  expect(await axeViolations(page)).toEqual([]);
  await page.mouse.move(0, 0);
}

describe("dark mode: public pages", () => {
  it("the landing page, the privacy notice and the send-a-link page", async () => {
    const { page, context } = await darkPage();
    try {
      for (const path of ["/", "/privacy", "/preferences"]) {
        await page.goto(`${server.url}${path}`);
        await expectDarkAndAccessible(page);
      }
    } finally {
      await context.close();
    }
  });

  it("light mode is unchanged: the same page stays white with the dark text it had", async () => {
    const { page, context } = await newPage(browser);
    try {
      await page.emulateMedia({ colorScheme: "light" });
      await page.goto(`${server.url}/`);
      const look = await page.evaluate(() => ({
        scheme: getComputedStyle(document.documentElement).colorScheme,
        background: getComputedStyle(document.body).backgroundColor,
        text: getComputedStyle(document.body).color,
      }));
      expect(look).toEqual({ scheme: "light", background: "rgb(255, 255, 255)", text: "rgb(27, 31, 36)" });
    } finally {
      await context.close();
    }
  });

  it("a preference page, before and after a change is saved", async () => {
    const { page, context } = await darkPage();
    try {
      await page.goto(preferencesUrl(links(), subject("demo_contact_08")));
      await expectDarkAndAccessible(page);
      await page.locator('button[data-topic="demo_topic_newsletter"]').click();
      await page.getByRole("status").filter({ hasText: "Sparat" }).waitFor();
      await expectDarkAndAccessible(page);
      // Back as it was.
      await page.locator('button[data-topic="demo_topic_newsletter"]').click();
      await page.getByRole("status").filter({ hasText: "Sparat" }).waitFor();
    } finally {
      await context.close();
    }
  });

  it("the one-click page, a document of its own", async () => {
    const { page, context } = await darkPage();
    try {
      await page.goto(unsubscribeUrl(links(), subject("demo_contact_06"), "demo_topic_newsletter"));
      await expectDarkAndAccessible(page);
    } finally {
      await context.close();
    }
  });

  it("my data, and a correction with a field error", async () => {
    const { page, context } = await darkPage();
    try {
      await page.goto(stepUpUrl(links(), subject("demo_contact_03")));
      await expectDarkAndAccessible(page);
      await page.getByRole("button", { name: "Fortsätt till mina uppgifter" }).click();
      await page.waitForURL((u) => u.pathname === "/me");
      await expectDarkAndAccessible(page);
      await page.goto(`${server.url}/me/correct`);
      const phone = page.getByLabel("Telefon", { exact: true });
      await phone.fill("12");
      await page.getByRole("button", { name: "Spara ändringarna" }).click();
      await expect.poll(() => phone.getAttribute("aria-invalid")).toBe("true");
      await expectDarkAndAccessible(page);
    } finally {
      await context.close();
    }
  });
});

describe("dark mode: staff pages", () => {
  it("admin: the home with its charts, the contact list and a contact", async () => {
    const { page, context } = await signInAs(browser, server, DEMO_STAFF.ADMIN);
    try {
      await page.emulateMedia({ colorScheme: "dark" });
      await expectDarkCharts(page);
      await expectDarkAndAccessible(page);
      for (const path of [
        "/staff/contacts",
        "/staff/contacts/demo_contact_01",
        "/staff/contacts/demo_contact_01?tab=record",
      ]) {
        await page.goto(`${server.url}${path}`);
        await expectDarkAndAccessible(page);
      }
    } finally {
      await context.close();
    }
  });

  it("privacy officer: the home with the request and erasure charts", async () => {
    const { page, context } = await signInAs(browser, server, DEMO_STAFF.PRIVACY_OFFICER);
    try {
      await page.emulateMedia({ colorScheme: "dark" });
      await expectDarkCharts(page);
      await expectDarkAndAccessible(page);
    } finally {
      await context.close();
    }
  });
});

describe("forced colours (Windows high contrast)", () => {
  it("the dashboards keep their series apart, the legend matches them, and axe finds nothing", async () => {
    const { page, context } = await signInAs(browser, server, DEMO_STAFF.PRIVACY_OFFICER);
    try {
      await page.emulateMedia({ forcedColors: "active", colorScheme: "dark" });
      await page.goto(`${server.url}/staff`);
      expect(await chartsDrawn(page)).toBeGreaterThan(0);
      const colours = await chartColours(page);
      // A stacked chart's series must stay distinguishable: more than one fill among the bars.
      expect(new Set(colours.marks).size, colours.marks.join(" ")).toBeGreaterThan(1);
      const swatches = await page
        .locator("figure[data-chart] ul li span[aria-hidden]")
        .evaluateAll((els) => els.map((e) => getComputedStyle(e).backgroundColor));
      for (const c of new Set(colours.marks.filter((m) => m.startsWith("rgb"))))
        expect(swatches, `a bar colour ${c} has no legend swatch`).toContain(c);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
