// Register pages in a real browser: an account manager edits a contact of an organisation she manages (an invalid
// phone number first: the error sits at the field and is announced), ends a role; axe finds nothing on the list,
// detail and edit pages in Swedish and English; a marketing user's contact page holds no phone number at all.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "./support/axe";
import { launchBrowser, newPage } from "./support/browser";
import { startServer, type AppServer } from "./support/server";
import { CONFIRM_BUTTON, EMAIL_FORM_SUBMIT, signInLink } from "./support/staff";

let server: AppServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signIn(page: Page, address: string) {
  await page.goto(`${server.url}/staff/sign-in`);
  await page.locator("#staff-email").fill(address);
  await page.locator(EMAIL_FORM_SUBMIT).click();
  await page.waitForURL((u) => u.pathname === "/staff/sign-in/check-mail");
  const link = server.mails(address).map(signInLink).find(Boolean);
  expect(link).toBeDefined();
  await page.goto(link!);
  await page.getByRole("button", CONFIRM_BUTTON).click();
  await page.waitForURL((u) => u.pathname === "/staff");
}

async function expectAccessible(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

const LENA = "demo_contact_01";

describe("account manager", () => {
  it("edits a contact (invalid phone first), ends a role; pages accessible in sv and en", async () => {
    const { page, context } = await newPage(browser);
    await signIn(page, "karin.berg@elastx.example");

    for (const lang of ["sv", "en"]) {
      for (const path of [
        "/staff/contacts",
        `/staff/contacts?q=nordlys&page=1`,
        `/staff/contacts/${LENA}`,
        `/staff/contacts/${LENA}/edit`,
        "/staff/organisations",
        "/staff/organisations/demo_org_nordlys",
        "/staff/organisations/demo_org_nordlys/edit",
      ]) {
        await page.goto(`${server.url}${path}${path.includes("?") ? "&" : "?"}lang=${lang}`);
        expect(await page.locator("h1").count()).toBe(1);
        await expectAccessible(page);
      }
    }

    await page.goto(`${server.url}/staff/contacts/${LENA}/edit?lang=sv`);
    await page.locator("#f-phone").fill("12");
    await page.getByRole("button", { name: "Spara" }).click();
    await page.locator("#f-phone-error").waitFor();
    expect(await page.locator("#f-phone").getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#f-phone").getAttribute("aria-describedby")).toContain("f-phone-error");
    expect(await page.locator("#f-phone-error").innerText()).toContain("Telefonnumret är inte giltigt");
    expect(await page.locator("article [role=status]").innerText()).toContain("Några uppgifter behöver rättas");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("f-phone");
    await expectAccessible(page);

    await page.locator("#f-phone").fill("070-111 22 33");
    await page.getByRole("button", { name: "Spara" }).click();
    await page.waitForURL((u) => u.pathname === `/staff/contacts/${LENA}` && u.search.includes("status=saved"));
    expect(await page.getByTestId("contact-phone").innerText()).toBe("+46701112233");
    expect(await page.getByTestId("notice").innerText()).toContain("Sparat.");

    await page
      .getByRole("button", { name: /^Avsluta rollen/ })
      .first()
      .click();
    await page.waitForURL((u) => u.search.includes("status=role_ended"));
    expect(await page.getByTestId("notice").innerText()).toContain("Rollen har avslutats.");
    expect(await page.getByRole("button", { name: /^Avsluta rollen/ }).count()).toBe(0);
    await expectAccessible(page);

    // A contact at an organisation someone else manages: readable, not editable.
    await page.goto(`${server.url}/staff/contacts/demo_contact_07/edit`);
    await page.waitForURL((u) => u.pathname === "/staff/forbidden");
    await context.close();
  });
});

describe("marketing", () => {
  it("sees a contact page without any phone number", async () => {
    const { page, context } = await newPage(browser);
    await signIn(page, "sara.nystrom@elastx.example");
    const res = await page.goto(`${server.url}/staff/contacts/demo_contact_02`);
    expect(res?.status()).toBe(200);
    const html = await page.content();
    expect(html).toContain("Mikael Johansson");
    expect(html).not.toContain("+46701234502");
    expect(html).not.toContain("701234502");
    expect(await page.getByTestId("contact-phone").count()).toBe(0);
    await expectAccessible(page);
    await page.goto(`${server.url}/staff/contacts/demo_contact_02/edit`);
    await page.waitForURL((u) => u.pathname === "/staff/forbidden");
    await context.close();
  });
});
