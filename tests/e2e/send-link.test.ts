// "Send me a link" at /preferences in a real browser: keyboard-only use, per-field errors, sv and en, the mail with a
// working link, and the answer (status, body, timing) identical for a registered and an unregistered address.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "./support/axe";
import { launchBrowser, MOBILE, newPage } from "./support/browser";
import { startServer, type AppServer } from "./support/server";

let server: AppServer;
let browser: Browser;

// As if behind one load balancer (TRUSTED_PROXY_COUNT=1): the X-Forwarded-For these tests send is then the address
// that load balancer saw, so each test can act as a client of its own (tests/e2e/abuse-limits.test.ts covers spoofing).
beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ env: { TRUSTED_PROXY_COUNT: "1" } }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const T = {
  sv: {
    label: "Din e-postadress",
    submit: "Skicka länken",
    accepted: "Om adressen finns i vårt register har vi nu skickat en länk till den.",
    invalid: "Det ser inte ut som en e-postadress.",
    required: "Skriv din e-postadress.",
    subject: "Din länk till dina inställningar",
    known: "sofia.karlsson@nordlys.example",
  },
  en: {
    label: "Your email address",
    submit: "Send the link",
    accepted: "If the address is in our register, we have sent a link to it.",
    invalid: "That does not look like an email address.",
    required: "Type your email address.",
    subject: "Your link to your preferences",
    known: "ahmed.hassan@nordlys.example",
  },
};

type Mail = { subject: string; html: string; text: string; to: string[] };
async function mailsTo(address: string): Promise<Mail[]> {
  return server.mails(address);
}

/** The form's own status region (the cookie button has another). */
const status = (page: Page) => page.locator(".send-link__status[role=status]");
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? "");

/** Keyboard only: Tab to the field, type, Enter. */
async function submitWithKeyboard(page: Page, address: string) {
  for (let i = 0; i < 30 && (await focusedId(page)) !== "send-link-email"; i++) await page.keyboard.press("Tab");
  expect(await focusedId(page)).toBe("send-link-email");
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Backspace");
  if (address) await page.keyboard.type(address);
  const response = page.waitForResponse((r) => r.request().method() === "POST");
  await page.keyboard.press("Enter");
  const r = await response;
  // Read at once: the browser may drop a response body once the page has moved on.
  const body = await r.text().catch((e: unknown) => `unreadable: ${String(e)}`);
  return { status: r.status(), body };
}

