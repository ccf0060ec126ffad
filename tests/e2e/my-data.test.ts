// "My data" in a real browser, started from a step-up link the test signs with the server's own key: the link's page
// only shows a button (scanners), the press opens a session and lands on /me without the token, the data is shown and
// downloads, a correction shows per-field errors and then saves; in Swedish and English, with axe on every page,
// desktop and 375 px.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stepUpUrl } from "@/lib/recipients/build-links";
import { axeViolations } from "./support/axe";
import { launchBrowser, MOBILE, newPage } from "./support/browser";
import { startServer, type AppServer } from "./support/server";
import { DEMO_STAFF, signInAs } from "./support/staff";

const KEY = { id: "e2eb", secret: randomBytes(32).toString("base64url") };
let server: AppServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startServer({ env: { LINK_SIGNING_KEYS: `${KEY.id}:${KEY.secret}` } }),
    launchBrowser(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const link = (contactId: string, tokenVersion = 1) =>
  stepUpUrl({ publicUrl: server.url, linkKeys: [KEY] }, { id: contactId, tokenVersion });
const h1 = (page: Page) => page.locator("h1").innerText();

async function expectAccessible(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

async function openSession(page: Page, url: string, button: string) {
  await page.goto(url);
  await expectAccessible(page);
  await page.getByRole("button", { name: button }).click();
  await page.waitForURL((u) => u.pathname === "/me");
}

describe("Swedish journey", () => {
  it("step-up link → /me → download → correct with an invalid then a valid phone", async () => {
    const { page, context } = await newPage(browser);
    const url = link("demo_contact_02");
    // GET and HEAD of the link change nothing: a scanner that opened it leaves it usable.
    expect((await fetch(url, { method: "HEAD" })).status).toBe(200);
    expect((await fetch(url)).status).toBe(200);

    await page.goto(url);
    expect(await h1(page)).toBe("Öppna dina uppgifter");
    await openSession(page, url, "Fortsätt till mina uppgifter");
    expect(page.url()).toBe(`${server.url}/me`);
    expect(await h1(page)).toBe("Mina uppgifter");
    const main = await page.locator("main").innerText();
    for (const text of ["Mikael Johansson", "mikael.johansson@nordlys.example", "+46701234502", "Nordlys Energi AB"]) {
      expect(main).toContain(text);
    }
    expect(main).toContain("Så länge relationen varar, därefter högst 10 år");
    expect(main).toContain("Berättigat intresse");
    expect(main).toContain("Inga utskick är registrerade ännu.");
    expect(main).toContain("Säker länk användes, av dig");
    // The policy version at collection (the demo register was collected under the running one) and now.
    expect(await page.getByTestId("policy-collected").innerText()).toBe(
      "Då gällde integritetspolicyn från 25 mars 2024. Integritetspolicyn daterad 2024-03-25.",
    );
    expect(await page.getByTestId("policy-current").innerText()).toContain("Det är samma version");
    await expectAccessible(page);

    // The summary answers the four questions first; its contents list leads to each section below.
    const summary = await page.getByTestId("record-summary").innerText();
    expect(summary).toContain("Mikael Johansson, mikael.johansson@nordlys.example");
    expect(summary).toContain("Nordlys Energi AB");
    expect(await page.getByTestId("summary-retention").innerText()).toContain("Så länge relationen varar");
    expect(summary).toMatch(/Du får \d+ av våra \d+ utskick: |Du har tackat nej till all marknadsföring/);
    await page.getByRole("navigation", { name: "Innehåll" }).getByRole("link", { name: "Dina begäranden" }).click();
    expect(new URL(page.url()).hash).toBe("#requests-heading");
    // "Change which mailings you get" is a fresh preference link for the same person.
    const manage = await page.getByRole("link", { name: "Ändra vilka utskick du får" }).getAttribute("href");
    expect(manage).toMatch(/\/p\/[^/?]+\?lang=sv$/);
    expect((await page.request.get(manage!)).status()).toBe(200);

    const cookie = (await context.cookies()).find((c) => c.name === "tillit_rs");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/", secure: false });

    const res = await page.request.get(`${server.url}/me`);
    expect(res.headers()["cache-control"]).toContain("no-store");
    expect(res.headers()["referrer-policy"]).toBe("no-referrer");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Ladda ned som JSON" }).click(),
    ]);
    const data = JSON.parse(readFileSync((await download.path())!, "utf8"));
    expect(data.contact).toMatchObject({ email: "mikael.johansson@nordlys.example", phone: "+46701234502" });

    await page.getByRole("link", { name: "Rätta uppgifter" }).click();
    await page.waitForURL(/\/me\/correct/);
    expect(await h1(page)).toBe("Rätta dina uppgifter");
    await expectAccessible(page);
    const phone = page.getByLabel("Telefon", { exact: true });
    await phone.fill("12");
    await page.getByRole("button", { name: "Spara ändringarna" }).click();
    await expect.poll(() => phone.getAttribute("aria-invalid")).toBe("true");
    const errorId = (await phone.getAttribute("aria-describedby"))!.split(" ").find((id) => id.endsWith("-error"))!;
    expect(await page.locator(`[id="${errorId}"]`).innerText()).toContain("Skriv ett giltigt telefonnummer");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("phone");
    expect(await page.getByRole("status").first().innerText()).toBe("Rätta de markerade fälten och försök igen.");
    expect(await phone.inputValue()).toBe("12");
    await expectAccessible(page);

    await phone.fill("070-111 22 33");
    await page.getByRole("button", { name: "Spara ändringarna" }).click();
    await expect.poll(() => page.getByRole("status").first().innerText()).toBe("Dina ändringar är sparade.");
    expect(await phone.getAttribute("aria-invalid")).toBeNull();

    await page.getByRole("link", { name: "Översikt" }).click();
    await page.waitForURL((u) => u.pathname === "/me");
    expect(await page.locator("main").innerText()).toContain("+46701112233");
    expect(await page.locator("main").innerText()).toContain("Du rättade dina uppgifter, av dig");

    // The link was single use.
    await page.goto(url);
    expect(await h1(page)).toBe("Länken är redan använd");
    await expectAccessible(page);

    // Signing out ends the session.
    await page.goto(`${server.url}/me`);
    await page.getByRole("button", { name: "Logga ut" }).click();
    await page.waitForURL((u) => u.pathname === "/");
    await page.goto(`${server.url}/me`);
    expect(await h1(page)).toBe("Din session har tagit slut");
    await expectAccessible(page);
    await context.close();
  });

  it("asks for the email change at the new address, and files 'something else is wrong'", async () => {
    const { page, context } = await newPage(browser);
    await openSession(page, link("demo_contact_03"), "Fortsätt till mina uppgifter");
    await page.goto(`${server.url}/me/correct`);
    const email = page.getByRole("textbox", { name: "Ny e-postadress" });
    await email.fill("inte-en-adress");
    await page.getByRole("button", { name: "Skicka bekräftelselänk" }).click();
    await expect.poll(() => email.getAttribute("aria-invalid")).toBe("true");
    await email.fill("sofia@ny.example");
    await page.getByRole("button", { name: "Skicka bekräftelselänk" }).click();
    await expect
      .poll(() => page.locator("main").innerText())
      .toContain("Vi har skickat en bekräftelselänk till s•••@ny.example");
    const mails = server.mails("sofia@ny.example");
    expect(mails).toHaveLength(1);
    const confirmUrl = new RegExp(`${server.url}/e/[A-Za-z0-9_.-]+`).exec(mails[0]!.text)![0];

    await page.getByRole("textbox", { name: "Vad är fel?" }).fill("Jag har bytt avdelning.");
    await page.getByRole("button", { name: "Skicka till oss" }).click();
    await expect.poll(() => page.locator("main").innerText()).toContain("Tack! Vi har tagit emot din begäran");

    // The confirmation link: GET shows a button only (the address is unchanged), the press changes it, revokes the
    // old links and opens a fresh session on /me, which announces the change.
    expect((await fetch(confirmUrl, { method: "HEAD" })).status).toBe(200);
    await page.goto(confirmUrl);
    expect(await h1(page)).toBe("Bekräfta din nya e-postadress");
    expect(await page.locator("main").innerText()).toContain("s•••@ny.example");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Bekräfta den nya adressen" }).click();
    await page.waitForURL((u) => u.pathname === "/me");
    await expect.poll(() => page.getByRole("status").first().innerText()).toContain("Din e-postadress är ändrad");
    expect(await page.locator("main").innerText()).toContain("sofia@ny.example");
    await page.goto(confirmUrl);
    expect(await h1(page)).not.toBe("Bekräfta din nya e-postadress");
    await context.close();
  });

  it("shows the session-ended page for /me pages without a session", async () => {
    const { page, context } = await newPage(browser);
    for (const path of ["/me", "/me/correct", "/me/erase"]) {
      await page.goto(`${server.url}${path}`);
      expect(await h1(page)).toBe("Din session har tagit slut");
    }
    expect((await fetch(`${server.url}/me/export?format=json`, { method: "POST", redirect: "manual" })).status).toBe(
      303,
    );
    await context.close();
  });
});

