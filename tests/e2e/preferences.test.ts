// The footer link's preference page in a real browser, in Swedish and English: keyboard-only changes with announced
// confirmations that survive a reload, unsubscribe from all and back, accessibility at desktop and 375 px, friendly
// pages for broken links, and a forwarded link that reveals nothing personal.
import { randomBytes } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { preferencesUrl } from "@/lib/recipients/build-links";
import { signLinkToken } from "@/lib/tokens/link-token";
import { axeViolations } from "./support/axe";
import { launchBrowser, MOBILE, newPage } from "./support/browser";
import { startServer, type AppServer } from "./support/server";

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

const linkFor = (id: string, issuedAt = new Date()) =>
  preferencesUrl({ publicUrl: server.url, linkKeys: KEYS }, { id, tokenVersion: 1 }, issuedAt);

const PEOPLE = {
  sv: {
    id: "demo_contact_02",
    email: "mikael.johansson@nordlys.example",
    phone: "+46701234502",
    masked: "m•••@nordlys.example",
    locale: "sv-SE",
    heading: "Dina utskick",
    why: "Du får det här som systemadministratör hos",
    subscribed: "Du får det här",
    unsubscribed: "Du får inte det här",
    saved: "Sparat",
    allOff: "Sparat: du får ingen marknadsföring från oss längre.",
    allOn: "Sparat: du kan få marknadsföring igen.",
    stepUpSent: "Vi har skickat en säker länk till m•••@nordlys.example",
  },
  en: {
    id: "demo_contact_04",
    email: "ahmed.hassan@nordlys.example",
    phone: "+46701234504",
    masked: "a•••@nordlys.example",
    locale: "en-GB",
    heading: "Your mailings",
    why: "You receive this in your role as technical contact at",
    subscribed: "You get this",
    unsubscribed: "You do not get this",
    saved: "Saved",
    allOff: "Saved: you will get no more marketing from us.",
    allOn: "Saved: you can get marketing again.",
    stepUpSent: "We have sent a secure link to a•••@nordlys.example",
  },
} as const;

const NEWSLETTER = "demo_topic_newsletter";

const stateText = (page: Page, topicId: string) => page.locator(`#topic-${topicId}-state`).innerText();

