// Every staff page × every role (and signed out): allowed or refused exactly as the issue specifies. The expected
// table is written out here, not derived from lib/auth/permissions.ts, so a change there that breaks the rules fails.
// Server actions check the same permissions (tests/integration/register.test.ts and friends); /api/v1 uses API keys
// (tests/integration/api.test.ts).
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "./support/browser";
import { startServer, type AppServer } from "./support/server";
import { DEMO_NOTE } from "@/prisma/demo-data";
import { DEMO_STAFF, signInAs, type DemoRole } from "./support/staff";

const A = "ADMIN",
  P = "PRIVACY_OFFICER",
  M = "ACCOUNT_MANAGER", // karin.berg, who manages Nordlys Energi AB (demo_contact_01) but not Kvarnby kommun (demo_contact_07)
  K = "MARKETING",
  S = "SUPPORT";

const MATRIX: [path: string, allowed: DemoRole[]][] = [
  ["/staff", [A, P, M, K, S]],
  ["/staff/organisations", [A, P, M, K, S]],
  ["/staff/organisations/new", [A, P, M]],
  ["/staff/organisations/demo_org_nordlys", [A, P, M, K, S]],
  ["/staff/organisations/demo_org_nordlys/edit", [A, P, M]],
  ["/staff/organisations/demo_org_kvarnby/edit", [A, P]],
  ["/staff/contacts", [A, P, M, K, S]],
  ["/staff/contacts/demo_contact_01", [A, P, M, K, S]],
  ["/staff/contacts/demo_contact_01/edit", [A, P, M]],
  ["/staff/contacts/demo_contact_07/edit", [A, P]],
  ["/staff/contacts/demo_contact_01/erase", [A, P]],
  ["/staff/contacts/new", [A, P, M]],
  ["/staff/contacts/demo_contact_01/roles", [A, P, M]],
  ["/staff/contacts/demo_contact_07/roles", [A, P]],
  ["/staff/import", [A, P, M]],
  ["/staff/privacy-requests", [A, P, S]],
  ["/staff/audit", [A, P]],
  ["/staff/policy", [A, P]],
  ["/staff/policy/preview", [A, P]],
  ["/staff/records", [A, P]],
  ["/staff/retention", [A, P]],
  ["/staff/incidents", [A, P]],
  ["/staff/incidents/new", [A, P]],
  ["/staff/incidents/e2e_incident", [A, P]],
  ["/staff/api-keys", [A]],
  ["/staff/webhooks", [A]],
  ["/staff/webhooks/e2e_endpoint", [A]],
  ["/staff/users", [A]],
  ["/staff/topics", [A, P, K]],
  ["/staff/topics/new", [A, P, K]],
  ["/staff/topics/demo_topic_newsletter", [A, P, K]],
  ["/staff/segments", [A, P, K]],
  ["/staff/segments/new", [A, P, K]],
  ["/staff/segments/demo_segment_customers", [A, P, K]],
  ["/staff/mailings", [A, P, K]],
  ["/staff/mailings/new", [A, P, K]],
  ["/staff/mailings/demo_mailing_draft", [A, P, K]],
  ["/staff/mailings/demo_mailing_draft/edit", [A, P, K]],
  ["/staff/mailings/demo_mailing_draft/report", [A, P, K]],
  ["/staff/contacts/demo_contact_05", [A, P, M, K, S]],
];

// The staff routes the pages call (type-ahead, live count, downloads): 401 signed out, 403 for a role without the right.
const JSON_MATRIX: [path: string, allowed: DemoRole[]][] = [
  ["/staff/organisations/search?q=Nord", [A, P, M, K, S]],
  ["/staff/segments/count", [A, P, K]],
  // Downloads: the contact list as CSV (never account managers or support), the audit trail.
  ["/staff/contacts/export?q=Nordlys", [A, P, K]],
  ["/staff/audit/export?format=csv", [A, P]],
  // The record of processing activities (Art. 30), privacy officers and admins.
  // A contact's evidence of choices: contacts.readFull, own (Nordlys) and foreign (Kvarnby) contact alike.
  ["/staff/contacts/demo_contact_01/evidence.json", [A, P, M, S]],
  ["/staff/contacts/demo_contact_07/evidence.csv", [A, P, M, S]],
  ["/staff/records/export.csv", [A, P]],
  ["/staff/records/export.json", [A, P]],
];

// Demo phone numbers (prisma/demo-data.ts) that marketing must never receive.
const PHONES = ["+46701234501", "070-123 45 01", "+46702345601"];

let server: AppServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([
    // The demo register records no incident: one here, so the incident page has its row.
    startServer({
      beforeStart: async (db) => {
        await db.incident.create({
          data: {
            id: "e2e_incident",
            reference: "INC-2026-900",
            title: "Laptop lost on a train",
            discoveredAt: new Date(),
            description: "A laptop with an export of contacts was left on a train.",
            dataCategories: [],
            peopleCategories: [],
            consequences: "Names and work addresses may be read by others.",
            measures: "The disk was encrypted; the export was deleted remotely.",
            risk: "RISK",
          },
        });
        await db.webhookEndpoint.create({
          data: {
            id: "e2e_endpoint",
            name: "CRM",
            url: "https://crm.example.com/hook",
            eventTypes: ["contact.erased"],
            secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
          },
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

describe("signed out", () => {
  it("every staff page sends the visitor to sign-in", async () => {
    for (const [path] of MATRIX) {
      const res = await fetch(`${server.url}${path}`, { redirect: "manual" });
      expect([302, 303, 307, 308], path).toContain(res.status);
      expect(res.headers.get("location"), path).toContain("/staff/sign-in");
    }
  });
  it("every staff JSON route answers 401", async () => {
    for (const [path] of JSON_MATRIX) {
      const res = await fetch(`${server.url}${path}`, { redirect: "manual" });
      expect(res.status, path).toBe(401);
    }
  });
});

for (const role of Object.keys(DEMO_STAFF) as DemoRole[]) {
  describe(role, () => {
    it("reaches exactly the pages the role allows", async () => {
      const { page, context } = await signInAs(browser, server, DEMO_STAFF[role]);
      for (const [path, allowed] of MATRIX) {
        const response = await page.goto(`${server.url}${path}`);
        const landed = new URL(page.url()).pathname;
        if (allowed.includes(role)) {
          expect(landed, `${role} ${path}`).toBe(path);
          expect(response?.status(), `${role} ${path}`).toBe(200);
        } else {
          expect(landed, `${role} ${path}`).toBe("/staff/forbidden");
        }
        if (role === "MARKETING") {
          const html = await page.content();
          for (const phone of PHONES) expect(html, `${path} shows a phone number to marketing`).not.toContain(phone);
        }
        if (role === "MARKETING" || role === "SUPPORT")
          expect(await page.content(), `${path} shows a staff note to ${role}`).not.toContain(DEMO_NOTE.body);
      }
      for (const [path, allowed] of JSON_MATRIX) {
        const res = await page.request.get(`${server.url}${path}`);
        expect(res.status(), `${role} ${path}`).toBe(allowed.includes(role) ? 200 : 403);
      }
      await context.close();
    });
  });
}