describe("one record, two audiences", () => {
  it("the staff contact page shows the sections of the person's own page, from the same component", async () => {
    const { page, context } = await newPage(browser);
    const staff = await signInAs(browser, server, DEMO_STAFF.PRIVACY_OFFICER);
    try {
      // Contact 06: no other test in this file changes it (contact 03 changes its address above).
      await openSession(page, link("demo_contact_06"), "Fortsätt till mina uppgifter");
      await staff.page.goto(`${server.url}/staff/contacts/demo_contact_06?lang=sv&tab=record`);
      const shared = ["source", "purposes", "retention", "mailings", "changes", "requests"];
      for (const id of shared) {
        await page.locator(`#${id}-heading`).waitFor();
        await staff.page.locator(`#${id}-heading`).waitFor();
      }
      // The purposes and their legal bases read the same to the person and to staff.
      const purposes = (p: Page) => p.locator('section[aria-labelledby="purposes-heading"] ul').innerText();
      expect(await purposes(staff.page)).toBe(await purposes(page));
      expect(await purposes(page)).toContain("Rättslig grund:");
      // Staff read the person's own visit as the person's, in words, never as a code.
      const changes = await staff.page.getByTestId("record-changes").innerText();
      expect(changes).toContain("av personen");
      expect(changes).not.toMatch(/contact\.[a-z_]+/);
      await expectAccessible(staff.page);
    } finally {
      await context.close();
      await staff.context.close();
    }
  });
});

