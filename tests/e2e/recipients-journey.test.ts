// Art. 19 in the browser: a person opts out of all marketing on the footer link's page and back in, and their "my data"
// page then names the systems Tillit told (here the Resend connector, configured with RESEND_CONNECTOR_TOPICS) and
// what each was told and when, delivered. The connector's calls reach the fake Resend API, which checks each against
// Resend's OpenAPI description: the opt-in creates the person at Resend with the mapped topic. Swedish and English,
// keyboard only, axe on every page.
import { randomBytes, randomUUID } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { preferencesUrl, stepUpUrl } from "@/lib/recipients/build-links";
import { axeViolations } from "./support/axe";
import { launchBrowser, newPage } from "./support/browser";
import { startServer, type AppServer } from "./support/server";

const KEY = { id: "e2er", secret: randomBytes(32).toString("base64url") };
const NEWSLETTER_AT_RESEND = randomUUID();
let server: AppServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startServer({
      env: {
        LINK_SIGNING_KEYS: `${KEY.id}:${KEY.secret}`,
        RESEND_CONNECTOR_TOPICS: `newsletter=${NEWSLETTER_AT_RESEND}`,
      },
    }),
    launchBrowser(),
  ]);
  server.resend.topics.set(NEWSLETTER_AT_RESEND, {
    id: NEWSLETTER_AT_RESEND,
    name: "Newsletter",
    default_subscription: "opt_out",
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const PEOPLE = {
  sv: {
    id: "demo_contact_02",
    email: "mikael.johansson@nordlys.example",
    locale: "sv-SE",
    allOff: "Sparat: du får ingen marknadsföring från oss längre.",
    allOn: "Sparat: du kan få marknadsföring igen.",
    open: "Fortsätt till mina uppgifter",
    heading: "System vi för ändringar vidare till",
    systems: "berättar vi det för de här systemen så att de gör likadant: Resend",
    told: [
      "Avregistrerad från all marknadsföring, till Resend (levererad)",
      "Registrerad igen, till Resend (levererad)",
    ],
  },
  en: {
    id: "demo_contact_04",
    email: "ahmed.hassan@nordlys.example",
    locale: "en-GB",
    allOff: "Saved: you will get no more marketing from us.",
    allOn: "Saved: you can get marketing again.",
    open: "Continue to my data",
    heading: "Systems we pass changes on to",
    systems: "we tell these systems so they do the same: Resend",
    told: ["Opted out of all marketing, to Resend (delivered)", "Opted back in, to Resend (delivered)"],
  },
} as const;

async function tabTo(page: Page, selector: string, maxTabs = 60) {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

describe.each(Object.entries(PEOPLE))("the recipients on my data (%s)", (_lang, who) => {
  it("opt out of all and back in on the footer page; my data lists Resend and what it was told", async () => {
    const { page, context } = await newPage(browser, { locale: who.locale });
    await page.goto(preferencesUrl({ publicUrl: server.url, linkKeys: [KEY] }, { id: who.id, tokenVersion: 1 }));
    expect(await axeViolations(page)).toEqual([]);
    await tabTo(page, 'button[data-intent="all"]');
    await page.keyboard.press("Enter");
    await page.getByRole("status").filter({ hasText: who.allOff }).waitFor();
    await tabTo(page, 'button[data-intent="all"]');
    await page.keyboard.press("Enter");
    await page.getByRole("status").filter({ hasText: who.allOn }).waitFor();

    // The worker in the server delivers the two events in order; the opt-in creates the person at Resend.
    const atResend = () => [...server.resend.contacts.values()].find((c) => c.email === who.email);
    for (let i = 0; i < 120 && atResend()?.topics.get(NEWSLETTER_AT_RESEND) !== "opt_in"; i++)
      await new Promise((r) => setTimeout(r, 250));
    expect(atResend()).toMatchObject({ unsubscribed: false });
    expect(atResend()?.topics.get(NEWSLETTER_AT_RESEND)).toBe("opt_in");

    await page.goto(stepUpUrl({ publicUrl: server.url, linkKeys: [KEY] }, { id: who.id, tokenVersion: 1 }));
    await tabTo(page, "main button");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(who.open);
    await page.keyboard.press("Enter");
    await page.waitForURL((u) => u.pathname === "/me");
    const section = page.locator("section", { has: page.getByRole("heading", { name: who.heading }) });
    expect(await section.innerText()).toContain(who.systems);
    const told = await page.getByTestId("recipients-sent").innerText();
    for (const line of who.told) expect(told).toContain(line);
    expect(await axeViolations(page)).toEqual([]);
    expect(server.resend.violations).toEqual([]);
    await context.close();
  });
});
