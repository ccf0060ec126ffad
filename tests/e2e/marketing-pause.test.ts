// "Pause marketing mail" on the footer link's page, in a real browser, in Swedish and English, by keyboard alone:
// pause for 3 months, read the end date (announced, and kept after a reload), end the pause; the topic choices stay as
// they were throughout; axe finds nothing at desktop and 375 px. Someone opted out of all marketing is offered no pause.
// Not here: the form without JavaScript (see leaving-survey.test.ts: Chromium posts a no-referrer page's forms with
// `Origin: null`, which Next refuses for every server action on this page).
import { randomBytes } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { preferencesUrl } from "@/lib/recipients/build-links";
import { formatPauseEnd } from "@/lib/recipients/format-pause-end";
import { pauseEndsAt } from "@/lib/subscriptions/pause-length";
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

const linkFor = (id: string) => preferencesUrl({ publicUrl: server.url, linkKeys: KEYS }, { id, tokenVersion: 1 });

const PEOPLE = {
  sv: {
    id: "demo_contact_02",
    locale: "sv-SE",
    heading: "Ta en paus",
    pauseButton: "Pausa i 3 månader",
    pausedUntil: (date: string) => `Marknadsföringsutskick pausade till ${date}.`,
    saved: (date: string) => `Sparat: marknadsföringsutskick pausade till ${date}.`,
    endButton: "Avsluta pausen nu",
    ended: "Sparat: pausen är avslutad och du får dina valda utskick igen.",
    subscribed: "Du får det här",
  },
  en: {
    id: "demo_contact_04",
    locale: "en-GB",
    heading: "Take a break",
    pauseButton: "Pause for 3 months",
    pausedUntil: (date: string) => `Marketing mail paused until ${date}.`,
    saved: (date: string) => `Saved: marketing mail paused until ${date}.`,
    endButton: "End the pause now",
    ended: "Saved: the pause has ended, and you get your chosen mailings again.",
    subscribed: "You get this",
  },
} as const;

const NEWSLETTER = "demo_topic_newsletter";

/** Presses Tab until the element matching `selector` has focus (keyboard only, no clicks). */
async function tabTo(page: Page, selector: string, maxTabs = 60) {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

const focused = (page: Page, selector: string) =>
  page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);

async function expectNoAxeViolations(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

for (const lang of ["sv", "en"] as const) {
  const who = PEOPLE[lang];
  describe(`pause marketing mail (${lang})`, () => {
    it("pauses for 3 months by keyboard, shows the end date, and ends the pause", async () => {
      const { page, context } = await newPage(browser, { locale: who.locale });
      await page.goto(linkFor(who.id));
      expect(await page.locator("#pause-heading").innerText()).toBe(who.heading);
      expect(await page.locator('[data-testid="paused-until"]').count()).toBe(0);
      await expectNoAxeViolations(page);

      const before = new Date();
      await tabTo(page, 'button[data-pause="3"]');
      expect(await page.locator('button[data-pause="3"]').innerText()).toBe(who.pauseButton);
      await page.keyboard.press("Enter");
      await page.locator('[data-testid="paused-until"]').waitFor();
      // The end is three calendar months from the press, on Stockholm's calendar, in the page's language.
      const dates = [...new Set([before, new Date()].map((d) => formatPauseEnd(pauseEndsAt(d, 3), lang)))];
      const shown = await page.locator('[data-testid="paused-until"]').innerText();
      expect(dates.map(who.pausedUntil)).toContain(shown);
      const date = dates.find((d) => who.pausedUntil(d) === shown)!;
      await page
        .getByRole("status")
        .filter({ hasText: who.saved(date) })
        .waitFor();
      // The pressed button is gone; its replacement has the focus. The topic choice is untouched.
      expect(await focused(page, 'button[data-intent="pause-end"]')).toBe(true);
      expect(await page.locator('button[data-intent="pause-end"]').innerText()).toBe(who.endButton);
      expect(await page.locator(`#topic-${NEWSLETTER}-state`).innerText()).toContain(who.subscribed);
      await expectNoAxeViolations(page);

      // Kept after a reload (a GET changes nothing), and clean on a phone too.
      await page.reload();
      expect(await page.locator('[data-testid="paused-until"]').innerText()).toBe(who.pausedUntil(date));
      await page.setViewportSize(MOBILE);
      await expectNoAxeViolations(page);

      await tabTo(page, 'button[data-intent="pause-end"]');
      await page.keyboard.press("Enter");
      await page.getByRole("status").filter({ hasText: who.ended }).waitFor();
      expect(await page.locator('[data-testid="paused-until"]').count()).toBe(0);
      expect(await focused(page, 'button[data-pause="1"]')).toBe(true);
      expect(await page.locator(`#topic-${NEWSLETTER}-state`).innerText()).toContain(who.subscribed);
      await expectNoAxeViolations(page);

      await page.reload();
      expect(await page.locator('[data-testid="paused-until"]').count()).toBe(0);
      expect(await page.locator('button[data-pause="3"]').count()).toBe(1);
      await context.close();
    });
  });
}

describe("opted out of all marketing", () => {
  it("offers no pause, only receiving marketing again", async () => {
    const { page, context } = await newPage(browser, { locale: "en-GB" });
    // Eva (demo data) said no to all marketing: nothing to pause.
    await page.goto(linkFor("demo_contact_05"));
    await page.locator("#all-heading").waitFor();
    expect(await page.locator("#pause-heading").count()).toBe(0);
    expect(await page.locator("button[data-pause]").count()).toBe(0);
    await expectNoAxeViolations(page);
    await context.close();
  });
});
