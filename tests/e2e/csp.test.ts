// Issue 10, finding 9 (CSP): every page is served with a per-request nonce policy (`script-src 'nonce-…'
// 'strict-dynamic'`) and works under it. A listener registered before any page script (addInitScript) records every
// `securitypolicyviolation` event, and the console is watched for CSP errors; a browser then visits every page:
// public pages, recipient pages with real tokens, /me and below, the staff workspace as admin, the dev mailbox, in
// Swedish and English, pressing the buttons that run client code. Any violation fails. A canary inline script proves
// the listener and the policy work. The analytics container still loads on public pages after consent.
import { randomBytes } from "node:crypto";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { emailChangeUrl, preferencesUrl, stepUpUrl, unsubscribeUrl } from "@/lib/recipients/build-links";
import { launchBrowser, newPage } from "./support/browser";
import { acceptedConsentCookie, startFakeAnalytics, type FakeAnalytics } from "./support/fake-analytics";
import { startServer, type AppServer } from "./support/server";
import { DEMO_STAFF, signInAs } from "./support/staff";

const KEY = { id: "e2ec", secret: randomBytes(32).toString("base64url") };
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

type Watch = { violations: () => Promise<string[]>; consoleErrors: string[] };

/** Records CSP violations in every document of the context, from before the first script runs. */
async function watchCsp(context: BrowserContext, page: Page): Promise<Watch> {
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      w.__csp.push(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  const consoleErrors: string[] = [];
  page.on("console", (m) => {
    if (/content security policy|refused to (load|execute|apply|connect|frame)/i.test(m.text()))
      consoleErrors.push(`${page.url()}: ${m.text()}`);
  });
  return {
    consoleErrors,
    violations: () => page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []),
  };
}

async function expectClean(page: Page, watch: Watch, label: string) {
  await page.waitForLoadState("networkidle");
  expect(await watch.violations(), `CSP violations on ${label}`).toEqual([]);
  expect(watch.consoleErrors, `CSP console errors on ${label}`).toEqual([]);
}

async function visit(page: Page, watch: Watch, url: string) {
  const response = await page.goto(url);
  expect(response?.status(), url).toBeLessThan(500);
  await expectClean(page, watch, new URL(url).pathname + new URL(url).search);
}

describe("the policy", () => {
  it("every page gets a fresh nonce, script-src with the nonce and 'strict-dynamic', and nonced scripts only", async () => {
    const paths = [
      "/",
      "/preferences",
      "/privacy",
      "/staff/sign-in",
      "/no-such-page",
      new URL(preferencesUrl(keys(), contact("demo_contact_01"))).pathname,
    ];
    const nonces = new Set<string>();
    for (const path of [...paths, "/"]) {
      const res = await fetch(`${server.url}${path}`);
      const csp = res.headers.get("content-security-policy") ?? "";
      const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
      const nonce = /'nonce-([A-Za-z0-9+/=_-]{16,})'/.exec(scriptSrc)?.[1];
      expect(nonce, `${path}: ${csp}`).toBeTruthy();
      expect(scriptSrc, path).toContain("'strict-dynamic'");
      expect(scriptSrc, path).not.toContain("'unsafe-inline'");
      expect(scriptSrc, path).not.toContain("'unsafe-eval'");
      for (const directive of ["object-src 'none'", "frame-ancestors 'none'", "base-uri"])
        expect(csp, path).toContain(directive);
      nonces.add(nonce!);
      const html = await res.text();
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length, path).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
    }
    expect(nonces.size).toBe(paths.length + 1);
  });

  it("token pages keep Referrer-Policy: no-referrer and Cache-Control: no-store", async () => {
    for (const url of [
      preferencesUrl(keys(), contact("demo_contact_01")),
      stepUpUrl(keys(), contact("demo_contact_01")),
      emailChangeUrl(keys(), contact("demo_contact_01"), "none"),
      unsubscribeUrl(keys(), contact("demo_contact_01"), "all"),
      `${server.url}/me`,
    ]) {
      const res = await fetch(url);
      expect(res.headers.get("referrer-policy"), url).toBe("no-referrer");
      expect(res.headers.get("cache-control"), url).toContain("no-store");
      expect(res.headers.get("content-security-policy"), url).toContain("'strict-dynamic'");
    }
  });

  it("a script injected into the page without the nonce is blocked and reported (the watch works)", async () => {
    const { page, context } = await newPage(browser);
    const watch = await watchCsp(context, page);
    // What an HTML injection would do: the server's real response, with its real CSP header, plus an inline script.
    await page.route(`${server.url}/`, async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace("</body>", "<script>window.__injected = true</script></body>");
      await route.fulfill({ response, body });
    });
    await page.goto(`${server.url}/`);
    await expect.poll(() => watch.violations()).toEqual([expect.stringMatching(/^script-src-elem blocked inline/)]);
    expect(await page.evaluate(() => (window as { __injected?: boolean }).__injected)).toBeUndefined();
    await context.close();
  });
});

