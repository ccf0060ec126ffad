// Tillit run by another company: the server boots on lib/policy/files/fictional-example.yaml (Northwind, English only,
// two categories, other purposes, bases and retention, no analytics). The privacy page, the cookie banner (none: no
// analytics), a person's data page with its deletion date, the staff forms' categories and the topics' purposes all
// follow that file, and nothing of the reference customer's policy appears on the pages a person sees.
process.env.POLICY_FILE = "lib/policy/files/fictional-example.yaml";

import { randomBytes } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stepUpUrl } from "@/lib/recipients/build-links";
import { makeContact, makeOrganisation } from "../factories";
import { axeViolations } from "./support/axe";
import { launchBrowser, newPage } from "./support/browser";
import { startServer, type AppServer } from "./support/server";
import { DEMO_STAFF, signInAs } from "./support/staff";

const KEY = { id: "e2ef", secret: randomBytes(32).toString("base64url") };
/** Words only the reference customer's policy file (lib/policy/files/reference.yaml) has. */
const REFERENCE_ONLY = [
  "Elastx",
  "elastx.se",
  "IMY",
  "Integritetsskyddsmyndigheten",
  "Piwik",
  "Kundvård",
  "Contact people at customers",
  "Prospective customers",
  "Customer care and customer contacts",
  "Partner and supplier relationships",
  "Data Privacy Framework and the EU standard",
  "10 years",
];

let server: AppServer;
let browser: Browser;
let buyer: { id: string };

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startServer({
      env: { LINK_SIGNING_KEYS: `${KEY.id}:${KEY.secret}`, POLICY_FILE: process.env.POLICY_FILE! },
      beforeStart: async (db) => {
        // A buyer whose role ended on 30 June 2024: Northwind deletes 6 years after the role ended.
        const org = await makeOrganisation(db, { name: "Buyer Company Ltd" });
        buyer = await makeContact(db, {
          name: "Bea Buyer",
          language: "en",
          category: "CUSTOMER_CONTACT",
          roles: [
            {
              organisationId: org.id,
              type: "COMMERCIAL_CONTACT",
              title: null,
              startsOn: new Date("2019-03-01"),
              endsOn: new Date("2024-06-30"),
            },
          ],
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

function expectNothingOfTheReference(text: string, where: string) {
  for (const word of REFERENCE_ONLY) expect(text, `${where} says "${word}"`).not.toContain(word);
}

async function mainText(page: Page) {
  return (await page.locator("body").innerText()).replace(/\s+/g, " ");
}

describe("a deployment on the fictional company's policy file", () => {
  it("privacy page: its controller, categories, purposes, bases, retention, recipients and cookies", async () => {
    const { page, context } = await newPage(browser, { locale: "sv-SE" });
    await page.goto(`${server.url}/privacy`);
    // English only: a Swedish browser still gets the one language the file offers.
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    const text = await mainText(page);
    for (const expected of [
      "Northwind Components Ltd is the controller",
      "Buyers at customer companies",
      "Trade-show leads",
      "Order handling",
      "To take, deliver and invoice your company's orders.",
      "Contract (Art. 6(1)(b))",
      "Consent (Art. 6(1)(a))",
      "Balancing of interests: Buyers expect to hear about components",
      "6 years after your role at the organisation ended.",
      "2 years after we were last in contact. What counts as contact: The last time you replied to us or met us at a show.",
      "Resend (processor), United States",
      "The UK Extension to the EU–US Data Privacy Framework",
      "the Information Commissioner's Office (ICO)",
      "privacy@northwind.example",
      "help@northwind.example",
      "1 Example Street",
      "We use no web analytics",
      "Retention for prospects shortened from three years to two.",
    ])
      expect(text).toContain(expected);
    expect(await page.locator("#cookies ~ .table-scroll tbody tr").count()).toBe(2);
    expectNothingOfTheReference(text, "/privacy");
    // Nothing to consent to, so no banner and no consent cookie.
    expect(await page.locator("#cookie-banner").count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it("the person's data page: the deletion date follows the file's rule (6 years after the role ended)", async () => {
    const { page, context } = await newPage(browser);
    await page.goto(stepUpUrl({ publicUrl: server.url, linkKeys: [KEY] }, { id: buyer.id, tokenVersion: 1 }));
    await page
      .getByRole("button")
      .filter({ hasText: /continue|fortsätt/i })
      .first()
      .click();
    await page.waitForURL((u) => u.pathname === "/me");
    const text = await mainText(page);
    expect(text).toContain("Bea Buyer");
    expect(text).toContain("30 June 2030");
    expect(text).toContain("We delete the data at the latest 6 years after your role at the organisation ended.");
    expect(text).toContain("Product bulletins");
    expectNothingOfTheReference(text, "/me");
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it("staff: the new-contact form, the segment builder and the topic form offer only the file's categories and purposes", async () => {
    const { page, context } = await signInAs(browser, server, DEMO_STAFF.ADMIN);
    try {
      await page.goto(`${server.url}/staff/contacts/new`);
      expect(await page.locator("select[name=category] option").allInnerTexts()).toEqual([
        "Buyers at customer companies",
        "Trade-show leads",
      ]);
      await page.goto(`${server.url}/staff/segments/new`);
      const categories = await page.locator("fieldset:has(input[name=categories]) label").allInnerTexts();
      expect(categories.map((c) => c.trim())).toEqual(["Buyers at customer companies", "Trade-show leads"]);
      await page.goto(`${server.url}/staff/topics/new`);
      expect(await page.locator("select[name=purpose] option").allInnerTexts()).toEqual([
        "Order handling",
        "Product bulletins",
      ]);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
