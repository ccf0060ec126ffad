// The privacy policy page: written from the deployment's policy file, so every purpose with its balancing test, every
// category's retention rule, every recipient and every cookie appear;
// sv and en; reachable from every page's footer; axe clean on desktop and at 375 px. Also: with analytics not
// configured (this server), accepting cookies adds no script.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cookieList } from "@/lib/policy/cookies";
import { loadPolicyFile } from "@/lib/policy/file/load-policy-file";
import { policyPurposes } from "@/lib/policy/policy-labels";
import { axeViolations } from "./support/axe";
import { launchBrowser, MOBILE, newPage } from "./support/browser";
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

const HEADINGS = {
  sv: [
    "Integritetspolicy",
    "Ändamål och rättslig grund",
    "Hur länge vi sparar uppgifterna",
    "Dina rättigheter",
    "Kakor (cookies)",
  ],
  en: ["Privacy policy", "Purposes and legal bases", "How long we keep the data", "Your rights", "Cookies"],
};

describe.each(["sv", "en"] as const)("/privacy in %s", (lang) => {
  it("states purposes, legal bases, retention, rights, recipients, cookies and the contact address", async () => {
    const { page, context } = await newPage(browser);
    await page.goto(`${server.url}/privacy?lang=${lang}`);
    expect(await page.locator("html").getAttribute("lang")).toBe(lang);
    const headings = await page.locator("main h1, main h2").allInnerTexts();
    for (const h of HEADINGS[lang]) expect(headings).toContain(h);
    // The table of contents leads to every section, each link to a heading that exists.
    const toc = page.getByRole("navigation", { name: lang === "sv" ? "Innehåll" : "Contents" });
    const targets = await toc.locator("a").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    expect(targets).toHaveLength(10);
    for (const href of targets) expect(await page.locator(`main h2${href}`).count(), href).toBe(1);
    const text = await page.locator("main").innerText();
    const policy = loadPolicyFile("lib/policy/files/reference.yaml");
    for (const key of policyPurposes(policy)) {
      const purpose = policy.purposes[key]!;
      expect(text).toContain(purpose.name[lang]);
      expect(text).toContain(purpose.description[lang]);
      expect(text.replace(/\s+/g, " ")).toContain(purpose.balancing![lang]!.replace(/\s+/g, " "));
    }
    expect(text).toContain(
      lang === "sv"
        ? "10 år efter att affärsrelationen med din organisation upphörde"
        : "10 years after the business relationship with your organisation ended",
    );
    expect(text).toContain(
      lang === "sv" ? "10 år efter vår senaste kontakt" : "10 years after we were last in contact",
    );
    for (const cookie of cookieList(policy)) expect(text).toContain(cookie.name);
    for (const word of [
      "15",
      "16",
      "17",
      "18",
      "20",
      "21",
      "IMY",
      "Resend",
      "Piwik PRO",
      "privacy@elastx.se",
      "tillit_rs",
    ])
      expect(text).toContain(word);
    expect(text).toMatch(lang === "sv" ? /Berättigat intresse/ : /Legitimate interest/);
    expect(text).toMatch(lang === "sv" ? /nyckel/ : /keyed hash/);
    // The version of the deployment's policy file: when it took effect, what changed, and its identifier.
    expect(await page.getByTestId("policy-version").innerText()).toContain(policy.version.effective);
    expect(text).toContain(policy.version.note[lang]!);
    expect(text).toContain(policy.hash.slice(0, 12));
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it("is linked from the footer and passes axe at 375 px", async () => {
    const { page, context } = await newPage(browser, { viewport: MOBILE, isMobile: true, hasTouch: true });
    await page.goto(`${server.url}/?lang=${lang}`);
    await page
      .locator("footer")
      .getByRole("link", { name: lang === "sv" ? "Integritetspolicy" : "Privacy policy" })
      .click();
    await page.waitForURL(`${server.url}/privacy`);
    expect(await page.locator("h1").innerText()).toBe(HEADINGS[lang][0]);
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(MOBILE.width);
    await context.close();
  });
});

it("adds no analytics script when Piwik Pro is not configured, even after accept", async () => {
  const { page, context } = await newPage(browser);
  await page.goto(`${server.url}/privacy`);
  await page.getByRole("button", { name: "Tacka ja till analys" }).click();
  await page.reload();
  await page.waitForTimeout(300);
  expect(await page.locator("script#tillit-analytics").count()).toBe(0);
  expect((await context.cookies()).find((c) => c.name === "tillit_consent")?.value).toMatch(/^v1\.accepted\./);
  await context.close();
});
