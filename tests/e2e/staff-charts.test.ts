// The staff home's charts and a mailing's delivery report in a real browser: marketing and the privacy officer see
// their charts drawn (the Recharts SVG), each chart's table holds the numbers the register gives, axe finds nothing,
// in Swedish and English, and at phone width (375 px) nothing scrolls sideways.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "./support/axe";
import { launchBrowser, MOBILE } from "./support/browser";
import { startServer, type AppServer } from "./support/server";
import { DEMO_STAFF, signInAs } from "./support/staff";

const MAILING = "e2e_mailing_sent";
const MIN = 60_000;
let server: AppServer;
let browser: Browser;

// A sent mailing with a known outcome: 20 handed over in the first 30 minutes; 12 delivered, 3 bounced, 2 marked as
// spam, 3 without an answer yet; 2 of the delivered unsubscribed through it.
const OUTCOMES = [
  ...Array.from({ length: 12 }, (_, i) => ({ status: "DELIVERED" as const, unsubscribed: i < 2 })),
  ...Array.from({ length: 3 }, () => ({ status: "BOUNCED" as const, unsubscribed: false })),
  ...Array.from({ length: 2 }, () => ({ status: "COMPLAINED" as const, unsubscribed: false })),
  ...Array.from({ length: 3 }, () => ({ status: "SENT" as const, unsubscribed: false })),
];

beforeAll(async () => {
  const startedAt = new Date(Date.now() - 3 * 60 * MIN);
  [server, browser] = await Promise.all([
    startServer({
      beforeStart: async (db) => {
        await db.mailing.create({
          data: {
            id: MAILING,
            name: "E2E-utskick",
            topicId: "demo_topic_newsletter",
            segmentId: "demo_segment_customers",
            subjectSv: "Hej",
            subjectEn: "Hello",
            bodySv: "Hej!",
            bodyEn: "Hello!",
            status: "SENT",
            startedAt,
            finishedAt: new Date(+startedAt + 30 * MIN),
          },
        });
        await db.delivery.createMany({
          data: OUTCOMES.map((o, i) => ({
            mailingId: MAILING,
            batch: 0,
            status: o.status,
            sentAt: new Date(+startedAt + (i % 3) * 10 * MIN + MIN),
            updatedAt: new Date(+startedAt + (i % 3) * 10 * MIN + 5 * MIN),
            unsubscribedAt: o.unsubscribed ? new Date(+startedAt + 50 * MIN) : null,
          })),
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

/** Waits for a chart's SVG to be drawn, and returns its table as rows of cell texts (header row first). */
async function chart(page: Page, id: string): Promise<string[][]> {
  await page
    .locator(`figure[data-chart="${id}"] [role="img"] svg.recharts-surface`)
    .first()
    .waitFor({ timeout: 15_000 });
  return page
    .locator(`table[data-chart-table="${id}"] tr`)
    .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll("th, td")].map((c) => (c.textContent ?? "").trim())));
}

async function expectNoSidewaysScroll(page: Page) {
  // When the page scrolls sideways, name the elements that reach past the right edge, so a failure says where to look
  // (wide tables inside their own scroll box do not make the page scroll and are not reported).
  const wide = await page.evaluate(() => {
    const client = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= client) return [];
    return [...document.querySelectorAll("body *")]
      .filter((e) => e.getBoundingClientRect().right > client + 0.5)
      .slice(0, 5)
      .map(
        (e) =>
          `${e.tagName.toLowerCase()}.${[...e.classList].join(".")} ${Math.round(e.getBoundingClientRect().right)}`,
      );
  });
  expect(wide).toEqual([]);
}

const digits = (s: string) => Number(s.replace(/\D/g, ""));
const column = (rows: string[][], name: string) => {
  const i = rows[0]!.indexOf(name);
  expect(i).toBeGreaterThan(0);
  return rows.slice(1).map((r) => digits(r[i]!));
};
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

const LANGS = {
  sv: { locale: "sv-SE", delivered: "Levererade", bounced: "Studsade", sent: "Skickade", report: "Leveransrapport" },
  en: { locale: "en-GB", delivered: "Delivered", bounced: "Bounced", sent: "Sent", report: "Delivery report" },
} as const;

for (const [lang, t] of Object.entries(LANGS)) {
  describe(`staff charts in ${lang}`, () => {
    it("marketing: the home's charts and the mailing report, with their tables, at phone width", async () => {
      const { page, context } = await signInAs(browser, server, DEMO_STAFF.MARKETING, {
        locale: t.locale,
        viewport: MOBILE,
      });
      try {
        const mailings = await chart(page, "latest-mailings");
        const ours = mailings.find((r) => r[0] === "E2E-utskick")!;
        expect(ours.slice(1).map(digits)).toEqual([12, 3, 2, 2]);
        expect(mailings[0]).toContain(t.delivered);
        const audience = await chart(page, "audience-by-topic");
        expect(audience.length).toBeGreaterThan(1);
        const weeks = await chart(page, "opt-outs-by-week");
        expect(weeks).toHaveLength(13); // header and 12 weeks
        expect(await axeViolations(page)).toEqual([]);
        await expectNoSidewaysScroll(page);

        await page.goto(`${server.url}/staff/mailings/${MAILING}`);
        await page.getByRole("link", { name: t.report }).click();
        await page.waitForURL((u) => u.pathname === `/staff/mailings/${MAILING}/report`);
        const timeline = await chart(page, "delivery-timeline");
        // Per 10 minutes from the start: sends at +1, +11 and +21 minutes, the answers 4 minutes later, the
        // unsubscribes at +50.
        expect(timeline).toHaveLength(1 + 6);
        expect(column(timeline, t.sent)).toEqual([7, 7, 6, 0, 0, 0]);
        expect(sum(column(timeline, t.delivered))).toBe(12);
        expect(sum(column(timeline, t.bounced))).toBe(3);
        const totals = await page
          .locator('[data-testid="report-totals"] tr')
          .evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => (c.textContent ?? "").trim())));
        expect(totals.find((r) => r[0] === t.sent)?.[1]).toBe("20");
        expect(totals.find((r) => r[0] === t.delivered)?.[1]).toBe("12");
        expect(await axeViolations(page)).toEqual([]);
        await expectNoSidewaysScroll(page);
      } finally {
        await context.close();
      }
    });

    it("privacy officer: requests by due date match the open count, erasures, and the audit chain", async () => {
      const { page, context } = await signInAs(browser, server, DEMO_STAFF.PRIVACY_OFFICER, {
        locale: t.locale,
        viewport: MOBILE,
      });
      try {
        const byDue = await chart(page, "requests-by-due");
        expect(byDue).toHaveLength(5); // header and four due buckets
        const open = digits(await page.getByTestId("dash-open-requests").innerText());
        expect(sum(byDue.slice(1).flatMap((r) => r.slice(1).map(digits)))).toBe(open);
        const erasures = await chart(page, "erasures-by-month");
        expect(erasures).toHaveLength(7);
        await expect.poll(() => page.getByTestId("dash-audit-chain").locator(".badge--ok").count()).toBe(1);
        expect(await axeViolations(page)).toEqual([]);
        await expectNoSidewaysScroll(page);
      } finally {
        await context.close();
      }
    });
  });
}
