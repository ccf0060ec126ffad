// The outbound webhooks admin page in a real browser, by keyboard: an admin adds an endpoint (per-field errors first),
// sees its secret once (never again after a reload), and sends a dead letter again from the endpoint's page. axe on
// every state, in Swedish and English.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "./support/axe";
import { launchBrowser } from "./support/browser";
import { startServer, type AppServer } from "./support/server";
import { DEMO_STAFF, signInAs } from "./support/staff";

let server: AppServer;
let browser: Browser;

// Nothing listens there: the worker's attempts fail at once, and the dead letter stays a dead letter until replayed.
const NOWHERE = "https://127.0.0.1:9/hook";

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startServer({
      beforeStart: async (db) => {
        await db.webhookEndpoint.create({
          data: {
            id: "e2e_dead",
            name: "Support desk",
            url: NOWHERE,
            eventTypes: ["contact.erased"],
            secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            enabled: false,
            disabledReason: "failures",
            consecutiveFailures: 50,
          },
        });
        // One dead letter per language's test, each replayed by its own.
        for (const lang of ["en", "sv"]) {
          const event = await db.outboundEvent.create({
            data: {
              id: `e2e_event_${lang}`,
              type: "contact.erased",
              contactId: `gone_${lang}`,
              payload: { type: "contact.erased", data: { contact: { id: `gone_${lang}` }, erased: true } },
              occurredAt: new Date(),
            },
          });
          await db.webhookDelivery.create({
            data: {
              endpointId: "e2e_dead",
              eventId: event.id,
              seq: event.seq,
              lane: `gone_${lang}`,
              status: "DEAD",
              attempts: 17,
              lastStatus: 503,
              lastResponse: "Service Unavailable",
            },
          });
        }
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

/** Tabs forward until the element matching `selector` has the focus (keyboard only, no clicks). */
async function tabTo(page: Page, selector: string, max = 80) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`never reached ${selector} by Tab`);
}

const CASES = [
  {
    lang: "en",
    heading: "Outbound webhooks",
    add: "Add endpoint",
    nameError: "Enter a name.",
    urlError: "Enter an https:// address.",
    added: "Endpoint added.",
    replay: "Send again: event e2e_event_en",
    replayed: "Dead letters queued again.",
    delete: "Delete endpoint",
    deleteHeading: (name: string) => `Delete the endpoint ${name}?`,
  },
  {
    lang: "sv",
    heading: "Utgående webhooks",
    add: "Lägg till mottagare",
    nameError: "Ange ett namn.",
    urlError: "Ange en https://-adress.",
    added: "Mottagaren är tillagd.",
    replay: "Skicka igen: händelse e2e_event_sv",
    replayed: "De döda meddelandena köas igen.",
    delete: "Ta bort mottagaren",
    deleteHeading: (name: string) => `Ta bort mottagaren ${name}?`,
  },
] as const;

describe("outbound webhooks admin page", () => {
  for (const c of CASES) {
    it(`an admin adds an endpoint by keyboard and sees its secret once (${c.lang})`, async () => {
      const { page, context } = await signInAs(browser, server, DEMO_STAFF.ADMIN);
      try {
        await page.goto(`${server.url}/staff/webhooks?lang=${c.lang}`);
        expect(await page.locator("h1").innerText()).toBe(c.heading);
        await expectAccessible(page);

        // Submitted empty: per-field messages, focus on the first.
        await tabTo(page, "#new-endpoint-name");
        await page.keyboard.press("Control+A");
        await page.keyboard.press("Delete");
        await tabTo(page, "form button[type=submit]");
        await page.keyboard.press("Enter");
        await expect.poll(() => page.locator("#new-endpoint-name-error").textContent()).toBe(c.nameError);
        expect(await page.locator("#new-endpoint-url-error").textContent()).toBe(c.urlError);
        await expectAccessible(page);

        const name = `CRM ${c.lang} ${Date.now()}`;
        await page.locator("#new-endpoint-name").focus();
        await page.keyboard.type(name);
        await page.keyboard.press("Tab");
        await page.keyboard.type("https://crm.example.com/tillit");
        await tabTo(page, "form button[type=submit]");
        await page.keyboard.press("Enter");
        await expect.poll(() => page.getByTestId("new-endpoint-status").innerText()).toBe(c.added);
        const secret = await page.getByTestId("new-secret").inputValue();
        expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
        await expectAccessible(page);

        // Listed with its health, and the secret never shown again.
        await page.goto(`${server.url}/staff/webhooks?lang=${c.lang}`);
        expect(await page.getByTestId("webhook-endpoints").innerText()).toContain(name);
        expect(await page.content()).not.toContain(secret);

        // Deleted only after the dialog asks: Escape goes back, confirming deletes.
        await page.getByRole("link", { name }).click();
        await page.waitForURL((u) => u.pathname.startsWith("/staff/webhooks/"));
        await page.getByRole("button", { name: c.delete, exact: true }).focus();
        await page.keyboard.press("Enter");
        const dialog = page.getByRole("alertdialog");
        await expect.poll(() => dialog.getByRole("heading").innerText()).toBe(c.deleteHeading(name));
        await expectAccessible(page);
        await page.keyboard.press("Escape");
        await expect.poll(() => dialog.count()).toBe(0);
        await page.keyboard.press("Enter");
        await dialog.waitFor();
        await page.keyboard.press("Tab");
        await page.keyboard.press("Enter");
        await page.waitForURL((u) => u.pathname === "/staff/webhooks");
        expect(await page.getByTestId("webhook-endpoints").innerText()).not.toContain(name);
      } finally {
        await context.close();
      }
    });

    it(`an admin sends a dead letter again by keyboard (${c.lang})`, async () => {
      const { page, context } = await signInAs(browser, server, DEMO_STAFF.ADMIN);
      try {
        await page.goto(`${server.url}/staff/webhooks/e2e_dead?lang=${c.lang}`);
        const dead = page.getByTestId("dead-letters");
        expect(await dead.innerText()).toContain("Service Unavailable");
        await expectAccessible(page);
        const button = page.getByRole("button", { name: c.replay });
        await button.focus();
        await page.keyboard.press("Enter");
        await page.waitForURL((u) => u.searchParams.get("done") === "replayed");
        expect(await page.getByTestId("endpoint-status").innerText()).toBe(c.replayed);
        // Waiting again (the endpoint is off, so it stays waiting rather than failing anew).
        expect(await page.getByRole("button", { name: c.replay }).count()).toBe(0);
        await expectAccessible(page);
      } finally {
        await context.close();
      }
    });
  }
});