describe.each(["sv", "en"] as const)("no violation anywhere, in %s", (lang) => {
  const q = `?lang=${lang}`;

  it("public pages, before and after accepting analytics (the container loads under the policy)", async () => {
    const { page, context } = await newPage(browser);
    const watch = await watchCsp(context, page);
    for (const path of ["/", "/preferences", "/privacy", "/no-such-page"])
      await visit(page, watch, `${server.url}${path}${q}`);
    await page.goto(`${server.url}/${q}`);
    await page.locator("#cookie-banner button").first().click();
    await expect.poll(() => page.evaluate(() => (window as { __fakePiwikRuns?: number }).__fakePiwikRuns ?? 0)).toBe(1);
    await expectClean(page, watch, "/ after accepting");
    await context.addCookies([acceptedConsentCookie(server.url)]);
    for (const path of ["/preferences", "/privacy"]) {
      await visit(page, watch, `${server.url}${path}${q}`);
      await expect
        .poll(() => page.evaluate(() => (window as { __fakePiwikRuns?: number }).__fakePiwikRuns ?? 0))
        .toBe(1);
    }
    // "Send me a link" runs a server action from client code.
    await visit(page, watch, `${server.url}/preferences${q}`);
    await page.locator("input[type=email]").fill("nobody@example.com");
    await page.locator("main form button[type=submit]").click();
    await page.locator(".send-link__status[data-status=accepted]").waitFor();
    await expectClean(page, watch, "/preferences after sending");
    await context.close();
  });

  it("recipient pages with real tokens, /me and below", async () => {
    const { page, context } = await newPage(browser);
    const watch = await watchCsp(context, page);
    await visit(page, watch, `${preferencesUrl(keys(), contact("demo_contact_01"))}${q}`);
    // A preference change: a server action posted by the page's client code.
    await page.locator("main button[data-topic]").first().click();
    await page.waitForLoadState("networkidle");
    await expectClean(page, watch, "/p after a change");
    await visit(page, watch, `${unsubscribeUrl(keys(), contact("demo_contact_01"), "all")}${q}`);
    await visit(page, watch, `${emailChangeUrl(keys(), contact("demo_contact_01"), "none")}${q}`);
    await visit(page, watch, `${server.url}/p/not-a-token${q}`);
    await visit(page, watch, `${stepUpUrl(keys(), contact("demo_contact_04"))}${q}`);
    await page.locator("main form button[type=submit]").first().click();
    await page.waitForURL((u) => u.pathname === "/me");
    await expectClean(page, watch, "/me");
    for (const path of ["/me", "/me/correct", "/me/erase"]) await visit(page, watch, `${server.url}${path}${q}`);
    await context.close();
  });

  it("the staff workspace as admin and the dev mailbox", async () => {
    const { page, context } = await signInAs(browser, server, DEMO_STAFF.ADMIN, {
      locale: lang === "en" ? "en-GB" : "sv-SE",
    });
    const watch = await watchCsp(context, page);
    for (const path of [
      "/staff",
      "/staff/organisations",
      "/staff/organisations/new",
      "/staff/organisations/demo_org_nordlys",
      "/staff/organisations/demo_org_nordlys/edit",
      "/staff/contacts",
      "/staff/contacts/new",
      "/staff/contacts/demo_contact_01",
      "/staff/contacts/demo_contact_01/edit",
      "/staff/contacts/demo_contact_01/roles",
      "/staff/contacts/demo_contact_01/erase",
      "/staff/import",
      "/staff/privacy-requests",
      "/staff/privacy-requests/new",
      "/staff/audit",
      "/staff/api-keys",
      "/staff/users",
      "/staff/topics",
      "/staff/topics/new",
      "/staff/topics/demo_topic_newsletter",
      "/staff/segments",
      "/staff/segments/new",
      "/staff/segments/demo_segment_customers",
      "/staff/mailings",
      "/staff/mailings/new",
      "/staff/mailings/demo_mailing_draft",
      "/staff/mailings/demo_mailing_draft/edit",
    ])
      await visit(page, watch, `${server.url}${path}${q}`);
    await context.close();

    const signedOut = await newPage(browser);
    const outWatch = await watchCsp(signedOut.context, signedOut.page);
    await visit(signedOut.page, outWatch, `${server.url}/staff/sign-in${q}`);
    await signedOut.context.close();
  });
});