describe.each(["sv", "en"] as const)("in %s", (lang) => {
  const t = T[lang];

  it("shows a per-field error for a malformed address, then mails a link to a registered one", async () => {
    const { page, context } = await newPage(browser);
    await page.goto(`${server.url}/preferences?lang=${lang}`);
    // Answer the cookie question first, so the walk below only meets the page itself.
    await page.locator("#cookie-banner button").last().click();
    await page.locator("h1").click();

    await submitWithKeyboard(page, "not-an-address");
    const input = page.getByLabel(t.label);
    await expect.poll(() => input.getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#send-link-email-error").innerText()).toContain(t.invalid);
    expect(await input.getAttribute("aria-describedby")).toContain("send-link-email-error");
    expect(await focusedId(page)).toBe("send-link-email");
    expect(await input.inputValue()).toBe("not-an-address");
    expect(await status(page).innerText()).toContain(t.invalid);
    expect(await axeViolations(page)).toEqual([]);

    await submitWithKeyboard(page, "");
    await expect.poll(() => page.locator("#send-link-email-error").innerText()).toContain(t.required);

    await submitWithKeyboard(page, t.known.toUpperCase());
    await expect.poll(() => status(page).innerText()).toContain(t.accepted);
    expect(await input.getAttribute("aria-invalid")).toBeNull();
    expect(await input.inputValue()).toBe("");
    expect(await axeViolations(page)).toEqual([]);

    await expect.poll(async () => (await mailsTo(t.known)).length, { timeout: 10_000 }).toBe(1);
    const [mail] = await mailsTo(t.known);
    expect(mail!.subject).toBe(t.subject);
    const link = mail!.text.match(new RegExp(`${server.url}/p/[A-Za-z0-9_.~-]+`))?.[0];
    expect(link).toBeDefined();
    expect(link).not.toContain("nordlys");
    await context.close();
  });

  it("passes axe at 375 px", async () => {
    const { page, context } = await newPage(browser, { viewport: MOBILE, isMobile: true, hasTouch: true });
    await page.goto(`${server.url}/preferences?lang=${lang}`);
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(MOBILE.width);
    await context.close();
  });
});

/**
 * Submits once in the browser and keeps the server action's request (URL, headers, multipart body), so that it can be
 * replayed from Node with another address: exact timing, and the raw response to compare.
 */
async function captureAction(page: Page, address: string) {
  const request = page.waitForRequest((r) => r.method() === "POST");
  await submitWithKeyboard(page, address);
  const r = await request;
  const headers = await r.allHeaders();
  const keep = ["next-action", "content-type", "accept", "next-router-state-tree", "origin"];
  return {
    url: r.url(),
    headers: Object.fromEntries(Object.entries(headers).filter(([k]) => keep.includes(k.toLowerCase()))),
    body: r.postData() ?? "",
    address,
  };
}
type Captured = Awaited<ReturnType<typeof captureAction>>;

async function replay(captured: Captured, address: string, client: string) {
  expect(captured.body).toContain(captured.address);
  const started = performance.now();
  const res = await fetch(captured.url, {
    method: "POST",
    headers: { ...captured.headers, "x-forwarded-for": client },
    body: captured.body.replace(captured.address, address),
  });
  const body = await res.text();
  return { ms: performance.now() - started, status: res.status, body };
}

describe("registered and unregistered addresses look the same", () => {
  const known = "lena.svensson@nordlys.example";
  const unknown = "nobody.at.all@nordlys.example";

  it("same page text in the browser", async () => {
    const { page, context } = await newPage(browser);
    await page.goto(`${server.url}/preferences`);
    await page.locator("#cookie-banner button").first().click();
    const texts: string[] = [];
    for (const [i, address] of [known, unknown, known, unknown].entries()) {
      await context.setExtraHTTPHeaders({ "x-forwarded-for": `192.0.2.${i + 1}` });
      await submitWithKeyboard(page, address);
      await expect.poll(() => status(page).innerText()).toContain(T.sv.accepted);
      texts.push(await page.locator("main").innerText());
    }
    expect(new Set(texts).size).toBe(1);
    await context.close();
  });

  it("same HTTP status, same response body, same timing (medians within 150 ms) for 10 requests each", async () => {
    const { page, context } = await newPage(browser);
    await page.goto(`${server.url}/preferences`);
    await page.locator("#cookie-banner button").first().click();
    await context.setExtraHTTPHeaders({ "x-forwarded-for": "192.0.2.100" });
    const captured = await captureAction(page, "capture@example.com");
    await context.close();

    const runs: Record<"known" | "unknown", Awaited<ReturnType<typeof replay>>[]> = { known: [], unknown: [] };
    for (let i = 0; i < 10; i++) {
      // A client address of its own per pair: this test measures the answer, not the per-client limit.
      runs.known.push(await replay(captured, known, `198.51.100.${i + 1}`));
      runs.unknown.push(await replay(captured, unknown, `198.51.100.${i + 1}`));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const knownMedian = median(runs.known.map((r) => r.ms));
    const unknownMedian = median(runs.unknown.map((r) => r.ms));
    console.log(
      `[send-link] median answer: registered ${knownMedian.toFixed(0)} ms, unregistered ${unknownMedian.toFixed(0)} ms`,
    );
    expect(Math.abs(knownMedian - unknownMedian)).toBeLessThan(150);
    const all = [...runs.known, ...runs.unknown];
    // Every answer waited for the padded minimum.
    for (const r of all) expect(r.ms).toBeGreaterThanOrEqual(490);
    expect(new Set(all.map((r) => r.status))).toEqual(new Set([200]));
    const bodies = [...new Set(all.map((r) => r.body))];
    expect(bodies, bodies.join("\n----\n")).toHaveLength(1);
    expect(bodies[0]).toContain('{"status":"accepted"}');

    // Only the registered address got mail, and no more than its hourly limit.
    await expect.poll(async () => (await mailsTo(known)).length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect((await mailsTo(known)).length).toBeLessThanOrEqual(3);
    expect(await mailsTo(unknown)).toEqual([]);
  });

  it("refuses a client after too many requests, with the same words for any address", async () => {
    const { page, context } = await newPage(browser, { locale: "en-GB" });
    await page.goto(`${server.url}/preferences`);
    await page.locator("#cookie-banner button").first().click();
    await context.setExtraHTTPHeaders({ "x-forwarded-for": "203.0.113.50" });
    const captured = await captureAction(page, "probe-0@example.com"); // request 1 of 20
    for (let i = 1; i < 20; i++) {
      const r = await replay(captured, `probe-${i}@example.com`, "203.0.113.50");
      expect(r.body).toContain('{"status":"accepted"}');
    }
    const limited = await Promise.all([
      replay(captured, known, "203.0.113.50"),
      replay(captured, unknown, "203.0.113.50"),
    ]);
    expect(limited[0].status).toBe(200);
    expect(limited[0].body).toBe(limited[1].body);
    expect(limited[0].body).toContain('{"status":"limited"}');
    for (const address of [known, unknown]) {
      await submitWithKeyboard(page, address);
      await expect
        .poll(() => status(page).innerText())
        .toBe("You have tried many times in a short while. Please wait a moment and try again.");
    }
    await context.close();
  });
});
