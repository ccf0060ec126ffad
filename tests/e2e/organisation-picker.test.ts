// The organisation type-ahead, driven by keyboard only: the contact list's filter (one organisation, submitted with
// the form's GET) and the segment builder (several, each choice recounted live, removed with the keyboard). Neither
// page renders the register's organisations as <option>s. axe with the list open, in Swedish and English, and at
// phone width.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, axeViolationsWithListOpen } from "./support/axe";
import { launchBrowser, MOBILE } from "./support/browser";
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

async function expectAccessibleWithListOpen(page: Page) {
  expect(await axeViolationsWithListOpen(page)).toEqual([]);
}

/** Tabs from the page's start until the element with this id has focus (keyboard only, no clicks). */
async function tabTo(page: Page, id: string) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((x) => document.activeElement?.id === x, id)) return;
  }
  throw new Error(`#${id} never got focus`);
}

const options = (page: Page) => page.getByRole("option").allInnerTexts();

describe("contact list filter (sv)", () => {
  it("finds an organisation by part of its name, filters the list by it, and keeps it named", async () => {
    const { page, context } = await signInAs(browser, server, DEMO_STAFF.ADMIN);
    try {
      await page.goto(`${server.url}/staff/contacts?lang=sv`);
      expect(await page.locator("option").allInnerTexts()).not.toContain("Nordlys Energi AB");
      const input = page.getByRole("combobox", { name: "Organisation" });
      const id = await input.getAttribute("id");
      await tabTo(page, id!);
      await page.keyboard.type("nordl");
      await expect.poll(() => options(page)).toEqual([expect.stringContaining("Nordlys Energi AB")]);
      await expectAccessibleWithListOpen(page);
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("Enter");
      expect(await input.inputValue()).toBe("Nordlys Energi AB");
      await expect.poll(() => page.getByRole("listbox").count()).toBe(0);
      await page.keyboard.press("Enter"); // submits the filter form
      await page.waitForURL((u) => u.searchParams.get("organisationId") === "demo_org_nordlys");
      expect(await page.getByRole("combobox", { name: "Organisation" }).inputValue()).toBe("Nordlys Energi AB");
      const rows = await page.locator("table tbody tr").allInnerTexts();
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row).toContain("Nordlys Energi AB");
      await expectAccessible(page);

      // Clearing the field and submitting again lists every organisation's contacts.
      await page.getByRole("combobox", { name: "Organisation" }).fill("");
      await page.keyboard.press("Escape");
      await page.locator("form[role=search] button[type=submit]").press("Enter");
      await page.waitForURL((u) => !u.searchParams.get("organisationId"));
    } finally {
      await context.close();
    }
  });

  it("says so when nothing matches, and finds an organisation by its number", async () => {
    const { page, context } = await signInAs(browser, server, DEMO_STAFF.SUPPORT);
    try {
      await page.goto(`${server.url}/staff/contacts?lang=sv`);
      const input = page.getByRole("combobox", { name: "Organisation" });
      await input.focus();
      await page.keyboard.type("zzzz-ingen");
      await expect.poll(() => page.locator(".org-picker__empty").innerText()).toBe("Ingen organisation matchar.");
      await input.fill("");
      const number = await page.evaluate(async () => {
        const r = await fetch("/staff/organisations/search?q=Nordlys");
        return ((await r.json()) as { organisations: { orgNumber: string | null }[] }).organisations[0]?.orgNumber;
      });
      expect(number).toMatch(/^\d{6}-\d{4}$/);
      await page.keyboard.type(number!.replace("-", ""));
      await expect.poll(() => options(page)).toEqual([expect.stringContaining("Nordlys Energi AB")]);
    } finally {
      await context.close();
    }
  });
});

