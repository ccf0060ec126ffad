// No page shows a person a raw code: every enum value (roles, purposes, bases, request kinds and states …), audit
// action and field name is shown in words, in Swedish and in English. The test reads the visible text of every staff
// page (as the admin, who may open them all) and of the recipient pages, and looks for what codes look like.
import { randomBytes } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUDIT_ACTIONS } from "@/lib/audit/audit-actions";
import * as enums from "@/lib/generated/prisma/enums";
import { preferencesUrl, stepUpUrl } from "@/lib/recipients/build-links";
import { launchBrowser, newPage } from "./support/browser";
import { startServer, type AppServer } from "./support/server";
import { DEMO_STAFF, signInAs } from "./support/staff";

const KEY = { id: "e2ec", secret: randomBytes(32).toString("base64url") };

const STAFF_PAGES = [
  "/staff",
  "/staff/organisations",
  "/staff/organisations/demo_org_nordlys",
  "/staff/organisations/demo_org_nordlys/edit",
  "/staff/contacts",
  "/staff/contacts/demo_contact_01",
  "/staff/contacts/demo_contact_02",
  "/staff/contacts/demo_contact_05",
  "/staff/contacts/demo_contact_01?tab=record",
  "/staff/contacts/demo_contact_02?tab=record",
  "/staff/contacts/demo_contact_05?tab=record",
  "/staff/contacts/demo_contact_01?tab=notes",
  "/staff/contacts/demo_contact_01/edit",
  "/staff/contacts/demo_contact_01/roles",
  "/staff/contacts/new",
  "/staff/import",
  "/staff/privacy-requests",
  "/staff/privacy-requests/new",
  "/staff/audit",
  "/staff/records",
  "/staff/incidents",
  "/staff/incidents/new",
  "/staff/api-keys",
  "/staff/users",
  "/staff/topics",
  "/staff/topics/demo_topic_newsletter",
  "/staff/segments",
  "/staff/segments/demo_segment_customers",
  "/staff/mailings",
  "/staff/mailings/demo_mailing_draft",
  "/staff/mailings/demo_mailing_draft/edit",
  "/staff/mailings/demo_mailing_draft/report",
];

// Every value of every enum in the schema (CUSTOMER_CONTACT, RECEIVED, LEGITIMATE_INTEREST …), as a whole word,
// except those that are also ordinary words in running text ("API", as in "API keys").
const ORDINARY_WORDS = new Set(["API"]);
const ENUM_VALUES = new Set(
  Object.values(enums)
    .flatMap((e) => (typeof e === "object" && e ? Object.values(e as Record<string, string>) : []))
    .filter((v) => !ORDINARY_WORDS.has(v)),
);
// Field names of the register as the code spells them (marketingOptOutAt, jobTitle): camelCase words.
const CAMEL_CASE = /\b[a-z]+(?:[A-Z][a-z0-9]+)+\b/g;
// snake_case identifiers (demo_contact_02, suppression_overridden), except an API key's public prefix.
const SNAKE_CASE = /\b[a-z]+(?:_[a-z0-9]+)+\b/g;
const UPPER_CODE = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g;
const WORD = /\b[A-Z]{3,}\b/g;

/** The codes visible in a text, with what kind each is. */
function rawCodes(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.match(UPPER_CODE) ?? []) found.add(m);
  for (const m of text.match(WORD) ?? []) if (ENUM_VALUES.has(m)) found.add(m);
  for (const action of AUDIT_ACTIONS) if (text.includes(action)) found.add(action);
  for (const m of text.match(CAMEL_CASE) ?? []) found.add(m);
  // An API key's public prefix and the names of our cookies (the privacy page must name them) are what people see.
  for (const m of text.match(SNAKE_CASE) ?? []) if (!/^tk_[a-z0-9]+$|^tillit_[a-z_]+$/.test(m)) found.add(m);
  return [...found].sort();
}

/** The visible text of the page, without e-mail addresses and URLs (they may hold anything). */
async function visibleText(page: Page): Promise<string> {
  const text = await page.locator("body").innerText();
  return text.replace(/\S+@\S+/g, " ").replace(/https?:\/\/\S+/g, " ");
}

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

describe("the text finder", () => {
  it("finds the codes the issue saw, and not ordinary words", () => {
    expect(rawCodes("CUSTOMER_SERVICE: Berättigat intresse")).toEqual(["CUSTOMER_SERVICE"]);
    expect(rawCodes("contact.corrected_by_self (phone, jobTitle)")).toEqual([
      "contact.corrected_by_self",
      "corrected_by_self",
      "jobTitle",
    ]);
    expect(rawCodes("RECTIFICATION RECEIVED")).toEqual(["RECEIVED", "RECTIFICATION"]);
    expect(rawCodes("Contact demo_contact_02")).toEqual(["demo_contact_02"]);
    expect(rawCodes("Fält: marketingOptOutAt")).toEqual(["marketingOptOutAt"]);
    expect(rawCodes("Ladda ned som CSV eller JSON via API, nyckel tk_ab12cd34, kakan tillit_consent")).toEqual([]);
  });
});

for (const lang of ["sv", "en"] as const) {
  describe(`in ${lang === "sv" ? "Swedish" : "English"}`, () => {
    it("no staff page shows a raw code", async () => {
      const { page, context } = await signInAs(browser, server, DEMO_STAFF.ADMIN);
      const found: Record<string, string[]> = {};
      // The detail page of a privacy request, found from the list (self-service visits in this run record some).
      await page.goto(`${server.url}/staff/privacy-requests?lang=${lang}`);
      const links = page.locator('main tbody a[href^="/staff/privacy-requests/"]');
      const request = (await links.count()) > 0 ? await links.first().getAttribute("href") : null;
      const paths = request ? [...STAFF_PAGES, request] : STAFF_PAGES;
      for (const path of paths) {
        await page.goto(`${server.url}${path}${path.includes("?") ? "&" : "?"}lang=${lang}`);
        const codes = rawCodes(await visibleText(page));
        if (codes.length) found[path] = codes;
      }
      await context.close();
      expect(found).toEqual({});
    });

    it("no recipient page shows a raw code", async () => {
      const found: Record<string, string[]> = {};
      const config = { publicUrl: server.url, linkKeys: [KEY] };
      for (const id of ["demo_contact_01", "demo_contact_02", "demo_contact_05"]) {
        const { page, context } = await newPage(browser);
        await page.goto(`${preferencesUrl(config, { id, tokenVersion: 1 })}?lang=${lang}`);
        const prefs = rawCodes(await visibleText(page));
        if (prefs.length) found[`/p (${id})`] = prefs;
        await page.goto(`${stepUpUrl(config, { id, tokenVersion: 1 })}?lang=${lang}`);
        await page.locator("main form button[type=submit]").first().click();
        await page.waitForURL((u) => u.pathname === "/me");
        for (const path of ["/me", "/me/correct", "/me/erase"]) {
          await page.goto(`${server.url}${path}?lang=${lang}`);
          const codes = rawCodes(await visibleText(page));
          if (codes.length) found[`${path} (${id})`] = codes;
        }
        await context.close();
      }
      for (const path of ["/", "/preferences", "/privacy"]) {
        const { page, context } = await newPage(browser);
        await page.goto(`${server.url}${path}?lang=${lang}`);
        const codes = rawCodes(await visibleText(page));
        if (codes.length) found[path] = codes;
        await context.close();
      }
      expect(found).toEqual({});
    });
  });
}