/** Presses Tab until the element matching `selector` has focus (keyboard only, no clicks). */
async function tabTo(page: Page, selector: string, maxTabs = 60) {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

async function expectNoAxeViolations(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

async function mailsTo(address: string): Promise<{ subject: string; html: string }[]> {
  return server.mails(address);
}

for (const lang of ["sv", "en"] as const) {
  const who = PEOPLE[lang];

  describe(`preference page (${lang})`, () => {
    it("opens in the contact's language with the masked address, why mail comes, and no personal details", async () => {
      const { page, context } = await newPage(browser, { locale: who.locale });
      const res = await page.goto(linkFor(who.id));
      expect(res?.status()).toBe(200);
      expect(res?.headers()["cache-control"]).toContain("no-store");
      expect(res?.headers()["referrer-policy"]).toBe("no-referrer");
      expect(await page.locator("h1").innerText()).toBe(who.heading);
      const body = await page.locator("main").innerText();
      expect(body).toContain(who.masked);
      expect(body).toContain(who.why);
      // A forwarded footer link alone never reveals the phone number, the full address or the history.
      const html = await page.content();
      expect(html).not.toContain(who.phone);
      expect(html).not.toContain(who.email);
      expect(await stateText(page, NEWSLETTER)).toContain(who.subscribed);
      await expectNoAxeViolations(page);
      await context.close();
    });

    it("turns a topic off and on by keyboard alone, announces it, and keeps it after a reload", async () => {
      const { page, context } = await newPage(browser, { locale: who.locale });
      await page.goto(linkFor(who.id));
      const button = `button[data-topic="${NEWSLETTER}"]`;

      await tabTo(page, button);
      await page.keyboard.press("Space");
      const status = page.getByRole("status").filter({ hasText: who.saved });
      await status.waitFor();
      expect(await status.innerText()).toContain(who.saved);
      expect(await stateText(page, NEWSLETTER)).toContain(who.unsubscribed);
      // Focus stays on the button that was pressed.
      expect(await page.evaluate((s) => document.activeElement?.matches(s), button)).toBe(true);
      await expectNoAxeViolations(page);

      await page.reload();
      expect(await stateText(page, NEWSLETTER)).toContain(who.unsubscribed);

      await tabTo(page, button);
      await page.keyboard.press("Enter");
      await page.getByRole("status").filter({ hasText: who.saved }).waitFor();
      await page.reload();
      expect(await stateText(page, NEWSLETTER)).toContain(who.subscribed);
      await context.close();
    });

    it("unsubscribes from all marketing and back, by keyboard, with service notices untouched", async () => {
      const { page, context } = await newPage(browser, { locale: who.locale });
      await page.goto(linkFor(who.id));
      await tabTo(page, 'button[data-intent="all"]');
      await page.keyboard.press("Enter");
      await page.getByRole("status").filter({ hasText: who.allOff }).waitFor();
      await page.reload();
      for (const topic of ["newsletter", "product-news", "events"]) {
        expect(await stateText(page, `demo_topic_${topic}`)).toContain(who.unsubscribed);
      }
      expect(await stateText(page, "demo_topic_service-notices")).toContain(who.subscribed);
      await expectNoAxeViolations(page);

      await tabTo(page, 'button[data-intent="all"]');
      await page.keyboard.press("Enter");
      await page.getByRole("status").filter({ hasText: who.allOn }).waitFor();
      await page.reload();
      expect(await stateText(page, NEWSLETTER)).toContain(who.subscribed);
      await expectNoAxeViolations(page);
      await context.close();
    });

    it("has no accessibility violations at 375 px and does not scroll sideways", async () => {
      const { page, context } = await newPage(browser, { locale: who.locale, viewport: MOBILE });
      await page.goto(linkFor(who.id));
      await expectNoAxeViolations(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(MOBILE.width);
      await context.close();
    });

    it("sends the step-up link for seeing, correcting, exporting or erasing data, to the address on record", async () => {
      const { page, context } = await newPage(browser, { locale: who.locale });
      await page.goto(linkFor(who.id));
      const before = (await mailsTo(who.email)).length;
      await tabTo(page, 'button[data-intent="step-up"]');
      await page.keyboard.press("Enter");
      await page.getByRole("status").filter({ hasText: who.stepUpSent }).waitFor();
      const mails = await mailsTo(who.email);
      expect(mails.length).toBe(before + 1);
      expect(mails[0]!.html).toContain(`${server.url}/s/`);
      await context.close();
    });
  });
}

describe("language switch", () => {
  it("keeps the token and changes the page's language", async () => {
    const { page, context } = await newPage(browser, { locale: "sv-SE" });
    const url = linkFor(PEOPLE.sv.id);
    await page.goto(url);
    await page.getByRole("navigation", { name: "Välj språk" }).getByRole("link", { name: "English" }).click();
    await page.waitForURL(`${url}?lang=en`);
    expect(await page.locator("h1").innerText()).toBe(PEOPLE.en.heading);
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    await context.close();
  });
});

describe("broken links", () => {
  it("answers a tampered link with a friendly page, never a 500, in both languages", async () => {
    const good = linkFor(PEOPLE.sv.id);
    const tampered = good.slice(0, -3) + (good.endsWith("AAA") ? "BBB" : "AAA");
    for (const [locale, heading] of [
      ["sv-SE", "Länken fungerar inte"],
      ["en-GB", "The link does not work"],
    ] as const) {
      const { page, context } = await newPage(browser, { locale });
      for (const url of [tampered, good.slice(0, 40), `${server.url}/p/nonsense`]) {
        const res = await page.goto(url);
        expect(res?.status()).toBeLessThan(500);
        expect(await page.locator("h1").innerText()).toBe(heading);
        expect(await page.locator('a[href^="/preferences"]').count()).toBe(1);
      }
      await expectNoAxeViolations(page);
      await context.close();
    }
  });

  it("answers an expired link with a friendly page, without showing the address", async () => {
    const { page, context } = await newPage(browser, { locale: "sv-SE" });
    const who = PEOPLE.sv;
    const res = await page.goto(linkFor(who.id, new Date(Date.now() - 401 * 86_400_000)));
    expect(res?.status()).toBe(200);
    expect(await page.locator("h1").innerText()).toBe("Länken har gått ut");
    expect(await page.content()).not.toContain(who.email);
    await expectNoAxeViolations(page);
    await context.close();
  });

  it("answers a revoked link with a friendly page that mails a fresh link without showing the address", async () => {
    const { page, context } = await newPage(browser, { locale: "sv-SE" });
    const who = PEOPLE.sv;
    // Signed for an older token version than the contact's current one: revoked, but genuinely theirs.
    const revoked = signLinkToken(
      { scope: "preferences", contactId: who.id, tokenVersion: 0, issuedAt: new Date() },
      KEYS,
    );
    const res = await page.goto(`${server.url}/p/${revoked}`);
    expect(res?.status()).toBe(200);
    expect(await page.locator("h1").innerText()).toBe("Länken gäller inte längre");
    expect(await page.content()).not.toContain(who.email);
    await expectNoAxeViolations(page);

    const before = (await mailsTo(who.email)).length;
    await tabTo(page, "form button");
    await page.keyboard.press("Enter");
    await page.getByRole("status").filter({ hasText: "Klart." }).waitFor();
    const mails = await mailsTo(who.email);
    expect(mails.length).toBe(before + 1);
    const fresh = mails[0]!.html.match(/http:\/\/127\.0\.0\.1:\d+\/p\/[A-Za-z0-9_.-]+/)?.[0];
    expect(fresh).toBeDefined();
    expect(await page.content()).not.toContain(who.email);
    await expectNoAxeViolations(page);

    await page.goto(fresh!);
    expect(await page.locator("h1").innerText()).toBe(who.heading);
    await context.close();
  });

  it("refuses a footer link signed with an unknown key, or for another scope", async () => {
    const { page, context } = await newPage(browser, { locale: "en-GB" });
    const now = new Date();
    const otherKey = signLinkToken({ scope: "preferences", contactId: PEOPLE.en.id, tokenVersion: 1, issuedAt: now }, [
      { id: "zz1", secret: "x".repeat(43) },
    ]);
    const otherScope = signLinkToken(
      { scope: "unsubscribe", contactId: PEOPLE.en.id, tokenVersion: 1, issuedAt: now, extra: "all" },
      KEYS,
    );
    for (const token of [otherKey, otherScope]) {
      const res = await page.goto(`${server.url}/p/${token}`);
      expect(res?.status()).toBe(200);
      expect(await page.locator("h1").innerText()).toBe("The link does not work");
    }
    await context.close();
  });
});
