// The sign-up form with double opt-in in a real browser, keyboard only, axe on every page, in Swedish and English:
// fill in and submit, the same answer for everyone, the confirmation mail, a link scanner's GET and HEAD of the link
// (nothing confirmed, the link still works), the button confirms, a second press finds the link spent. Then the
// person's "my data" page lists the choice with its channel and the consent text they saw. The embeddable form alone
// may be framed, by the configured origins only.
import { randomBytes } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stepUpUrl } from "@/lib/recipients/build-links";
import { axeViolations } from "./support/axe";
import { launchBrowser, newPage } from "./support/browser";
import { startServer, type AppServer } from "./support/server";

const KEY = { id: "e2es", secret: randomBytes(32).toString("base64url") };
const FRAMER = "https://www.elastx.example";
let server: AppServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startServer({
      env: { LINK_SIGNING_KEYS: `${KEY.id}:${KEY.secret}`, SIGNUP_FRAME_ANCESTORS: FRAMER },
      beforeStart: async (db) => {
        await db.topic.updateMany({
          where: { id: { in: ["demo_topic_newsletter", "demo_topic_events"] } },
          data: { offeredAtSignup: true },
        });
      },
    }),
    launchBrowser(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function expectAccessible(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

/** Tab until the focused element matches; fails after a few presses (the order is part of what is tested). */
async function tabTo(page: Page, selector: string, most = 40) {
  for (let i = 0; i < most; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`never reached ${selector} with Tab`);
}

/** Fills in and submits the form with the keyboard only: name, address, organisation, the first topic, submit. */
async function signUpByKeyboard(page: Page, who: { name: string; email: string }) {
  await tabTo(page, "#signup-name");
  await page.keyboard.type(who.name);
  await tabTo(page, "#signup-email");
  await page.keyboard.type(who.email);
  await tabTo(page, "#signup-organisation");
  await page.keyboard.type("Fjällbo AB");
  await tabTo(page, "#signup-topic-0");
  await page.keyboard.press("Space");
  await tabTo(page, "button[type=submit]");
  await page.keyboard.press("Enter");
}

function confirmationLink(to: string): string {
  const mail = server.mails(to)[0];
  const url = mail?.text.match(/https?:\/\/[^\s]+\/signup\/confirm\/[A-Za-z0-9_-]+\?lang=(sv|en)/)?.[0];
  if (!url) throw new Error(`no confirmation mail to ${to}`);
  return url;
}

async function waitForMail(to: string) {
  for (let i = 0; i < 50 && server.mails(to).length === 0; i++) await new Promise((r) => setTimeout(r, 100));
}

describe("Swedish: an opted-out contact signs up again, confirms, and sees the evidence on my data", () => {
  it("form → mail → scanner → confirm → my data", async () => {
    const EVA = "eva.lindqvist@nordlys.example"; // demo_contact_05, opted out of all marketing
    const { page, context } = await newPage(browser);
    await page.goto(`${server.url}/signup?lang=sv`);
    expect(await page.locator("h1").innerText()).toContain("Anmäl dig till utskick");
    await expectAccessible(page);

    // An empty submit: per-field messages, focus on the first wrong field.
    await tabTo(page, "button[type=submit]");
    await page.keyboard.press("Enter");
    await page.getByText("Skriv ditt namn.").waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("signup-name");
    await expectAccessible(page);

    await page.goto(`${server.url}/signup?lang=sv`);
    await signUpByKeyboard(page, { name: "Eva Lindqvist", email: EVA });
    await page.getByRole("status").filter({ hasText: "Titta i din inkorg" }).waitFor();
    await expectAccessible(page);
    await waitForMail(EVA);
    const url = confirmationLink(EVA);
    expect(server.mails(EVA)[0]!.subject).toBe("Bekräfta din anmälan");

    // A link scanner: GET and HEAD confirm nothing; the link still shows its button.
    expect((await fetch(url, { method: "HEAD" })).status).toBe(200);
    expect((await fetch(url)).status).toBe(200);
    await page.goto(url);
    expect(await page.locator("h1").innerText()).toBe("Bekräfta din anmälan");
    await expectAccessible(page);
    await tabTo(page, "main button[type=submit]");
    await page.keyboard.press("Enter");
    await page.waitForURL((u) => u.pathname === "/signup/confirmed");
    expect(await page.locator("h1").innerText()).toBe("Du är anmäld");
    await expectAccessible(page);

    // The link is spent.
    await page.goto(url);
    expect(await page.locator("h1").innerText()).toBe("Länken fungerar inte");

    // My data: the sign-up is listed with its channel and the consent text, which opens with the keyboard.
    const stepUp = stepUpUrl({ publicUrl: server.url, linkKeys: [KEY] }, { id: "demo_contact_05", tokenVersion: 1 });
    await page.goto(stepUp);
    await page.getByRole("button", { name: "Fortsätt till mina uppgifter" }).press("Enter");
    await page.waitForURL((u) => u.pathname === "/me");
    const section = page.locator("section", { has: page.locator("#evidence-heading") });
    expect(await section.locator("h2").innerText()).toBe("Dina val och beläggen för dem");
    const list = await section.innerText();
    expect(list).toContain("All marknadsföring: tas emot igen");
    expect(list).toContain("Hur: anmälningsformuläret, av dig");
    await tabTo(page, "#evidence-heading ~ ul summary", 200);
    await page.keyboard.press("Enter");
    expect(await section.locator("details[open] blockquote").first().innerText()).toContain("ditt samtycke");
    await expectAccessible(page);
    await context.close();
  });
});

describe("English: a new address signs up and is registered only on confirmation", () => {
  it("form → same answer → confirm", async () => {
    const email = `new.${randomBytes(4).toString("hex")}@fjallbo.example`;
    const { page, context } = await newPage(browser, { locale: "en-GB" });
    await page.goto(`${server.url}/signup?lang=en`);
    expect(await page.locator("h1").innerText()).toContain("Sign up for mailings");
    expect(await page.getByTestId("signup-consent").innerText()).toContain("Legal basis: your consent");
    await expectAccessible(page);
    await signUpByKeyboard(page, { name: "Nils Berg", email });
    await page.getByRole("status").filter({ hasText: "Check your inbox" }).waitFor();
    await waitForMail(email);
    const url = confirmationLink(email);
    expect(url).toContain("lang=en");
    await page.goto(url);
    expect(await page.locator("h1").innerText()).toBe("Confirm your sign-up");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Confirm my sign-up" }).press("Enter");
    await page.waitForURL((u) => u.pathname === "/signup/confirmed");
    expect(await page.locator("h1").innerText()).toBe("You are signed up");
    await expectAccessible(page);
    await context.close();
  });

  it("my data in English lists the choices recorded at registration, with how and by whom", async () => {
    const { page, context } = await newPage(browser, { locale: "en-GB" });
    const stepUp = stepUpUrl({ publicUrl: server.url, linkKeys: [KEY] }, { id: "demo_contact_04", tokenVersion: 1 });
    await page.goto(stepUp);
    await tabTo(page, "main button[type=submit]");
    await page.keyboard.press("Enter");
    await page.waitForURL((u) => u.pathname === "/me");
    const section = page.locator("section", { has: page.locator("#evidence-heading") });
    expect(await section.locator("h2").innerText()).toBe("Your choices and their evidence");
    const list = await section.innerText();
    expect(list).toContain("How: default at registration");
    expect(list).toMatch(/Newsletter: Subscribed/);
    await expectAccessible(page);
    await context.close();
  });

  it("the JSON endpoint answers 202 for every address and 400 with codes for bad input", async () => {
    const post = (body: unknown) =>
      fetch(`${server.url}/api/signup`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const ok = await post({ name: "A", email: "lena.svensson@nordlys.example", topics: ["demo_topic_newsletter"] });
    expect(ok.status).toBe(202);
    const unknown = await post({ name: "A", email: "nobody@fjallbo.example", topics: ["demo_topic_newsletter"] });
    expect(unknown.status).toBe(202);
    expect(await unknown.json()).toEqual({ status: "accepted" });
    const bad = await post({ name: "", email: "nope", topics: [] });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({
      error: { code: "invalid", fields: { name: "name_required", email: "email_invalid", topics: "topics_required" } },
    });
  });

  it("only the embeddable form may be framed, and only by the configured origin", async () => {
    const embed = await fetch(`${server.url}/embed/signup?lang=en`);
    expect(embed.status).toBe(200);
    expect(embed.headers.get("content-security-policy")).toContain(`frame-ancestors ${FRAMER}`);
    const page = await fetch(`${server.url}/signup?lang=en`);
    expect(page.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    const { page: p, context } = await newPage(browser, { locale: "en-GB" });
    await p.goto(`${server.url}/embed/signup?lang=en`);
    await expectAccessible(p);
    await context.close();
  });
});
