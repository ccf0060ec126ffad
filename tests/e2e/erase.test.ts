// Erasure in a real browser, keyboard only: the page explains what erasure means (and the contract-role note only
// when it applies), refuses without the confirmation tick, then erases, signs out, and the old step-up link shows the
// link-problem page. Swedish and English, axe on every page, desktop and 375 px.
import { randomBytes } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stepUpUrl } from "@/lib/recipients/build-links";
import { axeViolations } from "./support/axe";
import { launchBrowser, MOBILE, newPage } from "./support/browser";
import { startServer, type AppServer } from "./support/server";

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

const link = (contactId: string) =>
  stepUpUrl({ publicUrl: server.url, linkKeys: [KEY] }, { id: contactId, tokenVersion: 1 });
const h1 = (page: Page) => page.locator("h1").innerText();
const active = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName ?? "",
      id: el?.id ?? "",
      text: el?.textContent?.trim() ?? "",
      href: el?.getAttribute("href") ?? "",
    };
  });

async function tabUntil(page: Page, match: (el: Awaited<ReturnType<typeof active>>) => boolean, max = 40) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (match(await active(page))) return;
  }
  throw new Error("The element was not reached with Tab");
}

async function eraseWithKeyboard(opts: {
  page: Page;
  url: string;
  texts: { continue: string; eraseNav: string; button: string; confirmError: string; done: string };
}) {
  const { page, url, texts: t } = opts;
  await page.goto(url);
  await tabUntil(page, (el) => el.tag === "BUTTON" && el.text === t.continue);
  await page.keyboard.press("Enter");
  await page.waitForURL((u) => u.pathname === "/me");

  await tabUntil(page, (el) => el.tag === "A" && el.text === t.eraseNav);
  await page.keyboard.press("Enter");
  await page.waitForURL((u) => u.pathname === "/me/erase");
  expect(await axeViolations(page)).toEqual([]);

  // Without the tick: refused, the error is next to the box and focus returns to it.
  await tabUntil(page, (el) => el.tag === "BUTTON" && el.text === t.button);
  await page.keyboard.press("Enter");
  await expect.poll(async () => (await active(page)).id).toBe("confirm");
  expect(await page.locator("#confirm").getAttribute("aria-invalid")).toBe("true");
  expect(await page.locator("#confirm-error").innerText()).toBe(t.confirmError);
  expect(await axeViolations(page)).toEqual([]);

  await page.keyboard.press("Space");
  expect(await page.locator("#confirm").isChecked()).toBe(true);
  await tabUntil(page, (el) => el.tag === "BUTTON" && el.text === t.button);
  await page.keyboard.press("Enter");
  await page.waitForURL((u) => u.pathname === "/me/erased");
  expect(await h1(page)).toBe(t.done);
  expect(await axeViolations(page)).toEqual([]);
}

describe("erasure", () => {
  it("Swedish, keyboard only: explains, confirms, erases, and the old link then shows the link-problem page", async () => {
    const { page, context } = await newPage(browser);
    const url = link("demo_contact_01");
    // The contract-role note applies to Lena (commercial contact at a customer).
    await page.goto(url);
    await page.getByRole("button", { name: "Fortsätt till mina uppgifter" }).click();
    await page.waitForURL((u) => u.pathname === "/me");
    await page.goto(`${server.url}/me/erase`);
    const text = await page.locator("main").innerText();
    expect(text).toContain("Vi sparar bara en kod som räknats fram ur din e-postadress");
    expect(text).toContain("Du är kontaktperson hos Nordlys Energi AB");
    await page.goto(`${server.url}/me`);

    // Start over from a fresh link, keyboard only, in a fresh browser context.
    await context.close();
    const fresh = await newPage(browser);
    await eraseWithKeyboard({
      page: fresh.page,
      url: link("demo_contact_01"),
      texts: {
        continue: "Fortsätt till mina uppgifter",
        eraseNav: "Radera mig",
        button: "Radera mina uppgifter",
        confirmError: "Kryssa i rutan för att bekräfta att du vill radera dina uppgifter.",
        done: "Dina uppgifter är raderade",
      },
    });
    expect((await fresh.context.cookies()).find((c) => c.name === "tillit_rs")).toBeUndefined();

    // The receipt is queued with the erasure and sent by the in-process worker just after: wait for it.
    await expect
      .poll(() => server.mails("lena.svensson@nordlys.example").map((m) => m.subject), { timeout: 15_000 })
      .toEqual(["Dina uppgifter är raderade"]);

    const again = await fresh.page.goto(url);
    expect(again?.status()).toBe(200);
    expect(await h1(fresh.page)).toBe("Vi hittar inga uppgifter för länken");
    expect(await axeViolations(fresh.page)).toEqual([]);
    await fresh.page.goto(`${server.url}/me`);
    expect(await h1(fresh.page)).toBe("Din session har tagit slut");
    await fresh.context.close();
  });

  it("English, keyboard only, at 375 px; no contract note for a prospect", async () => {
    const { page, context } = await newPage(browser, { viewport: MOBILE, isMobile: true, hasTouch: true });
    const url = link("demo_contact_24");
    await page.goto(url);
    await page.getByRole("button", { name: "Continue to my data" }).click();
    await page.waitForURL((u) => u.pathname === "/me");
    await page.goto(`${server.url}/me/erase`);
    const text = await page.locator("main").innerText();
    expect(text).toContain("We keep only a code derived from your email address");
    expect(text).not.toContain("You are a contact person at");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(MOBILE.width);
    await page.goto(`${server.url}/me`);
    await context.close();

    const fresh = await newPage(browser, { viewport: MOBILE, isMobile: true, hasTouch: true });
    await eraseWithKeyboard({
      page: fresh.page,
      url: link("demo_contact_24"),
      texts: {
        continue: "Continue to my data",
        eraseNav: "Erase me",
        button: "Erase my data",
        confirmError: "Tick the box to confirm that you want your data erased.",
        done: "Your data has been erased",
      },
    });
    expect(await fresh.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(MOBILE.width);
    await fresh.page.goto(url);
    expect(await h1(fresh.page)).toBe("We have no details for this link");
    await fresh.context.close();
  });
});
