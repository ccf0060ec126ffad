// Staff sign-in in a real browser, mail read from the fake Resend API: ask for a link, open it, land on /staff signed in, sign
// out (the old session cookie is dead afterwards); unknown addresses get the same page and no mail; signed-out
// visitors are sent to sign-in; axe on every page in Swedish and English.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "./support/axe";
import { launchBrowser, newPage } from "./support/browser";
import { startServer, type AppServer } from "./support/server";
import { EMAIL_FORM_SUBMIT, signInLink } from "./support/staff";

let server: AppServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

type Mail = { subject: string; html: string; text: string; to: string[] };
async function mailsTo(address: string): Promise<Mail[]> {
  return server.mails(address);
}

const h1 = (page: Page) => page.locator("h1").innerText();
async function expectAccessible(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

async function requestLink(page: Page, address: string) {
  await page.goto(`${server.url}/staff/sign-in`);
  await page.locator("#staff-email").fill(address);
  await page.locator(EMAIL_FORM_SUBMIT).click();
  await page.waitForURL((u) => u.pathname === "/staff/sign-in/check-mail");
}

const LANGS = {
  sv: {
    locale: "sv-SE",
    signIn: "Logga in i personalytan",
    checkMail: "Kolla din e-post",
    home: "Översikt", // the staff home is the overview per role
    subject: "Logga in i personalytan",
    role: "Administratör",
    confirm: "Fortsätt logga in",
    confirmButton: "Logga in",
    signOut: "Logga ut",
    used: "Länken är använd eller för gammal. Be om en ny.",
  },
  en: {
    locale: "en-GB",
    signIn: "Sign in to the staff workspace",
    checkMail: "Check your email",
    home: "Overview",
    subject: "Sign in to the staff workspace",
    role: "Administrator",
    confirm: "Continue signing in",
    confirmButton: "Sign in",
    signOut: "Sign out",
    used: "The link has been used or is too old. Ask for a new one.",
  },
} as const;

for (const [lang, t] of Object.entries(LANGS)) {
  describe(`sign-in in ${lang}`, () => {
    it("magic link by mail → /staff → sign out", async () => {
      const address = "astrid.lind@elastx.example";
      const before = (await mailsTo(address)).length;
      const { page, context } = await newPage(browser, { locale: t.locale });

      await page.goto(`${server.url}/staff/sign-in`);
      expect(await h1(page)).toBe(t.signIn);
      await expectAccessible(page);

      await requestLink(page, address);
      expect(await h1(page)).toBe(t.checkMail);
      await expectAccessible(page);

      const mails = await mailsTo(address);
      expect(mails.length).toBe(before + 1);
      const mail = mails.find((m) => m.subject === t.subject);
      expect(mail).toBeDefined();
      const link = signInLink(mail!);
      expect(link?.startsWith(`${server.url}/staff/sign-in/confirm?`)).toBe(true);

      // The link opens a page with a button; pressing it (a POST) signs in.
      await page.goto(link!);
      expect(await h1(page)).toBe(t.confirm);
      expect(await page.locator("main").innerText()).toContain(address);
      await expectAccessible(page);
      await page.getByRole("button", { name: t.confirmButton }).click();
      await page.waitForURL((u) => u.pathname === "/staff");
      expect(await h1(page)).toBe(t.home);
      expect(await page.getByTestId("staff-identity").innerText()).toContain(address);
      expect(await page.getByTestId("staff-role").innerText()).toBe(t.role);
      await expectAccessible(page);

      const cookie = (await context.cookies()).find((c) => c.name === "next-auth.session-token");
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
      expect(cookie!.expires * 1000 - Date.now()).toBeLessThanOrEqual(8 * 3600_000 + 60_000);

      // The link works once.
      const second = await newPage(browser, { locale: t.locale });
      await second.page.goto(link!);
      await second.page.waitForURL((u) => u.pathname === "/staff/sign-in/error");
      expect(await second.page.locator("main").innerText()).toContain(t.used);
      await second.context.close();

      await page.getByRole("button", { name: t.signOut }).click();
      await page.waitForURL((u) => u.pathname === "/staff/sign-in");
      await page.goto(`${server.url}/staff`);
      await page.waitForURL((u) => u.pathname === "/staff/sign-in");

      // The old session cookie no longer opens anything.
      const replay = await newPage(browser, { locale: t.locale });
      await replay.context.addCookies([{ ...cookie!, domain: "127.0.0.1", path: "/" }]);
      await replay.page.goto(`${server.url}/staff`);
      await replay.page.waitForURL((u) => u.pathname === "/staff/sign-in");
      await replay.context.close();
      await context.close();
      // Five page loads and four axe runs: more than the default minute on a busy shared machine.
    }, 180_000);
  });
}

describe("refusals", () => {
  it("unknown and non-staff addresses get the same page and no mail", async () => {
    const { page, context } = await newPage(browser);
    for (const address of ["stranger@elastx.example", "lena.svensson@nordlys.example"]) {
      const before = (await mailsTo(address)).length;
      await requestLink(page, address);
      expect(await h1(page)).toBe(LANGS.sv.checkMail);
      expect((await mailsTo(address)).length).toBe(before);
    }
    await context.close();
  });

  it("/staff signed out goes to sign-in", async () => {
    const res = await fetch(`${server.url}/staff`, { redirect: "manual" });
    expect([303, 307, 308, 302]).toContain(res.status);
    expect(res.headers.get("location")).toContain("/staff/sign-in");
  });

  it("a forged callback URL cannot send the browser elsewhere", async () => {
    const { page, context } = await newPage(browser);
    await page.goto(`${server.url}/staff/sign-in?callbackUrl=${encodeURIComponent("https://evil.example/x")}`);
    expect(await page.locator("input[name=callbackUrl]").first().inputValue()).toBe("/staff");
    await context.close();
  });
});

/** Presses Tab until `selector` has the focus (at most 15 times): the page can be used with the keyboard alone. */
async function tabTo(page: Page, selector: string) {
  for (let i = 0; i < 15; i++) {
    await page.keyboard.press("Tab");
    if (await page.locator(selector).evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

describe("link scanners and browsers without JavaScript", () => {
  it("GET, HEAD and a JavaScript visit of the emailed link (and of next-auth's callback URL) leave it unspent", async () => {
    const address = "per.dahl@elastx.example";
    const { page, context } = await newPage(browser);
    await requestLink(page, address);
    await context.close();
    const link = signInLink((await mailsTo(address))[0]!)!;
    expect(link).toBeDefined();
    const query = new URL(link).search;
    const urls = [link, `${server.url}/api/auth/callback/email${query}`];

    // What Safe Links, Mimecast and friends do: fetch every URL, then open it in a browser running its scripts.
    for (const url of urls) {
      for (const method of ["GET", "HEAD"]) {
        const res = await fetch(url, { method, redirect: "manual" });
        expect(res.status, `${method} ${url}`).toBeLessThan(500);
        expect(res.headers.get("set-cookie") ?? "", `${method} ${url}`).not.toContain("session-token");
      }
      const followed = await fetch(url);
      expect(followed.status, url).toBe(200);
    }
    for (const url of urls) {
      const scanner = await newPage(browser, { locale: "en-US", javaScriptEnabled: true });
      const res = await scanner.page.goto(url, { waitUntil: "load" });
      expect(res?.status(), url).toBe(200);
      await scanner.page.waitForTimeout(3_000);
      expect(new URL(scanner.page.url()).pathname).not.toBe("/staff");
      expect((await scanner.context.cookies()).find((c) => c.name === "next-auth.session-token")).toBeUndefined();
      await scanner.context.close();
    }

    // The person still signs in with the same link, with the keyboard alone.
    const person = await newPage(browser);
    await person.page.goto(link);
    expect(await h1(person.page)).toBe(LANGS.sv.confirm);
    await tabTo(person.page, "main form button[type=submit]");
    await person.page.keyboard.press("Enter");
    await person.page.waitForURL((u) => u.pathname === "/staff");
    expect(await person.page.getByTestId("staff-identity").innerText()).toContain(address);
    await person.context.close();
  });

  for (const [lang, t] of Object.entries(LANGS)) {
    it(`signs in with JavaScript off (${lang}): the form carries its CSRF token from the server`, async () => {
      const address = "oskar.holm@elastx.example";
      const before = (await mailsTo(address)).length;
      const { page, context } = await newPage(browser, { locale: t.locale, javaScriptEnabled: false });
      await page.goto(`${server.url}/staff/sign-in`);
      expect(await h1(page)).toBe(t.signIn);
      for (const token of await page.locator("input[name=csrfToken]").all()) {
        expect(await token.inputValue()).toMatch(/^[0-9a-f]{64}$/);
      }
      await tabTo(page, "#staff-email");
      await page.keyboard.type(address);
      await page.keyboard.press("Enter");
      await page.waitForURL((u) => u.pathname === "/staff/sign-in/check-mail");
      expect(await h1(page)).toBe(t.checkMail);

      const mails = await mailsTo(address);
      expect(mails.length).toBe(before + 1);
      await page.goto(signInLink(mails[0]!)!);
      expect(await h1(page)).toBe(t.confirm);
      await page.getByRole("button", { name: t.confirmButton }).click();
      await page.waitForURL((u) => u.pathname === "/staff");
      expect(await h1(page)).toBe(t.home);
      await context.close();
    });
  }
});
