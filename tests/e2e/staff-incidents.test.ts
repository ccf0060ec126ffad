// The incident register (/staff/incidents) in a real browser: the privacy officer finds it in the side navigation,
// records an incident in Swedish by keyboard (per-field errors first), reads it in English, adds an affected contact
// from a pasted list (a line matching nobody reported), records the decision not to notify the authority with its
// reason, drafts the notification of the affected people (Art. 34) and opens it for review, and sees the clock on the
// list and the staff home; axe finds nothing on any page. Marketing is refused.
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

/** Presses Tab until the focused element is the one matching `selector`. */
async function tabTo(page: Page, selector: string) {
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`"${selector}" never got focus`);
}

describe("privacy officer", () => {
  it("records an incident in Swedish by keyboard, reads it in English and documents the authority decision", async () => {
    const { page, context } = await signInAs(browser, server, DEMO_STAFF.PRIVACY_OFFICER);
    try {
      await page.goto(`${server.url}/staff?lang=sv`);
      await page.locator('nav a[href="/staff/incidents"]').click();
      await page.waitForURL((u) => u.pathname === "/staff/incidents");
      await expectAccessible(page);
      expect(await page.locator("h1").innerText()).toBe("Personuppgiftsincidenter");

      await page.goto(`${server.url}/staff/incidents/new?lang=sv`);
      await expectAccessible(page);
      // Submitted empty but for the default discovery time: each missing field says so, focus on the first.
      await page.locator("main").focus();
      await tabTo(page, 'button[type="submit"]');
      await page.keyboard.press("Enter");
      await page.getByTestId("record-status").filter({ hasText: "registrerades inte" }).waitFor();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("inc-title");
      expect(await page.locator("#inc-title-error").innerText()).toBe("Ge incidenten en rubrik.");
      expect(await page.locator("#inc-data-error").innerText()).toBe("Välj minst en kategori av uppgifter.");
      await expectAccessible(page);

      await page.keyboard.type("Stulen dator, sälj");
      await tabTo(page, "#inc-description");
      await page.keyboard.type("En säljares dator med en export av kontaktlistan stals ur en bil.");
      await tabTo(page, 'input[name="dataCategories"][value="contact_details"]');
      await page.keyboard.press("Space");
      await tabTo(page, 'input[name="peopleCategories"][value="CUSTOMER_CONTACT"]');
      await page.keyboard.press("Space");
      await tabTo(page, "#inc-consequences");
      await page.keyboard.type("Nätfiske riktat mot personerna på listan.");
      await tabTo(page, "#inc-measures");
      await page.keyboard.type("Diskkryptering bekräftad; kontots sessioner återkallade.");
      await tabTo(page, "#inc-risk");
      await page.keyboard.press("End"); // the last option: high risk
      await tabTo(page, 'button[type="submit"]');
      await page.keyboard.press("Enter");
      const status = page.getByTestId("record-status").filter({ hasText: "registrerad som" });
      await status.waitFor();
      const reference = /INC-\d{4}-\d{3}/.exec(await status.innerText())![0];
      await page.getByTestId("recorded-link").click();
      await page.waitForURL((u) => u.pathname.startsWith("/staff/incidents/") && !u.pathname.endsWith("/new"));
      const url = new URL(page.url());

      await page.goto(`${server.url}${url.pathname}?lang=sv`);
      expect(await page.locator("h1").innerText()).toBe(`${reference}: Stulen dator, sälj`);
      expect(await page.getByTestId("incident-clock").innerText()).toMatch(/^7[12] timmar kvar/);
      expect(await page.getByTestId("incident-risk").innerText()).toBe("Hög risk");
      await expectAccessible(page);

      await page.goto(`${server.url}${url.pathname}?lang=en`);
      await expectAccessible(page);
      expect(await page.getByTestId("incident-clock").innerText()).toMatch(/^Due in 7[12] hours · Deadline /);
      expect(await page.getByTestId("incident-facts").innerText()).toContain("Contact details (email address");
      expect(await page.getByTestId("incident-log").innerText()).toContain("Per Dahl: recorded");

      // Affected contacts from a pasted list, by keyboard; the line matching nobody is reported.
      await page.locator("main").focus();
      await tabTo(page, "#inc-addresses");
      await page.keyboard.type("lena.svensson@nordlys.example");
      await page.keyboard.press("Enter");
      await page.keyboard.type("nobody@nowhere.example");
      await page.keyboard.press("Tab");
      await page.keyboard.press("Enter");
      const added = page.getByTestId("add-status").filter({ hasText: "1 contact added" });
      await added.waitFor();
      expect(await added.innerText()).toContain("nobody@nowhere.example");
      await page.reload();
      expect(await page.getByTestId("affected-count").innerText()).toBe("1 contact is affected.");
      expect(await page.getByTestId("affected-list").innerText()).toContain("lena.svensson@nordlys.example");

      // The decision not to notify needs its reason; then the clock stops.
      await page.locator("main").focus();
      await tabTo(page, "#inc-reason");
      await page.keyboard.type("Disk encrypted; the key was never with the laptop.");
      await page.keyboard.press("Tab");
      await page.keyboard.press("Enter");
      await page.getByTestId("not-notified-status").filter({ hasText: "recorded" }).waitFor();
      await page.reload();
      expect(await page.getByTestId("incident-clock").innerText()).toBe("Not notified (reason recorded)");
      expect(await page.getByTestId("incident-log").innerText()).toContain("reason for not notifying");
      await expectAccessible(page);

      // Art. 34: the risk is high, so the people are notified: in Swedish the section and its button, and the button
      // drafts the mailing to them and opens it for review.
      await page.goto(`${server.url}${url.pathname}?lang=sv`);
      expect(await page.locator("#inc-people-heading").innerText()).toBe("Meddela de berörda");
      await expectAccessible(page);
      await page.goto(`${server.url}${url.pathname}?lang=en`);
      await page.getByTestId("notify-people").click();
      await page.waitForURL((u) => u.pathname.startsWith("/staff/mailings/") && u.pathname.endsWith("/edit"));
      expect(await page.locator('input[name="subjectEn"]').inputValue()).toBe(
        "A personal data breach that concerns your details",
      );
      expect(await page.locator('textarea[name="bodyEn"]').inputValue()).toContain(reference);
      await expectAccessible(page);
      await page.goto(`${server.url}${url.pathname}?lang=en`);
      expect(await page.getByTestId("notify-mailing").innerText()).toContain("Notification mailing (Draft)");
      expect(await page.getByTestId("incident-log").innerText()).toContain("notification mailing");
      expect(await page.getByTestId("notify-people").count()).toBe(0);
      await expectAccessible(page);

      await page.goto(`${server.url}/staff/incidents?lang=en`);
      const row = page.locator(`tr[data-incident-id="${url.pathname.split("/").pop()}"]`);
      expect(await row.innerText()).toContain("Not notified (reason recorded)");
      expect(await row.innerText()).toContain("Planned"); // high risk: the people are to be informed
      await expectAccessible(page);

      await page.goto(`${server.url}/staff?lang=en`);
      expect(await page.getByTestId("dashboard-incidents").innerText()).toContain(
        `${reference} Stulen dator, sälj: Not notified (reason recorded)`,
      );
    } finally {
      await context.close();
    }
  });
});

describe("marketing", () => {
  it("has no incidents entry and gets the forbidden page", async () => {
    const { page, context } = await signInAs(browser, server, DEMO_STAFF.MARKETING);
    try {
      expect(await page.locator('nav a[href="/staff/incidents"]').count()).toBe(0);
      await page.goto(`${server.url}/staff/incidents/new`);
      await page.waitForURL((u) => u.pathname === "/staff/forbidden");
    } finally {
      await context.close();
    }
  });
});