describe("English journey", () => {
  it("uses the contact's language first and is switchable", async () => {
    const { page, context } = await newPage(browser);
    const url = link("demo_contact_04");
    await page.goto(url);
    expect(await h1(page)).toBe("Open your data");
    await openSession(page, url, "Continue to my data");
    expect(await h1(page)).toBe("My data");
    const main = await page.locator("main").innerText();
    expect(main).toContain("ahmed.hassan@nordlys.example");
    expect(main).toContain("Legitimate interest");
    expect(main).toContain("While the relationship lasts, then at most 10 years");
    await expectAccessible(page);

    await page.goto(`${server.url}/me/correct`);
    const phone = page.getByLabel("Phone", { exact: true });
    await phone.fill("abc");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect.poll(() => page.locator("main").innerText()).toContain("Enter a valid phone number");
    await expectAccessible(page);

    await page.goto(`${server.url}/me?lang=sv`);
    expect(await h1(page)).toBe("Mina uppgifter");
    await context.close();
  });
});

describe("375 px", () => {
  it.each(["/me", "/me/correct", "/me/erase", "/me?lang=en", "/me/correct?lang=en", "/me/erase?lang=en"])(
    "%s has no axe violations and no horizontal scroll",
    async (path) => {
      const { page, context } = await newPage(browser, { viewport: MOBILE, isMobile: true, hasTouch: true });
      await openSession(page, link("demo_contact_05"), "Fortsätt till mina uppgifter");
      await page.goto(`${server.url}${path}`);
      await expectAccessible(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(MOBILE.width);
      await context.close();
    },
  );
});