describe("role and new contact (sv)", () => {
  it("the admin picks any organisation by typing; an account manager gets a select of her own", async () => {
    const { page, context } = await signInAs(browser, server, DEMO_STAFF.ADMIN);
    try {
      await page.goto(`${server.url}/staff/contacts/demo_contact_07/roles?lang=sv`);
      expect(await page.locator("select[name=organisationId]").count()).toBe(0);
      const input = page.getByRole("combobox", { name: "Organisation" });
      await tabTo(page, (await input.getAttribute("id"))!);
      await page.keyboard.type("fjäll");
      await expect.poll(() => options(page)).toEqual([expect.stringContaining("Fjällström Logistik AB")]);
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("Enter");
      expect(await input.inputValue()).toBe("Fjällström Logistik AB");
      await page.locator("#f-type").selectOption("BILLING_CONTACT");
      await expectAccessible(page);
      await page.getByRole("button", { name: "Lägg till roll" }).click();
      await page.waitForURL((u) => u.pathname === "/staff/contacts/demo_contact_07");
      const roles = await page.locator("table").first().locator("tbody tr").allInnerTexts();
      expect(roles.some((r) => r.includes("Fjällström Logistik AB") && r.includes("Fakturakontakt"))).toBe(true);

      await page.goto(`${server.url}/staff/contacts/new?lang=sv`);
      expect(await page.getByRole("combobox", { name: "Organisation (valfritt)" }).count()).toBe(1);
      await expectAccessible(page);
    } finally {
      await context.close();
    }
    const karin = await signInAs(browser, server, DEMO_STAFF.ACCOUNT_MANAGER);
    try {
      await karin.page.goto(`${server.url}/staff/contacts/new?lang=sv`);
      const offered = await karin.page.locator("#f-organisationId option").allInnerTexts();
      expect(offered).toContain("Nordlys Energi AB");
      expect(offered).not.toContain("Kvarnby kommun");
      expect(await karin.page.locator("input[role=combobox]").count()).toBe(0); // (a <select> is a combobox too)
    } finally {
      await karin.context.close();
    }
  });
});

describe("segment builder (en)", () => {
  it("adds two organisations by keyboard, recounts after each, and removes one with the keyboard", async () => {
    const { page, context } = await signInAs(browser, server, DEMO_STAFF.MARKETING, { locale: "en-GB" });
    try {
      await page.goto(`${server.url}/staff/segments/new?lang=en`);
      const total = page.locator("[data-testid=segment-total]");
      await total.waitFor();
      const everyone = await total.innerText();
      const input = page.getByRole("combobox", { name: "Organisations" });
      await tabTo(page, (await input.getAttribute("id"))!);
      await page.keyboard.type("nordlys");
      await expect.poll(() => options(page)).toEqual([expect.stringContaining("Nordlys Energi AB")]);
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("Enter");
      expect(await input.inputValue()).toBe("");
      // (Read by class: while the list is open React Aria hides the rest of the page from role queries.)
      const tags = page.locator(".org-picker__tags");
      await expect.poll(() => tags.innerText()).toContain("Nordlys Energi AB");
      await expect.poll(() => total.innerText()).not.toBe(everyone);
      const nordlys = await total.innerText();

      await page.keyboard.type("kvarnby");
      await expect.poll(() => options(page)).toEqual([expect.stringContaining("Kvarnby kommun")]);
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("Enter");
      await expect.poll(() => tags.innerText()).toContain("Kvarnby kommun");
      await expect.poll(() => total.innerText()).not.toBe(nordlys);
      expect(
        await page
          .locator("input[type=hidden][name=organisationIds]")
          .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)),
      ).toEqual(["demo_org_nordlys", "demo_org_kvarnby"]);
      await expectAccessibleWithListOpen(page);

      // Escape closes the list; Tab moves into the chosen list (the first tag), Delete removes it: Kvarnby remains.
      await page.keyboard.press("Escape");
      await expect.poll(() => page.getByRole("listbox").count()).toBe(0);
      await expectAccessible(page);
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("Nordlys Energi AB");
      await page.keyboard.press("Delete");
      await expect.poll(() => tags.innerText()).not.toContain("Nordlys Energi AB");
      expect(await tags.innerText()).toContain("Kvarnby kommun");
      await expect
        .poll(() =>
          page
            .locator("input[type=hidden][name=organisationIds]")
            .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)),
        )
        .toEqual(["demo_org_kvarnby"]);
      await expect.poll(() => total.innerText()).not.toBe(nordlys);
      expect(await page.locator("select[name=organisationIds] option").count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it("works at phone width with no axe violations", async () => {
    const { page, context } = await signInAs(browser, server, DEMO_STAFF.MARKETING, { viewport: MOBILE });
    try {
      await page.goto(`${server.url}/staff/segments/new?lang=sv`);
      const input = page.getByRole("combobox", { name: "Organisationer" });
      await input.focus();
      await page.keyboard.type("n");
      await expect.poll(async () => (await options(page)).length).toBeGreaterThan(0);
      await expectAccessibleWithListOpen(page);
      // Tab leaves the field, which closes the list. (Not Escape: axe scrolls the page while it checks, React Aria
      // closes a list on scroll, and Escape in a closed field clears it, which opens the list again.)
      await page.keyboard.press("Tab");
      await expect.poll(() => page.getByRole("listbox").count()).toBe(0);
      await expectAccessible(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    } finally {
      await context.close();
    }
  });
});
