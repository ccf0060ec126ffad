// The privacy officer's view of the policy (/staff/policy) in a real browser: the policy file as a page, the recorded
// versions with their contacts, and the comparison of two versions chosen with the keyboard, in Swedish and English
// with axe finding nothing. Before the server starts, an earlier version is recorded and two demo contacts are moved
// to it (one more to "before versions were recorded"), as a deployment that has run for a while would look.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPolicyFile } from "@/lib/policy/file/load-policy-file";
import { axeViolations } from "./support/axe";
import { launchBrowser } from "./support/browser";
import { startServer, type AppServer } from "./support/server";
import { DEMO_STAFF, signInAs } from "./support/staff";

const current = loadPolicyFile("lib/policy/files/reference.yaml");
const OLD_HASH = "a".repeat(64);
const OLD_SOURCE = current.source.replace(/^ {2}effective: \S+$/m, "  effective: 2023-01-01");

let server: AppServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([
    startServer({
      beforeStart: async (db) => {
        await db.policyVersion.create({
          data: {
            hash: OLD_HASH,
            effective: new Date("2023-01-01T00:00:00Z"),
            note: { sv: "Den förra versionen.", en: "The previous version." },
            source: OLD_SOURCE,
            firstSeenAt: new Date("2023-01-01T08:00:00Z"),
          },
        });
        await db.contact.updateMany({
          where: { id: { in: ["demo_contact_01", "demo_contact_02"] } },
          data: { policyVersionHash: OLD_HASH },
        });
        await db.contact.update({ where: { id: "demo_contact_03" }, data: { policyVersionHash: null } });
      },
    }),
    launchBrowser(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function expectAccessible(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

describe("privacy officer", () => {
  it("reads the policy, its versions and compares two of them, in Swedish and English", async () => {
    const { page, context } = await signInAs(browser, server, DEMO_STAFF.PRIVACY_OFFICER);
    for (const lang of ["sv", "en"] as const) {
      await page.goto(`${server.url}/staff/policy?lang=${lang}`);
      await expectAccessible(page);
      expect(await page.getByTestId("policy-effective").innerText()).toContain(current.hash);
      await page.getByTestId("policy-categories-table").waitFor();
      await page.getByTestId("policy-purpose-MARKETING_MAILINGS").waitFor();
      const rows = page.getByTestId("policy-versions-table").locator("tbody tr");
      expect(await rows.count()).toBe(2);
      expect(await rows.nth(0).getAttribute("data-version")).toBe(current.hash);
      expect(await rows.nth(1).getByTestId("version-contacts").innerText()).toBe("2");
      expect(await page.getByTestId("collected-before").innerText()).toMatch(/^1 /);
      // The nav lists the page for the privacy officer.
      expect(await page.locator('nav a[href="/staff/policy"]').count()).toBe(1);
    }

    // Keyboard only: the selects default to the previous and the current version; Enter on the button compares.
    await page.locator("#diff-from").focus();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.getByTestId("policy-diff").waitFor();
    expect(new URL(page.url()).searchParams.get("from")).toBe(OLD_HASH);
    const diff = page.getByTestId("policy-diff");
    expect(await diff.locator("del").allInnerTexts()).toEqual(["  effective: 2023-01-01"]);
    expect(await diff.locator("ins").allInnerTexts()).toEqual([`  effective: ${current.version.effective}`]);
    expect(await diff.locator('tr[data-kind="added"]').innerText()).toContain("Added");
    expect(await page.getByTestId("policy-diff-result").innerText()).toContain("1 line added, 1 line removed");
    await expectAccessible(page);
    await page.goto(`${page.url().replace("lang=en", "lang=sv")}`);
    await page.getByTestId("policy-diff").waitFor();
    await expectAccessible(page);

    // A version that is not recorded: said so, no diff.
    await page.goto(`${server.url}/staff/policy?lang=en&from=${"b".repeat(64)}&to=${current.hash}`);
    expect(await page.getByTestId("diff-unknown").innerText()).toContain("not recorded");
    expect(await page.getByTestId("policy-diff").count()).toBe(0);
    await context.close();
  });

  it("checks a draft of the policy file: its problems by field, then its changes and the privacy page it makes", async () => {
    const { page, context } = await signInAs(browser, server, DEMO_STAFF.PRIVACY_OFFICER);
    await page.goto(`${server.url}/staff/policy?lang=en`);
    await page.getByRole("link", { name: "Preview a draft of the policy file" }).click();
    await page.waitForURL((u) => u.pathname === "/staff/policy/preview");
    await expectAccessible(page);

    // A draft with a mistake: the field is named, nothing is previewed.
    const fictional = loadPolicyFile("lib/policy/files/fictional-example.yaml").source;
    await page.locator("#f-draft").fill(fictional.replace("lifetimeDays: 180", "lifetimeDays: 500"));
    await page.getByRole("button", { name: "Check and preview" }).click();
    await expect.poll(() => page.getByTestId("draft-outcome").getAttribute("data-status")).toBe("invalid");
    expect(await page.getByTestId("draft-problems").innerText()).toContain("consent.lifetimeDays: at most 365 days");
    expect(await page.locator("#f-draft").getAttribute("aria-invalid")).toBe("true");
    await expectAccessible(page);

    // The fixed draft: valid, its changes against the file in force, and the privacy page in its one language.
    await page.locator("#f-draft").fill(fictional);
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByTestId("draft-outcome").getAttribute("data-status")).toBe("valid");
    expect(await page.getByTestId("draft-outcome").innerText()).toContain("The draft is valid");
    expect(await page.getByTestId("policy-diff").locator("ins").count()).toBeGreaterThan(10);
    const preview = page.getByRole("region", { name: "Preview of the privacy page" });
    expect(await preview.getAttribute("lang")).toBe("en");
    const text = await preview.innerText();
    expect(text).toContain("Northwind Components Ltd is the controller");
    expect(text).toContain("6 years after your role at the organisation ended.");
    expect(text).not.toContain("Elastx");
    await expectAccessible(page);
    // Nothing was saved: the policy in force is unchanged.
    await page.goto(`${server.url}/privacy?lang=en`);
    expect(await page.locator("main").innerText()).toContain("Elastx is the controller");
    await context.close();
  });

  it("the privacy officer starts the announcement of the version in force as a new mailing", async () => {
    const { page, context } = await signInAs(browser, server, DEMO_STAFF.PRIVACY_OFFICER);
    await page.goto(`${server.url}/staff/policy?lang=en`);
    await page.getByRole("link", { name: "Announce this version to the people it concerns" }).click();
    await page.waitForURL((u) => u.pathname === "/staff/mailings/new");
    expect(await page.locator("#f-name").inputValue()).toBe(
      `Integritetspolicyn från ${current.version.effective} (${current.hash.slice(0, 12)})`,
    );
    expect(await page.locator("#f-subjectEn").inputValue()).toBe("We have updated our privacy policy");
    expect(await page.locator("#f-bodyEn").inputValue()).toContain(`/privacy#versions`);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
