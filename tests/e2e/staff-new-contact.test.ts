// Creating a contact in a real browser: per-field errors, then a new contact and a role for it; an erased person's address is refused
// with the reason and date of the tombstone, and created after the explicit override with a new source and basis.
// The privacy officer erases the demo contact first through the erase page. axe on the form, errors and override.
import { today as stockholmToday } from "@/app/staff/_components/format";
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

const ERASED = { id: "demo_contact_09", name: "Fatima Ali", email: "fatima.ali@kvarnby.example" };

describe("staff create contact (sv)", () => {
  it("shows per-field errors and creates a contact", async () => {
    const { page, context } = await signInAs(browser, server, DEMO_STAFF.ACCOUNT_MANAGER);
    try {
      await page.goto(`${server.url}/staff/contacts/new`);
      expect(await page.locator("h1").innerText()).toBe("Ny kontakt");
      await expectAccessible(page);

      await page.locator("#f-email").fill("inte-en-adress");
      await page.getByRole("button", { name: "Lägg in kontakten" }).click();
      await expect.poll(() => page.locator("#f-name-error").textContent()).toBe("Ange ett namn.");
      expect(await page.locator("#f-email-error").textContent()).toBe("Skriv e-postadressen som namn@exempel.se.");
      expect(await page.locator("#f-name").getAttribute("aria-invalid")).toBe("true");
      expect(await page.locator("#f-email").inputValue()).toBe("inte-en-adress");
      await expectAccessible(page);

      await page.locator("#f-name").fill("Nora Ny");
      await page.locator("#f-email").fill(`nora.ny.${Date.now()}@exempel.se`);
      await page.locator("#f-sourceDetail").fill("Ringde in");
      // Only the organisations Karin manages are offered.
      const offered = await page.locator("#f-organisationId option").allInnerTexts();
      expect(offered).toContain("Nordlys Energi AB");
      expect(offered).not.toContain("Kvarnby kommun");
      await page.locator("#f-organisationId").selectOption("demo_org_nordlys");
      await page.locator("#f-roleType").selectOption("SYSTEM_OWNER");
      await page.getByRole("button", { name: "Lägg in kontakten" }).click();
      await page.waitForURL((u) => /^\/staff\/contacts\/[^/]+$/.test(u.pathname) && !u.pathname.endsWith("/new"));
      expect(await page.locator("h1").innerText()).toBe("Nora Ny");

      // Add a role from the detail page: only the organisations Karin manages are offered.
      await page.getByRole("link", { name: "Lägg till roll" }).click();
      await page.waitForURL((u) => u.pathname.endsWith("/roles"));
      await expectAccessible(page);
      await page.getByRole("button", { name: "Lägg till roll" }).click();
      await expect.poll(() => page.locator("#f-organisationId-error").textContent()).toBe("Välj en organisation.");
      await expectAccessible(page);
      const orgs = await page
        .locator("#f-organisationId option")
        .evaluateAll((os) => os.map((o) => ({ value: (o as HTMLOptionElement).value, label: o.textContent ?? "" })));
      const org = orgs.find((o) => o.value !== "")!;
      await page.locator("#f-organisationId").selectOption(org.value);
      await page.locator("#f-type").selectOption("TECHNICAL_CONTACT");
      await page.locator("#f-title").fill("Driftansvarig");
      await page.getByRole("button", { name: "Lägg till roll" }).click();
      await page.waitForURL((u) => !u.pathname.endsWith("/roles"));
      const roles = await page.locator("table").first().locator("tbody tr").allInnerTexts();
      expect(roles).toHaveLength(2);
      const added = roles.find((r) => r.includes("Teknisk kontakt (Driftansvarig)"));
      expect(added).toContain(org.label);
    } finally {
      await context.close();
    }
  });

  it("explains an erased address's tombstone and creates it after an explicit override", async () => {
    const officer = await signInAs(browser, server, DEMO_STAFF.PRIVACY_OFFICER);
    try {
      await officer.page.goto(`${server.url}/staff/contacts/${ERASED.id}/erase`);
      await officer.page.locator("input[name=channel][value=EMAIL]").check();
      await officer.page.locator("input[name=confirm]").check();
      await officer.page.getByRole("button", { name: "Radera för gott" }).click();
      await officer.page.waitForURL((u) => u.pathname === "/staff/contacts" && u.searchParams.has("erased"));
    } finally {
      await officer.context.close();
    }

    const { page, context } = await signInAs(browser, server, DEMO_STAFF.ACCOUNT_MANAGER);
    try {
      await page.goto(`${server.url}/staff/contacts/new`);
      await page.locator("#f-name").fill(ERASED.name);
      await page.locator("#f-email").fill(ERASED.email);
      // An account manager's contact belongs to one of her organisations from the start.
      await page.locator("#f-organisationId").selectOption("demo_org_nordlys");
      await page.locator("#f-roleType").selectOption("TECHNICAL_CONTACT");
      await page.getByRole("button", { name: "Lägg in kontakten" }).click();
      // The page writes the Stockholm day: after 23:00 UTC that is already tomorrow in UTC terms.
      const today = stockholmToday();
      await expect
        .poll(() => page.locator("form [role=status]").innerText())
        .toContain(`Personen raderades på egen begäran den ${today}.`);
      await page.locator("[data-testid=override]").waitFor();
      await expectAccessible(page);

      // The answer keeps every choice, selects included (React resets a form after an action).
      expect(await page.locator("#f-organisationId").inputValue()).toBe("demo_org_nordlys");
      expect(await page.locator("#f-roleType").inputValue()).toBe("TECHNICAL_CONTACT");

      // The override without a basis and new source is refused per field.
      await page.locator("#f-override").check();
      await page.getByRole("button", { name: "Lägg in kontakten" }).click();
      await expect
        .poll(() => page.locator("#f-overrideBasis-error").textContent())
        .toBe("Välj den rättsliga grunden för att lägga in personen igen.");
      expect(await page.locator("#f-organisationId").inputValue()).toBe("demo_org_nordlys");
      expect(await page.locator("#f-roleType").inputValue()).toBe("TECHNICAL_CONTACT");
      await expectAccessible(page);

      await page.locator("#f-overrideBasis").selectOption("LEGITIMATE_INTEREST");
      await page.locator("#f-sourceType").selectOption("MET_AT_EVENT");
      await page.locator("#f-sourceDetail").fill("Träffades igen på Cloud Summit 2026");
      await page.locator("#f-sourceDate").fill(today);
      await page.locator("#f-overrideReason").fill("Bad själv om att bli kontaktad igen");
      await page.getByRole("button", { name: "Lägg in kontakten" }).click();
      await page.waitForURL((u) => /^\/staff\/contacts\/[^/]+$/.test(u.pathname) && !u.pathname.endsWith("/new"));
      expect(await page.locator("h1").innerText()).toBe(ERASED.name);
    } finally {
      await context.close();
    }
  });
});
