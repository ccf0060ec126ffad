// Every staff page at phone width (375 × 812), in Swedish and in English, as the admin who may open them all: axe
// finds no WCAG 2.2 AA violation and the page never scrolls sideways (wide tables scroll inside their own frame).
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "./support/axe";
import { launchBrowser, MOBILE } from "./support/browser";
import { startServer, type AppServer } from "./support/server";
import { DEMO_STAFF, signInAs } from "./support/staff";

const STAFF_PAGES = [
  "/staff",
  "/staff/organisations",
  "/staff/organisations/new",
  "/staff/organisations/demo_org_nordlys",
  "/staff/organisations/demo_org_nordlys/edit",
  "/staff/contacts",
  "/staff/contacts/demo_contact_01",
  "/staff/contacts/demo_contact_01?tab=record",
  "/staff/contacts/demo_contact_01?tab=notes",
  "/staff/contacts/demo_contact_01/edit",
  "/staff/contacts/demo_contact_01/roles",
  "/staff/contacts/demo_contact_01/erase",
  "/staff/contacts/new",
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
  "/staff/mailings/demo_mailing_draft/report",
];

let server: AppServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The elements wider than the viewport that are not inside a scrolling frame of their own. */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>("body *")) {
      const r = el.getBoundingClientRect();
      if (r.right <= width + 1 || r.width === 0) continue;
      let framed = false;
      for (let p = el.parentElement; p; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if (o === "auto" || o === "scroll" || o === "hidden") framed = true;
      }
      if (!framed) out.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}.${[...el.classList].join(".")}`);
    }
    return out.slice(0, 5);
  });
}

for (const [lang, locale] of [
  ["sv", "sv-SE"],
  ["en", "en-GB"],
] as const) {
  describe(`staff pages at phone width (${lang})`, () => {
    it("pass axe and never scroll sideways", async () => {
      const { page, context } = await signInAs(browser, server, DEMO_STAFF.ADMIN, { locale, viewport: MOBILE });
      try {
        for (const path of STAFF_PAGES) {
          const res = await page.goto(`${server.url}${path}${path.includes("?") ? "&" : "?"}lang=${lang}`);
          expect(res?.status(), path).toBe(200);
          expect(await page.locator("html").getAttribute("lang"), path).toBe(lang);
          expect(await overflowing(page), `${path} is wider than the phone`).toEqual([]);
          expect(await axeViolations(page), path).toEqual([]);
        }
      } finally {
        await context.close();
      }
    });
  });
}
