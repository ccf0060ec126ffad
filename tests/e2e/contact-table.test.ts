// The staff lists' DataTable by keyboard only: a sortable header (aria-sort follows), the next page and back by keyset
// cursor (the same rows as before), the sort kept across pages; row selection with a live count and the bulk actions
// (the contacts ticked exported as CSV, organisations handed to another manager); axe on each state, in Swedish and
// English.
import { parse } from "csv-parse/sync";
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

/** The first text column of each row (the selection checkbox, where there is one, comes before it). */
const names = (page: Page) =>
  page
    .locator("table tbody tr")
    .evaluateAll((rows) => rows.map((r) => r.querySelector("td:not(.data-table__select)")?.textContent?.trim() ?? ""));
const selectedCount = (page: Page) => page.locator(".data-table__count").innerText();
/** The selection widgets answer keys only once hydrated. */
const selectionReady = (page: Page) => page.locator(".data-table__count[data-ready]").waitFor();

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

describe("loading state", () => {
  it("says the next page is loading while it is on its way", async () => {
    const { page, context } = await signInAs(browser, server, DEMO_STAFF.MARKETING, { locale: "en-GB" });
    try {
      await page.goto(`${server.url}/staff/contacts?lang=en`);
      // The page is hydrated once its selection widgets are (one React root): links navigate on the client from then.
      await selectionReady(page);
      // Hold the client navigation's server answer back, so the pending state is there to see.
      let release = () => {};
      const held = new Promise<void>((r) => (release = r));
      await page.route(
        (u) => u.searchParams.has("after"),
        async (route) => {
          await held;
          await route.continue();
        },
      );
      await tabToName(page, "Next page");
      await page.keyboard.press("Enter");
      const hint = page.getByRole("status").filter({ hasText: "Loading …" });
      await expect.poll(() => hint.count()).toBe(1);
      await expectAccessible(page);
      release();
      await page.waitForURL((u) => u.searchParams.has("after"));
      await expect.poll(() => hint.count()).toBe(0);
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

const csvRows = (text: string) => parse(text.replace(/^\uFEFF/, ""), { delimiter: ";" }) as string[][];

describe("row selection and bulk actions (en)", () => {
  it("ticks the page, exports exactly the ticked contacts, and says how many are selected", async () => {
    const { page, context } = await signInAs(browser, server, DEMO_STAFF.MARKETING, { locale: "en-GB" });
    try {
      await page.goto(`${server.url}/staff/contacts?lang=en`);
      const exportSelected = page.getByRole("button", { name: "Export selected (CSV)" });
      expect(await selectedCount(page)).toBe("No rows selected");
      await selectionReady(page);
      expect(await exportSelected.getAttribute("aria-disabled")).toBe("true");
      await expectAccessible(page);

      await tabToName(page, "Select all rows on this page");
      await page.keyboard.press("Space");
      await expect.poll(() => selectedCount(page)).toBe("25 rows selected");
      const rows = page.locator("table tbody tr");
      const firstName = (await names(page))[0]!;
      await tabToName(page, `Select ${firstName}`);
      await page.keyboard.press("Space");
      await expect.poll(() => selectedCount(page)).toBe("24 rows selected");
      const selectAll = page.getByRole("checkbox", { name: "Select all rows on this page" });
      expect(await selectAll.evaluate((el) => (el as HTMLInputElement).indeterminate)).toBe(true);
      await expectAccessible(page);

      const ticked = await rows
        .locator('input[name="ids"]:checked')
        .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
      expect(ticked).toHaveLength(24);
      await tabToName(page, "Export selected (CSV)");
      const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
      expect(download.suggestedFilename()).toMatch(/^contacts-\d{4}-\d{2}-\d{2}\.csv$/);
      const file = csvRows(await streamText(await download.createReadStream()));
      expect(file[0]!.slice(0, 3)).toEqual(["id", "Name", "Email"]);
      expect(
        file
          .slice(1)
          .map((r) => r[0])
          .sort(),
      ).toEqual([...ticked].sort());
    } finally {
      await context.close();
    }
  });

  it("exports every contact the filters match from the toolbar link", async () => {
    const { page, context } = await signInAs(browser, server, DEMO_STAFF.PRIVACY_OFFICER, { locale: "en-GB" });
    try {
      await page.goto(`${server.url}/staff/contacts?lang=en&optedOut=no`);
      const total = Number((await page.getByTestId("contact-total").innerText()).match(/^(\d+)/)![1]);
      const link = page.getByRole("link", { name: new RegExp(`^Export all ${total} contacts`) });
      const href = await link.getAttribute("href");
      expect(href).toContain("optedOut=no");
      const res = await page.request.get(`${server.url}${href}`);
      expect(res.headers()["content-type"]).toContain("text/csv");
      const file = csvRows(await res.text());
      expect(file.length - 1).toBe(total);
      expect(file.slice(1).every((r) => r[7] === "")).toBe(true);
    } finally {
      await context.close();
    }
  });

  it("hands a ticked organisation to no account manager, by keyboard, and says so", async () => {
    const { page, context } = await signInAs(browser, server, DEMO_STAFF.ADMIN, { locale: "en-GB" });
    try {
      await page.goto(`${server.url}/staff/organisations?lang=en&q=Kvarnby`);
      expect(await names(page)).toEqual(["Kvarnby kommun"]);
      await selectionReady(page);
      const managerCell = page.locator("table tbody tr td").nth(4);
      expect(await managerCell.innerText()).not.toBe("");
      await tabToName(page, "Select Kvarnby kommun");
      await page.keyboard.press("Space");
      await expect.poll(() => selectedCount(page)).toBe("1 row selected");
      // The native select, by keyboard: focus it and step down from "Choose …" to "No account manager".
      await page.getByLabel("New account manager for the selected").focus();
      await page.keyboard.press("ArrowDown");
      expect(await page.getByLabel("New account manager for the selected").inputValue()).toBe("none");
      await tabToName(page, "Change account manager");
      await page.keyboard.press("Enter");
      await page.waitForURL((u) => u.searchParams.get("bulk") === "assigned");
      await expect
        .poll(() => page.getByRole("status").filter({ hasText: "now has" }).innerText())
        .toBe("1 organisation now has no account manager.");
      expect(new URL(page.url()).searchParams.get("q")).toBe("Kvarnby");
      expect(await page.locator("table tbody tr td").nth(4).innerText()).toBe("");
      await expectAccessible(page);
    } finally {
      await context.close();
    }
  });

  it("offers no selection to account managers, who may not export or hand organisations away", async () => {
    const { page, context } = await signInAs(browser, server, DEMO_STAFF.ACCOUNT_MANAGER, { locale: "en-GB" });
    try {
      for (const path of ["/staff/contacts?lang=en", "/staff/organisations?lang=en"]) {
        await page.goto(`${server.url}${path}`);
        expect(await page.locator('input[name="ids"]').count(), path).toBe(0);
        expect(await page.getByRole("link", { name: /^Export all/ }).count(), path).toBe(0);
      }
    } finally {
      await context.close();
    }
  });
});

async function streamText(stream: NodeJS.ReadableStream): Promise<string> {
  let s = "";
  for await (const chunk of stream) s += typeof chunk === "string" ? chunk : (chunk as Buffer).toString("utf8");
  return s;
}
