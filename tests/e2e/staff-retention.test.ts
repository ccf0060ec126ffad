// The Retention page in a real browser, on the demo register (its former customer, Fjällström Logistik, ended 9 years
// and 11 months before the seed): the privacy officer finds it in the side navigation, reads in Swedish and English
// (axe finds nothing) that three contacts fall due within 30 days and why; places a legal hold on one of them by
// keyboard after a refused attempt that names its fields; releases it after confirming. Marketing is refused.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_CONTACTS } from "@/prisma/demo-data";
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

// The seed's former customer ended 119 months before the seed (prisma/seed-demo.ts), so its contacts fall due 120
// months after that: about a month from now.
const dueOn = (() => {
  const d = new Date();
  d.setUTCMonth(d.getUTCMonth() - 119);
  d.setUTCFullYear(d.getUTCFullYear() + 10);
  return d;
})();
const within30Days = dueOn.getTime() <= Date.now() + 30 * 86_400_000;

const former = DEMO_CONTACTS.filter((c) => c.roles.some((r) => r.org === "demo_org_fjallstrom"));

async function expectAccessible(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

/** The catch-up run at start computes the forecast; the page says so once it has finished. */
async function openWhenComputed(page: Page, url: string) {
  for (let i = 0; i < 60; i++) {
    await page.goto(url);
    if (!/(inte kört klart|not finished a run)/.test(await page.getByTestId("retention-as-of").innerText())) return;
    await page.waitForTimeout(500);
  }
  throw new Error("the retention job never finished its first run");
}

describe("privacy officer", () => {
  it("sees what falls due and why, in Swedish and English, and holds and releases a contact", async () => {
    const { page, context } = await signInAs(browser, server, DEMO_STAFF.PRIVACY_OFFICER);
    try {
      await page.goto(`${server.url}/staff?lang=sv`);
      await page.locator('nav a[href="/staff/retention"]').click();
      await page.waitForURL((u) => u.pathname === "/staff/retention");
      await openWhenComputed(page, `${server.url}/staff/retention?lang=sv`);
      expect(former).toHaveLength(3);

      for (const lang of ["sv", "en"] as const) {
        await page.goto(`${server.url}/staff/retention?lang=${lang}`);
        await expectAccessible(page);
        expect(await page.locator("h1").innerText()).toBe(lang === "sv" ? "Gallring" : "Retention");
        const byCategory = page.getByTestId("retention-by-category");
        const customers = byCategory.locator("tbody tr", {
          hasText: lang === "sv" ? "Kontaktpersoner hos kunder" : "Contact people at customers",
        });
        // Overdue 0; within 30 days 3 when "one month" from the limit is 30 days or less (not in a 31-day month);
        // within 90 and 365 days 3.
        expect((await customers.locator("td").allInnerTexts()).map((s) => s.trim())).toEqual([
          "0",
          within30Days ? "3" : "0",
          "3",
          "3",
        ]);
        expect(await page.getByTestId("retention-by-organisation").innerText()).toContain("Fjällström Logistik AB");
        const list = page.getByTestId("retention-due-list");
        for (const c of former) {
          const row = list.locator(`tr[data-contact-id="${c.id}"]`);
          expect(await row.innerText()).toContain(
            lang === "sv" ? "10 år efter att relationen upphörde" : "10 years after the relationship ended",
          );
        }
        expect(await page.getByTestId("retention-runs").locator("tbody tr").count()).toBeGreaterThan(0);
      }

      // Placing a hold with the keyboard: a first attempt without reason or date is refused per field.
      const target = former[0]!;
      await page.goto(`${server.url}/staff/retention?lang=en`);
      await page.getByLabel("The contact's email address").focus();
      await page.keyboard.type(target.email);
      await page.getByRole("button", { name: "Place hold" }).focus();
      await page.keyboard.press("Enter");
      await page.getByText("Enter a reason of at least 3 characters.").waitFor();
      expect(await page.getByText("Enter a date (YYYY-MM-DD).").count()).toBe(1);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("hold-reason");
      await expectAccessible(page);
      await page.keyboard.type("Invoice dispute D-2026-17");
      const endsOn = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
      await page.getByLabel("Until (YYYY-MM-DD)").fill(endsOn);
      await page.getByRole("button", { name: "Place hold" }).focus();
      await page.keyboard.press("Enter");
      await page.getByText("The hold is placed: the retention job skips it from now on.").waitFor();
      const holds = page.getByTestId("legal-holds");
      const row = holds.locator("tbody tr", { hasText: "Invoice dispute D-2026-17" });
      await row.waitFor();
      expect(await row.innerText()).toContain(target.name);
      expect(await row.innerText()).toContain("Active");
      expect(
        await page.getByTestId("retention-due-list").locator(`tr[data-contact-id="${target.id}"]`).innerText(),
      ).toContain("Held");

      // Released after confirming; "Back" is focused first.
      await row.getByRole("button", { name: `Release the hold on ${target.name}` }).click();
      const dialog = page.getByRole("alertdialog", { name: "Release this hold?" });
      await dialog.waitFor();
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Back");
      await expectAccessible(page);
      await dialog.getByRole("button", { name: "Release" }).click();
      await page.waitForURL((u) => u.searchParams.get("done") === "released");
      expect(await page.getByTestId("hold-status").innerText()).toBe("The hold is released.");
      expect(await row.innerText()).toContain("Released");
    } finally {
      await context.close();
    }
  });
});

describe("marketing", () => {
  it("is refused the page", async () => {
    const { page, context } = await signInAs(browser, server, DEMO_STAFF.MARKETING);
    try {
      await page.goto(`${server.url}/staff/retention`);
      await page.waitForURL((u) => u.pathname === "/staff/forbidden");
      expect(await page.locator('nav a[href="/staff/retention"]').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
