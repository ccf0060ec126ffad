// Staff sign-in in a real browser, mail read from the fake Resend API: ask for a link, open it, land on /staff signed in, sign
// out (the old session cookie is dead afterwards); unknown addresses get the same page and no mail; signed-out
// visitors are sent to sign-in; axe on every page in Swedish and English.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "./support/axe";
import { launchBrowser, newPage } from "./support/browser";
import { startServer, type AppServer } from "./support/server";

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
const signInLink = (mail: Mail) =>
  mail.text.replaceAll("&amp;", "&").match(/https?:\/\/\S+\/api\/auth\/callback\/email\?[^\s)\]]+/)?.[0];

const h1 = (page: Page) => page.locator("h1").innerText();
async function expectAccessible(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

async function requestLink(page: Page, address: string) {
  await page.goto(`${server.url}/staff/sign-in`);
  await page.locator("form[data-ready=true]").waitFor();
  await page.locator("#staff-email").fill(address);
  await page.locator("form[data-ready=true] button[type=submit]").click();
  await page.waitForURL((u) => u.pathname === "/staff/sign-in/check-mail");
}

const LANGS = {
  sv: {
    locale: "sv-SE",
    signIn: "Logga in i personalytan",
    checkMail: "Kolla din e-post",
    home: "Personalytan",
    subject: "Logga in i personalytan",
    role: "Administratör",
    signOut: "Logga ut",
    used: "Länken är använd eller för gammal. Be om en ny.",
  },
  en: {
    locale: "en-GB",
    signIn: "Sign in to the staff workspace",
    checkMail: "Check your email",
    home: "Staff workspace",
    subject: "Sign in to the staff workspace",
    role: "Administrator",
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
      expect(link?.startsWith(`${server.url}/api/auth/callback/email?`)).toBe(true);

      await page.goto(link!);
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
    });
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
