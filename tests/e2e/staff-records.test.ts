// The record of processing activities (/staff/records) in a real browser: the privacy officer finds it in the side
// navigation, reads it in Swedish and English with axe finding nothing, reaches the print button and the downloads
// with the keyboard, downloads the CSV and the JSON (built from the reference policy file the demo runs on) and sees
// the exports in the audit trail; the print stylesheet leaves out the bar and the navigation. Marketing gets the
// forbidden page and a JSON refusal from the downloads.
import { parse } from "csv-parse/sync";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPolicyFile } from "@/lib/policy/file/load-policy-file";
import { axeViolations } from "./support/axe";
import { launchBrowser } from "./support/browser";
import { startServer, type AppServer } from "./support/server";
import { DEMO_STAFF, signInAs } from "./support/staff";

const policy = loadPolicyFile("lib/policy/files/reference.yaml");

let server: AppServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function expectAccessible(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

/** Presses Tab until the focused element's text is `name`. */
async function tabTo(page: Page, name: string) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? "");
    if (focused === name) return;
  }
  throw new Error(`"${name}" never got focus`);
}

async function downloadText(page: Page, linkText: string): Promise<{ name: string; text: string }> {
  await page.locator("main").focus();
  await tabTo(page, linkText);
  const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString("utf8") };
}

describe("privacy officer", () => {
  it("reads the record in Swedish and English, prints it and downloads it as CSV and JSON", async () => {
    const { page, context } = await signInAs(browser, server, DEMO_STAFF.PRIVACY_OFFICER);
    try {
      await page.goto(`${server.url}/staff?lang=sv`);
      await page.locator('nav a[href="/staff/records"]').click();
      await page.waitForURL((u) => u.pathname === "/staff/records");
      for (const lang of ["sv", "en"] as const) {
        await page.goto(`${server.url}/staff/records?lang=${lang}`);
        await expectAccessible(page);
        expect(await page.locator("h1").innerText()).toBe(
          lang === "sv" ? "Register över behandlingar" : "Record of processing activities",
        );
        expect(await page.getByTestId("records-version").innerText()).toContain(policy.hash);
        expect(await page.getByTestId("records-controller").innerText()).toContain("privacy@elastx.se");
        const marketing = page.getByTestId("activity-MARKETING_MAILINGS");
        expect(await marketing.locator("tbody tr").count()).toBe(3);
        expect(await marketing.innerText()).toContain(lang === "sv" ? "Berättigat intresse" : "Legitimate interest");
        expect(await page.getByTestId("records-recipients").innerText()).toContain("Resend");
        expect(await page.getByTestId("records-analytics").innerText()).toContain("Piwik PRO");
        expect(await page.getByTestId("records-security").locator("li").count()).toBeGreaterThan(5);
        expect(await page.locator('nav a[href="/staff/records"]').getAttribute("aria-current")).toBe("page");
      }

      // The print button is reached by keyboard; printed, only the record remains.
      await page.locator("main").focus();
      await tabTo(page, "Print");
      await page.emulateMedia({ media: "print" });
      expect(await page.locator(".staff-nav").isVisible()).toBe(false);
      expect(await page.locator(".staff-bar").isVisible()).toBe(false);
      expect(await page.getByRole("button", { name: "Print" }).isVisible()).toBe(false);
      expect(await page.locator("h1").isVisible()).toBe(true);
      await page.emulateMedia({ media: "screen" });

      const csv = await downloadText(page, "Download as CSV (one row per purpose and category)");
      expect(csv.name).toMatch(/^record-of-processing-\d{4}-\d{2}-\d{2}\.csv$/);
      const rows = parse(csv.text, { delimiter: ";", bom: true }) as string[][];
      expect(rows[0]!.slice(0, 2)).toEqual(["Purpose", "Purpose code"]);
      const pairs = Object.values(policy.purposes).reduce((n, p) => n + Object.keys(p!.bases).length, 0);
      expect(rows).toHaveLength(1 + pairs + 1); // header, purpose × category, web analytics
      const prospect = rows.find((r) => r[1] === "MARKETING_MAILINGS" && r[4] === "PROSPECT")!;
      expect(prospect[5]).toBe("Legitimate interest (Art. 6(1)(f))");
      expect(prospect[9]).toContain("Resend, United States");
      expect(prospect.at(-2)).toBe(policy.hash);

      const json = await downloadText(page, "Download as JSON");
      expect(json.name).toMatch(/^record-of-processing-\d{4}-\d{2}-\d{2}\.json$/);
      const record = JSON.parse(json.text);
      expect(record.policy.hash).toBe(policy.hash);
      expect(record.controller.name).toBe("Elastx");
      expect(record.activities.map((a: { purpose: string }) => a.purpose)).toEqual(Object.keys(policy.purposes));

      // Both exports are in the audit trail.
      await page.goto(`${server.url}/staff/audit?lang=en`);
      const exports = page.locator("table tbody tr").filter({ hasText: "Record of processing activities exported" });
      expect(await exports.count()).toBe(2);
    } finally {
      await context.close();
    }
  });
});

describe("marketing", () => {
  it("gets the forbidden page and a JSON refusal from the downloads", async () => {
    const { page, context } = await signInAs(browser, server, DEMO_STAFF.MARKETING);
    try {
      expect(await page.locator('nav a[href="/staff/records"]').count()).toBe(0);
      await page.goto(`${server.url}/staff/records`);
      await page.waitForURL((u) => u.pathname === "/staff/forbidden");
      for (const file of ["export.csv", "export.json"]) {
        const answer = await page.evaluate(async (url) => {
          const res = await fetch(url);
          return { status: res.status, body: await res.json() };
        }, `/staff/records/${file}`);
        expect(answer).toEqual({ status: 403, body: { error: { code: "forbidden" } } });
      }
    } finally {
      await context.close();
    }
  });
});
