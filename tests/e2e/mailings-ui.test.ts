// Mailings in a real browser, as the marketing user: compose a mailing to a segment, see the live preview in both
// languages, send a test to herself (it reaches the fake Resend API), send it and watch the progress page count it out;
// in English, schedule one and cancel it after the confirmation. axe on compose, dialog and progress, sv and en.
// The segment is written into the fresh database before the server starts (the embedded database belongs to one
// process), so this test does not depend on the segment pages.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "./support/axe";
import { launchBrowser } from "./support/browser";
import { startServer, type AppServer } from "./support/server";
import { DEMO_STAFF, signInAs } from "./support/staff";

let server: AppServer;
let browser: Browser;
const SEGMENT = { id: "e2e_segment_customers", name: "E2E kundkontakter" };
const TOPIC = "demo_topic_newsletter";

beforeAll(async () => {
  const launching = launchBrowser();
  [server, browser] = await Promise.all([
    startServer({
      beforeStart: async (db) => {
        await db.segment.create({ data: { ...SEGMENT, filter: { categories: ["CUSTOMER_CONTACT"] } } });
      },
    }),
    launching,
  ]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Fail a stuck step within seconds, naming it, rather than at the test's timeout. */
async function signIn(opts: { locale?: string } = {}) {
  const session = await signInAs(browser, server, DEMO_STAFF.MARKETING, opts);
  session.page.setDefaultTimeout(15_000);
  return session;
}

// The preview frames are sandboxed (no script), so axe leaves them out; their titles are checked by the test itself.
async function expectAccessible(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

type Mail = { id: string; subject: string; text: string; to: string[] };

async function mailsTo(address: string): Promise<Mail[]> {
  return server.mails(address).slice(0, 50);
}

async function compose(page: Page, texts: { name: string; subjectSv: string; subjectEn: string }) {
  await page.locator("#f-name").fill(texts.name);
  await page.locator("#f-topicId").selectOption(TOPIC);
  await page.locator("#f-segmentId").selectOption(SEGMENT.id);
  await page.locator("#f-fromName").fill("Elastx");
  await page.locator("#f-subjectSv").fill(texts.subjectSv);
  await page.locator("#f-subjectEn").fill(texts.subjectEn);
  await page.locator("#f-bodySv").fill("# Hej {{name}}\n\nHär kommer **novembers** nyheter.");
  await page.locator("#f-bodyEn").fill("# Hello {{name}}\n\nHere is **November's** news.");
}

/** The preview frames' titles and documents once both languages show the given subjects. */
async function expectPreview(page: Page, subjectSv: string, subjectEn: string) {
  const sv = page.locator("[data-testid=preview-sv] iframe");
  const en = page.locator("[data-testid=preview-en] iframe");
  await expect.poll(() => sv.getAttribute("title"), { timeout: 15_000 }).toContain(subjectSv);
  await expect.poll(() => en.getAttribute("title"), { timeout: 15_000 }).toContain(subjectEn);
  expect(await sv.getAttribute("sandbox")).toBe("");
  const svDoc = (await sv.getAttribute("srcdoc")) ?? "";
  const enDoc = (await en.getAttribute("srcdoc")) ?? "";
  expect(svDoc).toContain("novembers</strong> nyheter");
  expect(enDoc).toContain("</strong> news");
}

describe("mailings (sv)", () => {
  it(
    "composes with a live preview, sends a test to herself, sends the mailing and shows its progress",
    { timeout: 150_000 },
    async () => {
      const { page, context } = await signIn();
      try {
        await page.goto(`${server.url}/staff/mailings`);
        expect(await page.locator("h1").innerText()).toBe("Utskick");
        await page.getByRole("link", { name: "Nytt utskick" }).click();
        await page.waitForURL((u) => u.pathname === "/staff/mailings/new");
        expect(await page.locator("h1").innerText()).toBe("Nytt utskick");
        await expectAccessible(page);

        // Per-field errors without a name, topic or segment.
        await page.getByRole("button", { name: "Spara utkast" }).click();
        await expect.poll(() => page.locator("#f-name-error").textContent()).toBe("Ange ett namn.");
        expect(await page.locator("#f-topicId-error").textContent()).toBe("Välj ett ämne.");
        expect(await page.locator("#f-segmentId-error").textContent()).toBe("Välj ett urval.");
        await expectAccessible(page);

        const subjectSv = `Nyheter i november ${Date.now()}`;
        const subjectEn = `News in November ${Date.now()}`;
        await compose(page, { name: "Nyhetsbrev november", subjectSv, subjectEn });
        await expectPreview(page, subjectSv, subjectEn);
        await page.getByRole("button", { name: "Uppdatera förhandsvisningen" }).click();
        await expect
          .poll(() => page.locator("[data-testid=preview-status]").textContent())
          .toBe("Förhandsvisningen är uppdaterad.");

        await page.getByRole("button", { name: "Spara utkast" }).click();
        await page.waitForURL((u) => u.pathname.endsWith("/edit"));
        const editUrl = new URL(page.url());
        expect(await page.locator("form > [role=status]").innerText()).toContain("Utkastet är sparat.");
        await expectPreview(page, subjectSv, subjectEn);
        await expectAccessible(page);

        // A test to herself, in both languages, through the mail pipeline to the fake Resend API.
        await page.getByRole("button", { name: "Skicka ett test till mig" }).click();
        await expect
          .poll(() => page.locator("form > [role=status]").innerText(), { timeout: 15_000 })
          .toContain(`Ett testmejl skickades till ${DEMO_STAFF.MARKETING}.`);
        const tests = (await mailsTo(DEMO_STAFF.MARKETING)).map((m) => m.subject);
        expect(tests).toContain(`[Test] ${subjectSv}`);
        expect(tests).toContain(`[Test] ${subjectEn}`);

        // Send now asks first, with how many may receive it.
        // (Clicked again if the first click landed while the test send's answer re-rendered the form: seen once on a
        // loaded machine, the dialog never opened.)
        const dialog = page.getByRole("dialog", { name: "Skicka utskicket nu?" });
        await expect
          .poll(
            async () => {
              if (!(await dialog.isVisible())) await page.getByRole("button", { name: "Skicka nu …" }).click();
              return dialog.isVisible();
            },
            { timeout: 20_000, interval: 2_000 },
          )
          .toBe(true);
        await expect
          .poll(() => dialog.locator("[data-testid=confirm-count]").innerText())
          .toMatch(/^\d+ personer i urvalet kan få utskicket just nu\./);
        expect(await dialog.innerText()).toContain(`Urval: ${SEGMENT.name}`);
        await expectAccessible(page);
        await dialog.getByRole("button", { name: "Tillbaka" }).click();
        await expect.poll(() => dialog.isVisible()).toBe(false);
        expect(new URL(page.url()).pathname).toBe(editUrl.pathname);

        await page.getByRole("button", { name: "Skicka nu …" }).click();
        await dialog.getByRole("button", { name: "Ja, skicka nu" }).click();
        await page.waitForURL((u) => /^\/staff\/mailings\/[^/]+$/.test(u.pathname) && u.searchParams.has("status"));
        expect(await page.locator("[data-testid=notice]").innerText()).toBe("Utskicket har startat.");
        const progress = page.locator("[data-testid=mailing-progress]");
        expect(["SENDING", "SENT"]).toContain(await progress.getAttribute("data-status"));
        await expect
          .poll(() => page.locator("[data-testid=progress-summary]").innerText())
          .toMatch(/^(Skickas|Skickat): /);
        expect(await page.locator("progress").count()).toBe(1);
        await expectAccessible(page);

        // The embedded worker sends a small segment within seconds; the page follows it live.
        await expect.poll(() => progress.getAttribute("data-status"), { timeout: 30_000, interval: 500 }).toBe("SENT");
        const total = Number(await page.locator("[data-count=total] dd").innerText());
        expect(total).toBeGreaterThan(0);
        expect(Number(await page.locator("[data-count=queued] dd").innerText())).toBe(0);
        expect(await page.locator("[data-testid=progress-summary]").innerText()).toContain(`av ${total} behandlade`);
        await expectAccessible(page);

        // The list shows it, sent.
        await page.goto(`${server.url}/staff/mailings`);
        const row = page.locator("tbody tr", { hasText: "Nyhetsbrev november" });
        expect(await row.innerText()).toContain("Skickat");
        expect(await row.innerText()).toContain(SEGMENT.name);
        await expectAccessible(page);
      } catch (e) {
        console.error(server.output().slice(-4000));
        throw e;
      } finally {
        await context.close();
      }
    },
  );
});

describe("mailings (en)", () => {
  it("schedules a mailing in Swedish time, then cancels it after confirming", { timeout: 120_000 }, async () => {
    const { page, context } = await signIn({ locale: "en-GB" });
    try {
      await page.goto(`${server.url}/staff/mailings/new`);
      expect(await page.locator("h1").innerText()).toBe("New mailing");
      await compose(page, { name: "Event invitation", subjectSv: "Inbjudan", subjectEn: "Invitation" });
      await expectPreview(page, "Inbjudan", "Invitation");
      await expectAccessible(page);

      // Schedule without a time: the dialog says to choose one first and offers no confirmation.
      await page.getByRole("button", { name: "Schedule …" }).click();
      const dialog = page.getByRole("dialog", { name: "Schedule the mailing?" });
      await dialog.waitFor();
      expect(await dialog.innerText()).toContain("First choose a day and time in the Send at field.");
      expect(await dialog.getByRole("button", { name: "Yes, schedule" }).count()).toBe(0);
      await dialog.getByRole("button", { name: "Back" }).click();

      // A day ahead, written in Stockholm time.
      const at = new Date(Date.now() + 24 * 3600_000);
      const local = new Intl.DateTimeFormat("sv-SE", {
        timeZone: "Europe/Stockholm",
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
      })
        .format(at)
        .replace(" ", "T");
      await page.locator("#f-sendAt").fill(local);
      await page.getByRole("button", { name: "Schedule …" }).click();
      await dialog.waitFor();
      expect(await dialog.innerText()).toContain(`Goes out ${local.replace("T", " ")} (Swedish time).`);
      await expectAccessible(page);
      await dialog.getByRole("button", { name: "Yes, schedule" }).click();
      await page.waitForURL((u) => /^\/staff\/mailings\/[^/]+$/.test(u.pathname) && u.searchParams.has("status"));
      expect(await page.locator("[data-testid=notice]").innerText()).toBe("The mailing is scheduled.");
      expect(await page.locator("[data-testid=mailing-status]").innerText()).toBe("Scheduled");
      expect(await page.locator("article").innerText()).toContain(local.replace("T", " "));
      expect(await page.locator("[data-testid=progress-summary]").innerText()).toBe(
        "Scheduled: no recipients queued yet.",
      );
      await expectAccessible(page);

      await page.getByRole("button", { name: "Cancel the mailing …" }).click();
      const confirm = page.getByRole("dialog", { name: "Cancel the mailing?" });
      await confirm.waitFor();
      await expectAccessible(page);
      await confirm.getByRole("button", { name: "Yes, cancel the mailing" }).click();
      await expect
        .poll(() => page.locator("[data-testid=control-notice]").innerText())
        .toBe("The mailing is cancelled.");
      await expect
        .poll(() => page.locator("[data-testid=mailing-progress]").getAttribute("data-status"))
        .toBe("CANCELLED");
      expect(await page.getByRole("button", { name: "Cancel the mailing …" }).count()).toBe(0);
      await expectAccessible(page);
    } catch (e) {
      console.error(server.output().slice(-4000));
      throw e;
    } finally {
      await context.close();
    }
  });
});
