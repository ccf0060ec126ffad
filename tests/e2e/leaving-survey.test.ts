// "Why are you leaving?" in a real browser: offered only after an unsubscribe on the preference page, answered by
// keyboard in Swedish and English (a message per field for bad input), axe-clean; never offered by the RFC 8058
// one-click POST nor on a plain GET. What was answered shows up, counted, on marketing's home.
// Not here: the form without JavaScript. It is a plain server-action form, but Chromium posts forms from a page with
// `Referrer-Policy: no-referrer` (every token page) with `Origin: null`, which Next refuses for every server action on
// the preference page, not only this one.
import { randomBytes } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { preferencesUrl, unsubscribeUrl } from "@/lib/recipients/build-links";
import { axeViolations } from "./support/axe";
import { launchBrowser, newPage } from "./support/browser";
import { startServer, type AppServer } from "./support/server";
import { DEMO_STAFF, signInAs } from "./support/staff";

const KEYS = [{ id: "e2e1", secret: randomBytes(32).toString("base64url") }];
let server: AppServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startServer({ env: { LINK_SIGNING_KEYS: KEYS.map((k) => `${k.id}:${k.secret}`).join(",") } }),
    launchBrowser(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const links = () => ({ publicUrl: server.url, linkKeys: KEYS });
const linkFor = (id: string) => preferencesUrl(links(), { id, tokenVersion: 1 });

const PEOPLE = {
  sv: {
    id: "demo_contact_02",
    locale: "sv-SE",
    heading: "Varför slutar du prenumerera?",
    reasonError: "Välj en av anledningarna.",
    textError: "Skriv högst 500 tecken.",
    thanks: "Tack för ditt svar.",
  },
  en: {
    id: "demo_contact_04",
    locale: "en-GB",
    heading: "Why are you leaving?",
    reasonError: "Choose one of the reasons.",
    textError: "Write at most 500 characters.",
    thanks: "Thank you for your answer.",
  },
} as const;

const NEWSLETTER = "demo_topic_newsletter";

/** Presses Tab (or Shift+Tab) until the element matching `selector` has focus (keyboard only, no clicks). */
async function tabTo(page: Page, selector: string, opts: { back?: boolean; maxTabs?: number } = {}) {
  for (let i = 0; i < (opts.maxTabs ?? 60); i++) {
    await page.keyboard.press(opts.back ? "Shift+Tab" : "Tab");
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

async function expectNoAxeViolations(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

for (const lang of ["sv", "en"] as const) {
  const who = PEOPLE[lang];
  describe(`survey after an unsubscribe (${lang})`, () => {
    it("is not there before, appears after the unsubscribe, and is answered by keyboard", async () => {
      const { page, context } = await newPage(browser, { locale: who.locale });
      await page.goto(linkFor(who.id));
      expect(await page.locator("#leaving-heading").count()).toBe(0);

      await tabTo(page, `button[data-topic="${NEWSLETTER}"]`);
      await page.keyboard.press("Space");
      await page.locator("#leaving-heading").waitFor();
      expect(await page.locator("#leaving-heading").innerText()).toBe(who.heading);
      await expectNoAxeViolations(page);

      // Bad input first: no reason and a text over the limit, each answered next to its field.
      await tabTo(page, "#leaving-text", { back: true });
      await page.keyboard.insertText("x".repeat(501));
      await tabTo(page, 'button[name="intent"][value="answer"]');
      await page.keyboard.press("Enter");
      await page.locator("#leaving-reason-error").waitFor();
      expect(await page.locator("#leaving-reason-error").innerText()).toBe(who.reasonError);
      expect(await page.locator("#leaving-text-error").innerText()).toBe(who.textError);
      expect(await page.locator("#leaving-text").getAttribute("aria-invalid")).toBe("true");
      await expectNoAxeViolations(page);

      // Shift+Tab from the text lands on the radio group; arrows choose a reason.
      await tabTo(page, "#leaving-text", { back: true, maxTabs: 10 });
      await page.keyboard.press("Control+A");
      await page.keyboard.insertText(`Fewer mails, please (${lang})`);
      await page.keyboard.press("Shift+Tab");
      await page.keyboard.press("ArrowUp");
      expect(await page.locator('input[name="reason"]:checked').getAttribute("value")).toBe("CHANGED_ROLE");
      await tabTo(page, 'button[name="intent"][value="answer"]');
      await page.keyboard.press("Enter");
      await page.getByRole("status").filter({ hasText: who.thanks }).waitFor();
      expect(await page.locator("#leaving-heading").count()).toBe(0);
      await expectNoAxeViolations(page);

      // A reload (a GET) offers nothing again.
      await page.reload();
      expect(await page.locator("#leaving-heading").count()).toBe(0);
      await context.close();
    });
  });
}

describe("one-click (RFC 8058)", () => {
  it("never offers the survey: not in the POST's answer, not on the preference page it links to", async () => {
    const url = unsubscribeUrl(links(), { id: "demo_contact_01", tokenVersion: 1 }, NEWSLETTER);
    const machine = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(machine.status).toBe(200);
    expect(await machine.json()).toEqual({ ok: true, unsubscribed: "topic" });

    const { page, context } = await newPage(browser, { locale: "en-GB" });
    await page.goto(url);
    await Promise.all([page.waitForEvent("load"), page.locator("form button").first().click()]);
    const html = await page.content();
    expect(html).not.toContain("Why are you leaving");
    expect(await page.locator('input[name="reason"]').count()).toBe(0);
    await page.goto(`${linkFor("demo_contact_01")}?lang=en`);
    expect(await page.locator("#leaving-heading").count()).toBe(0);
    await context.close();
  });
});

describe("marketing's figures", () => {
  it("counts the two answers given here, and nothing for the one-click unsubscribe", async () => {
    const { page, context } = await signInAs(browser, server, DEMO_STAFF.MARKETING, { locale: "en-GB" });
    const rows = await page
      .locator('table[data-chart-table="leaving-reasons-by-topic"] tr')
      .evaluateAll((trs) => trs.map((r) => [...r.querySelectorAll("th, td")].map((c) => (c.textContent ?? "").trim())));
    const header = rows[0]!;
    const cells = (label: RegExp) => rows.find((r) => label.test(r[0]!))!;
    const col = (name: string) => header.indexOf(name);
    const newsletter = cells(/newsletter/i);
    expect(newsletter[col("I have changed job or role")]).toBe("2");
    expect(newsletter.slice(1).reduce((a, b) => a + Number(b), 0)).toBe(2);
    expect(rows).toHaveLength(2); // the header and the newsletter: the one-click unsubscribe left no answer
    expect(await page.locator('table[data-chart-table="leaving-reasons-by-month"]').count()).toBe(1);
    await expectNoAxeViolations(page);
    await context.close();
  });
});
