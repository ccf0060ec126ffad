// Issue 17 on the mailing page, as the marketing user: a mailing the provider keeps failing says so ("Resend has
// answered 503 for 12 minutes …") instead of a silent progress bar, and a batch whose outcome is unknown past Resend's
// 24-hour idempotency window is listed with the people it concerns, for staff to skip or send again, by keyboard,
// in Swedish and English, axe clean. The mailings are written into the fresh database before the server starts.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { axeViolations } from "./support/axe";
import { launchBrowser } from "./support/browser";
import { startServer, type AppServer } from "./support/server";
import { DEMO_STAFF, signInAs } from "./support/staff";

let server: AppServer;
let browser: Browser;
const HELD = ["demo_contact_01", "demo_contact_02"];
const MAILINGS = { sv: "e2e_mailing_held_sv", en: "e2e_mailing_held_en" } as const;

/** A sending mailing, expanded, whose one batch is HELD, with the provider failing for twelve minutes. */
async function heldMailing(db: Db, id: string, name: string) {
  const now = Date.now();
  await db.mailing.create({
    data: {
      id,
      name,
      topicId: "demo_topic_newsletter",
      segmentId: "demo_segment_customers",
      subjectSv: "Nyheter",
      subjectEn: "News",
      bodySv: "Hej",
      bodyEn: "Hello",
      status: "SENDING",
      startedAt: new Date(now - 25 * 3600_000),
      expandedAt: new Date(now - 25 * 3600_000),
      batchCount: 1,
      stallCode: "unavailable",
      stallStatus: 503,
      stallSince: new Date(now - 12 * 60_000 - 5_000),
    },
  });
  await db.delivery.createMany({
    data: HELD.map((contactId) => ({
      mailingId: id,
      contactId,
      batch: 0,
      status: "HELD" as const,
      attempts: 1,
      firstTriedAt: new Date(now - 24 * 3600_000),
    })),
  });
}

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startServer({
      beforeStart: async (db) => {
        await heldMailing(db, MAILINGS.sv, "Novemberbrevet");
        await heldMailing(db, MAILINGS.en, "November letter");
      },
    }),
    launchBrowser(),
  ]);
}, 420_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function expectAccessible(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

/** Presses a button from the keyboard: focus moves to it with Tab from the page's start, then Enter. */
async function pressByKeyboard(page: Page, name: string) {
  const button = page.getByRole("button", { name, exact: true });
  await expect.poll(() => button.count()).toBe(1);
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press("Tab");
    if (await button.evaluate((el) => el === document.activeElement)) break;
  }
  expect(await button.evaluate((el) => el === document.activeElement), `${name} reached by Tab`).toBe(true);
  await page.keyboard.press("Enter");
}

describe("a stalled mailing with a held batch", () => {
  it("says why it stands still, lists whom the held batch concerns, and skips it (sv)", async () => {
    const { page, context } = await signInAs(browser, server, DEMO_STAFF.MARKETING, { locale: "sv-SE" });
    await page.goto(`${server.url}/staff/mailings/${MAILINGS.sv}`);
    const stall = page.getByTestId("mailing-stall");
    expect(await stall.innerText()).toContain("Resend har svarat 503 i 12 minuter");
    const held = page.getByTestId("held-batches");
    expect(await held.getByRole("heading", { level: 2 }).innerText()).toBe("Satser med okänt utfall");
    expect(await held.innerText()).toContain("Sats 0: 2 mottagare");
    expect(await held.getByRole("listitem").count()).toBe(2);
    expect(await page.locator("[data-count=held] dd").innerText()).toBe("2");
    await expectAccessible(page);

    await pressByKeyboard(page, "Hoppa över sats 0");
    await page.waitForURL((u) => u.searchParams.get("held") === "skip");
    expect(await page.getByTestId("notice").innerText()).toContain("Satsen är överhoppad");
    expect(await page.getByTestId("held-batches").count()).toBe(0);
    expect(await page.locator("[data-count=failed] dd").innerText()).toBe("2");
    await expectAccessible(page);
    await context.close();
  });

  it("sends the held batch again when chosen, and the mailing finishes (en)", async () => {
    const { page, context } = await signInAs(browser, server, DEMO_STAFF.MARKETING, { locale: "en-GB" });
    await page.goto(`${server.url}/staff/mailings/${MAILINGS.en}?lang=en`);
    expect(await page.getByTestId("mailing-stall").innerText()).toContain("Resend has answered 503 for 12 minutes");
    expect(await page.getByTestId("held-batches").innerText()).toContain("Batch 0: 2 recipients");
    await expectAccessible(page);

    await pressByKeyboard(page, "Send batch 0 again");
    await page.waitForURL((u) => u.searchParams.get("held") === "send_again");
    expect(await page.getByTestId("notice").innerText()).toContain("The batch is queued and will be sent again.");
    // The in-process worker expands the mailing again, sends the batch through the fake Resend and closes it.
    await expect
      .poll(() => page.getByTestId("mailing-progress").getAttribute("data-status"), { timeout: 60_000 })
      .toBe("SENT");
    expect(await page.getByTestId("mailing-stall").count()).toBe(0);
    await expectAccessible(page);
    await context.close();
  });
});
