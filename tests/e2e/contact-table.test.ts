// The contact list's table by keyboard only: a sortable header (aria-sort follows), the next page and back by keyset
// cursor (the same rows as before), the sort kept across pages; axe on each state, in Swedish and English.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "./support/axe";
import { launchBrowser } from "./support/browser";
import { startServer, type AppServer } from "./support/server";
import { DEMO_STAFF, signInAs } from "./support/staff";

let server: AppServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function expectAccessible(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

/** Presses Tab until the focused element's accessible name (aria-label or text) is `name`. */
async function tabToName(page: Page, name: string) {
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(
      () => document.activeElement?.getAttribute("aria-label") ?? document.activeElement?.textContent?.trim() ?? "",
    );
    if (focused === name) return;
  }
  throw new Error(`"${name}" never got focus`);
}

const names = (page: Page) => page.locator("table tbody tr td:first-child").allInnerTexts();

describe("contact table (sv)", () => {
  it("sorts by a header and pages forward and back, by keyboard", async () => {
    const { page, context } = await signInAs(browser, server, DEMO_STAFF.ADMIN);
    try {
      await page.goto(`${server.url}/staff/contacts?lang=sv`);
      const nameHeader = page.locator("th", { has: page.getByRole("link", { name: /^Sortera efter Namn/ }) });
      expect(await nameHeader.getAttribute("aria-sort")).toBe("ascending");
      const ascending = await names(page);
      expect(ascending.length).toBe(25);
      await expectAccessible(page);

      await tabToName(page, "Sortera efter Namn, Ö till A");
      await page.keyboard.press("Enter");
      await page.waitForURL((u) => u.searchParams.get("sort") === "name" && u.searchParams.get("dir") === "desc");
      expect(await nameHeader.getAttribute("aria-sort")).toBe("descending");
      const descending = await names(page);
      expect(descending[0]!.localeCompare(descending.at(-1)!, "sv")).toBeGreaterThan(0);
      await expectAccessible(page);

      await tabToName(page, "Nästa sida");
      await page.keyboard.press("Enter");
      await page.waitForURL((u) => u.searchParams.has("after") && u.searchParams.get("dir") === "desc");
      const second = await names(page);
      expect(second.length).toBeGreaterThan(0);
      for (const n of second) expect(descending).not.toContain(n);
      await expectAccessible(page);

      await tabToName(page, "Föregående sida");
      await page.keyboard.press("Enter");
      await page.waitForURL((u) => u.searchParams.has("before"));
      expect(await names(page)).toEqual(descending);
    } finally {
      await context.close();
    }
  });
});

describe("organisation table (sv)", () => {
  it("sorts by name either way with the same header kit", async () => {
    const { page, context } = await signInAs(browser, server, DEMO_STAFF.SUPPORT);
    try {
      await page.goto(`${server.url}/staff/organisations?lang=sv`);
      const header = page.locator("th", { has: page.getByRole("link", { name: /^Sortera efter Namn/ }) });
      expect(await header.getAttribute("aria-sort")).toBe("ascending");
      const asc = await names(page);
      await tabToName(page, "Sortera efter Namn, Ö till A");
      await page.keyboard.press("Enter");
      await page.waitForURL((u) => u.searchParams.get("dir") === "desc");
      expect(await header.getAttribute("aria-sort")).toBe("descending");
      expect(await names(page)).toEqual([...asc].reverse());
      expect(await page.getByTestId("organisation-total").innerText()).toMatch(/^\d+ organisationer matchar$/);
      await expectAccessible(page);
    } finally {
      await context.close();
    }
  });
});

describe("contact table (en)", () => {
  it("sorts by registration date, newest first", async () => {
    const { page, context } = await signInAs(browser, server, DEMO_STAFF.PRIVACY_OFFICER, { locale: "en-GB" });
    try {
      await page.goto(`${server.url}/staff/contacts?lang=en&sort=created&dir=desc`);
      const header = page.locator("th", { has: page.getByRole("link", { name: /^Sort by Registered/ }) });
      expect(await header.getAttribute("aria-sort")).toBe("descending");
      const days = await page.locator("table tbody tr td:last-child").allInnerTexts();
      expect(days).toEqual([...days].sort().reverse());
      expect(await page.getByTestId("contact-total").innerText()).toMatch(/^\d+ contacts match$/);
      await expectAccessible(page);
    } finally {
      await context.close();
    }
  });
});
