// Issue 10, finding 2: link tokens must never reach the analytics provider. Piwik Pro is pointed at a local stand-in
// (support/fake-analytics.ts) that records every request. A visitor who has accepted analytics visits every page
// that carries a token or personal data (recipient pages with real tokens, /me and below, staff pages as admin, the
// dev mailbox): the stand-in must get no request at all. On the public pages the container is requested, and never
// with a token in its URL or Referer. A document that started on a token page never loads the tracker, even after a
// client-side move to a public page (its history still holds the token).
import { randomBytes } from "node:crypto";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { emailChangeUrl, preferencesUrl, stepUpUrl, unsubscribeUrl } from "@/lib/recipients/build-links";
import { launchBrowser, newPage } from "./support/browser";
import {
  acceptedConsentCookie,
  FAKE_CONTAINER_ID,
  startFakeAnalytics,
  type FakeAnalytics,
} from "./support/fake-analytics";
import { startServer, type AppServer } from "./support/server";
import { signInAs, DEMO_STAFF } from "./support/staff";

const KEY = { id: "e2ea", secret: randomBytes(32).toString("base64url") };
let server: AppServer;
let browser: Browser;
let analytics: FakeAnalytics;

// Starting the app and a browser, and walking dozens of pages, can take minutes on a loaded shared machine.
vi.setConfig({ testTimeout: 300_000 });
beforeAll(async () => {
  analytics = await startFakeAnalytics();
  [server, browser] = await Promise.all([
    startServer({ env: { ...analytics.env, LINK_SIGNING_KEYS: `${KEY.id}:${KEY.secret}` } }),
    launchBrowser(),
  ]);
}, 420_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await analytics?.close();
});

const keys = () => ({ publicUrl: server.url, linkKeys: [KEY] });
const contact = (id: string) => ({ id, tokenVersion: 1 });
const TOKEN_PATH = /\/(p|u|s|e)\/[^/?#]{20,}/;

async function consentingVisitor(): Promise<{ page: Page; context: BrowserContext }> {
  const { page, context } = await newPage(browser);
  await context.addCookies([acceptedConsentCookie(server.url)]);
  return { page, context };
}

/** Loads the page, lets everything it starts settle, and returns the requests the stand-in got meanwhile. */
async function visit(page: Page, url: string): Promise<FakeAnalytics["requests"]> {
  const before = analytics.requests.length;
  await page.goto(url);
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(300);
  return analytics.requests.slice(before);
}

async function expectNoAnalytics(page: Page, url: string) {
  const seen = await visit(page, url);
  expect(seen, `analytics requested on ${new URL(url).pathname}`).toEqual([]);
  expect(await page.evaluate(() => (window as { __fakePiwikRuns?: number }).__fakePiwikRuns ?? 0)).toBe(0);
  expect(await page.locator(`script[src^="${analytics.url}"]`).count()).toBe(0);
  // The container's address is not even in the page: nothing there could load it.
  expect(await page.content()).not.toContain(analytics.url);
}

describe("public pages", () => {
  it.each(["/", "/preferences", "/privacy", "/?lang=en", "/preferences?lang=en", "/privacy?lang=en"])(
    "%s loads the container after consent, without a token in sight",
    async (path) => {
      const { page, context } = await consentingVisitor();
      const before = analytics.requests.length;
      await page.goto(`${server.url}${path}`);
      await expect
        .poll(() => analytics.requests.slice(before).map((r) => r.path))
        .toContain(`/${FAKE_CONTAINER_ID}.js`);
      await expect
        .poll(() => page.evaluate(() => (window as { __fakePiwikRuns?: number }).__fakePiwikRuns ?? 0))
        .toBe(1);
      for (const r of analytics.requests.slice(before)) {
        expect(r.path).not.toMatch(TOKEN_PATH);
        expect(r.referer).not.toMatch(TOKEN_PATH);
      }
      await context.close();
    },
  );
});

describe("pages with a token or personal data", () => {
  it("recipient pages and /me load no analytics for a visitor who accepted it", async () => {
    const { page, context } = await consentingVisitor();
    await expectNoAnalytics(page, preferencesUrl(keys(), contact("demo_contact_01")));
    await expectNoAnalytics(page, `${preferencesUrl(keys(), contact("demo_contact_01"))}?lang=en`);
    await expectNoAnalytics(page, unsubscribeUrl(keys(), contact("demo_contact_01"), "all"));
    await expectNoAnalytics(page, emailChangeUrl(keys(), contact("demo_contact_01"), "no-such-change"));
    await expectNoAnalytics(page, `${server.url}/p/not-a-valid-token-but-still-a-token-page`);
    const stepUp = stepUpUrl(keys(), contact("demo_contact_02"));
    await expectNoAnalytics(page, stepUp);
    const before = analytics.requests.length;
    // In English: the ?lang=en visit above chose English, and the lang cookie ranks above the stored language.
    await page.getByRole("button", { name: "Continue to my data" }).click();
    await page.waitForURL((u) => u.pathname === "/me");
    await page.waitForLoadState("networkidle");
    expect(analytics.requests.slice(before)).toEqual([]);
    for (const path of ["/me", "/me/correct", "/me/erase", "/me?lang=en"])
      await expectNoAnalytics(page, `${server.url}${path}`);
    await context.close();
  });

  it("a document that started on a token page never loads the tracker, even on a public page reached inside it", async () => {
    const { page, context } = await consentingVisitor();
    await expectNoAnalytics(page, preferencesUrl(keys(), contact("demo_contact_03")));
    const before = analytics.requests.length;
    // The footer link is a client-side navigation: the same document, whose history holds the token URL.
    await page.getByRole("contentinfo").getByRole("link", { name: "Integritetspolicy" }).click();
    await page.waitForURL((u) => u.pathname === "/privacy");
    await page.waitForLoadState("networkidle");
    await page.waitForTimeout(500);
    expect(analytics.requests.slice(before)).toEqual([]);
    await page.goBack();
    await page.waitForTimeout(300);
    expect(analytics.requests.slice(before)).toEqual([]);
    await context.close();
  });

  it("staff pages (as admin) and the dev mailbox load no analytics", async () => {
    const { page, context } = await signInAs(browser, server, DEMO_STAFF.ADMIN);
    await context.addCookies([acceptedConsentCookie(server.url)]);
    for (const path of [
      "/staff",
      "/staff/contacts",
      "/staff/contacts/demo_contact_01",
      "/staff/contacts/demo_contact_01/edit",
      "/staff/organisations/demo_org_nordlys",
      "/staff/privacy-requests",
      "/staff/audit",
      "/staff/mailings/demo_mailing_draft",
      "/staff/segments/demo_segment_customers",
      "/staff/users",
      "/staff/api-keys",
      "/staff/import",
    ])
      await expectNoAnalytics(page, `${server.url}${path}`);
    await context.close();

    const signedOut = await consentingVisitor();
    await expectNoAnalytics(signedOut.page, `${server.url}/staff/sign-in`);
    await signedOut.context.close();
  });
});
