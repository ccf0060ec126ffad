// Topics and segments in a real browser, as marketing (Sara): edit a topic and create one, with per-field errors;
// build a segment whose live count and breakdown follow the form, see a sample that shows no address, save it with
// a name; the same in English; and the count without JavaScript (the form submitted with GET). axe on every state.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "./support/axe";
import { launchBrowser } from "./support/browser";
import { startServer, type AppServer } from "./support/server";
import { DEMO_STAFF, signInAs } from "./support/staff";

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

const totalText = (page: Page) => page.locator("[data-testid=segment-total]").innerText();

describe("topics (sv)", () => {
  it("edits a topic with per-field errors and creates a new one", async () => {
    const { page, context } = await signInAs(browser, server, DEMO_STAFF.MARKETING);
    try {
      await page.goto(`${server.url}/staff/topics`);
      expect(await page.locator("h1").innerText()).toBe("Ämnen");
      expect(await page.locator("[data-testid=topics]").innerText()).toContain("Nyhetsbrev");
      await expectAccessible(page);

      await page.getByRole("link", { name: "Ändra Produktnyheter" }).click();
      await page.waitForURL((u) => u.pathname === "/staff/topics/demo_topic_product-news");
      await expectAccessible(page);
      await page.locator("#f-nameSv").fill("");
      await page.getByRole("button", { name: "Spara ämnet" }).click();
      await expect.poll(() => page.locator("#f-nameSv-error").textContent()).toBe("Ange ett namn.");
      expect(await page.locator("#f-nameSv").getAttribute("aria-invalid")).toBe("true");
      await expectAccessible(page);

      await page.locator("#f-nameSv").fill("Produktnyheter och lanseringar");
      await page.locator("#g-defaultCategories-PROSPECT").check();
      await page.getByRole("button", { name: "Spara ämnet" }).click();
      await page.waitForURL((u) => u.pathname === "/staff/topics" && u.searchParams.has("saved"));
      const table = await page.locator("[data-testid=topics]").innerText();
      expect(table).toContain("Produktnyheter och lanseringar");

      await page.getByRole("link", { name: "Nytt ämne" }).click();
      await page.waitForURL((u) => u.pathname === "/staff/topics/new");
      await page.locator("#f-key").fill("Webbinarier!");
      await page.getByRole("button", { name: "Spara ämnet" }).click();
      await expect
        .poll(() => page.locator("#f-key-error").textContent())
        .toBe("Nyckeln får bara innehålla små bokstäver a–z, siffror och bindestreck.");
      await expectAccessible(page);
      await page.locator("#f-key").fill("webinars");
      await page.locator("#f-nameSv").fill("Webbinarier");
      await page.locator("#f-nameEn").fill("Webinars");
      await page.locator("#f-descriptionSv").fill("Inbjudningar till webbinarier.");
      await page.locator("#f-descriptionEn").fill("Invitations to webinars.");
      await page.locator("#g-defaultCategories-CUSTOMER_CONTACT").check();
      await page.getByRole("button", { name: "Spara ämnet" }).click();
      await page.waitForURL((u) => u.pathname === "/staff/topics" && u.searchParams.has("saved"));
      expect(await page.locator("[data-testid=topics]").innerText()).toContain("Webbinarier");
    } finally {
      await context.close();
    }
  });
});

describe("segments (sv)", () => {
  it("counts live as the filter changes, explains who is left out, and saves the segment", async () => {
    const { page, context } = await signInAs(browser, server, DEMO_STAFF.MARKETING);
    try {
      await page.goto(`${server.url}/staff/segments`);
      expect(await page.locator("h1").innerText()).toBe("Urval");
      await expectAccessible(page);
      await page.getByRole("link", { name: "Nytt urval" }).click();
      await page.waitForURL((u) => u.pathname === "/staff/segments/new");
      expect(await totalText(page)).toMatch(/^\d+ kontakter matchar urvalet\.$/);
      const everyone = await totalText(page);
      await expectAccessible(page);

      // Choosing the topic brings the breakdown; choosing a category changes the count, without a page load.
      await page.locator("#f-topic").selectOption("demo_topic_newsletter");
      await page.locator("[data-testid=segment-eligible]").waitFor();
      expect(await page.locator("[data-testid=segment-eligible]").innerText()).toMatch(
        /^\d+ kan få utskick i ämnet ”Nyhetsbrev”\.$/,
      );
      const reasons = await page.locator("[data-testid=segment-breakdown] li").allInnerTexts();
      expect(reasons.map((r) => r.replace(/:.*$/, ""))).toEqual([
        "Spärrade",
        "Avregistrerade från all marknadsföring",
        "Har pausat marknadsföringsutskick",
        "Avregistrerade från ämnet",
        "Prenumererar inte på ämnet",
        "Saknar rättslig grund för ämnets ändamål",
      ]);
      await page.locator("#g-categories-CUSTOMER_CONTACT").check();
      await expect.poll(() => totalText(page)).not.toBe(everyone);
      const customers = await totalText(page);
      await page.locator("#g-languages-en").check();
      await expect.poll(() => totalText(page)).not.toBe(customers);
      await page.locator("#g-languages-en").uncheck();
      await expect.poll(() => totalText(page)).toBe(customers);

      const sample = page.locator("[data-testid=segment-sample]");
      expect(await sample.locator("thead th").allInnerTexts()).toEqual(["Namn", "Organisation", "Språk"]);
      const sampleText = await sample.innerText();
      expect(sampleText).not.toContain("@");
      expect(sampleText).not.toMatch(/\+46|07\d/);
      await expectAccessible(page);

      // An impossible date range is reported next to the field by the live count.
      await page.locator("#f-createdFrom").fill("2026-05-02");
      await page.locator("#f-createdTo").fill("2026-05-01");
      await expect
        .poll(() => page.locator("#f-createdTo-error").textContent())
        .toBe("Slutdatumet kan inte vara före startdatumet.");
      await expectAccessible(page);
      await page.locator("#f-createdFrom").fill("");
      await page.locator("#f-createdTo").fill("");
      await expect.poll(() => page.locator("#f-createdTo-error").count()).toBe(0);

      // Saving needs a name; the choices survive the refused save.
      await page.getByRole("button", { name: "Spara urvalet" }).click();
      await expect.poll(() => page.locator("#f-name-error").textContent()).toBe("Ange ett namn.");
      expect(await page.locator("#g-categories-CUSTOMER_CONTACT").isChecked()).toBe(true);
      await page.locator("#f-name").fill("Kundkontakter för nyhetsbrevet");
      await page.getByRole("button", { name: "Spara urvalet" }).click();
      await page.waitForURL((u) => /^\/staff\/segments\/[^/]+$/.test(u.pathname) && u.searchParams.has("saved"));
      expect(await page.locator("h1").innerText()).toBe("Ändra urval: Kundkontakter för nyhetsbrevet");
      expect(await page.locator("#g-categories-CUSTOMER_CONTACT").isChecked()).toBe(true);
      expect(await totalText(page)).toBe(customers);
      await expectAccessible(page);

      // The live count's JSON carries only aggregates and name, organisation and language.
      const json = (await (
        await page.request.get(`${server.url}/staff/segments/count?topic=demo_topic_newsletter`)
      ).json()) as { ok: boolean; sample: Record<string, unknown>[] };
      expect(json.ok).toBe(true);
      expect(json.sample.length).toBeGreaterThan(0);
      for (const row of json.sample) expect(Object.keys(row).sort()).toEqual(["language", "name", "organisation"]);
      expect(JSON.stringify(json)).not.toContain("@");

      await page.getByRole("link", { name: "Tillbaka till urvalen" }).click();
      await page.waitForURL((u) => u.pathname === "/staff/segments");
      expect(await page.locator("[data-testid=segments]").innerText()).toContain("Kundkontakter för nyhetsbrevet");

      // Archived segments leave the list (and come back with "show archived").
      await page.getByRole("link", { name: "Ändra Kundkontakter för nyhetsbrevet" }).click();
      await page.getByRole("button", { name: "Arkivera urvalet" }).click();
      await expect.poll(() => page.getByText("Urvalet är arkiverat.").count()).toBe(1);
      await page.goto(`${server.url}/staff/segments`);
      // Only the demo seed's own segment is left.
      expect(await page.locator("[data-testid=segments]").innerText()).not.toContain("Kundkontakter för nyhetsbrevet");
      await page.goto(`${server.url}/staff/segments?archived=1`);
      expect(await page.locator("[data-testid=segments]").innerText()).toContain("Arkiverat");
      await expectAccessible(page);
    } finally {
      await context.close();
    }
  });

  it("is closed to roles without segments.manage and to the signed out", async () => {
    expect((await fetch(`${server.url}/staff/segments/count`)).status).toBe(401);
    const { page, context } = await signInAs(browser, server, DEMO_STAFF.ACCOUNT_MANAGER);
    try {
      expect((await page.request.get(`${server.url}/staff/segments/count`)).status()).toBe(403);
      await page.goto(`${server.url}/staff/segments/new`);
      await page.waitForURL((u) => u.pathname === "/staff/forbidden");
      await page.goto(`${server.url}/staff/topics`);
      await page.waitForURL((u) => u.pathname === "/staff/forbidden");
    } finally {
      await context.close();
    }
  });

  it("counts without JavaScript by submitting the form", async () => {
    const signedIn = await signInAs(browser, server, DEMO_STAFF.MARKETING);
    const cookies = await signedIn.context.cookies();
    await signedIn.context.close();
    const context = await browser.newContext({ locale: "sv-SE", javaScriptEnabled: false });
    await context.addCookies(cookies);
    const page = await context.newPage();
    try {
      await page.goto(`${server.url}/staff/segments/new`);
      await page.locator("#g-categories-PROSPECT").check();
      await page.locator("#f-topic").selectOption("demo_topic_events");
      await page.getByRole("button", { name: "Visa antal" }).click();
      await page.waitForURL((u) => u.pathname === "/staff/segments/new" && u.searchParams.get("preview") === "1");
      expect(await page.locator("#g-categories-PROSPECT").isChecked()).toBe(true);
      expect(await page.locator("[data-testid=segment-eligible]").innerText()).toMatch(
        /^\d+ kan få utskick i ämnet ”Event och webbinarier”\.$/,
      );
      expect(await page.locator("[data-testid=segment-breakdown] li").count()).toBe(6);
    } finally {
      await context.close();
    }
  });
});

describe("segments (en)", () => {
  it("shows the builder, the breakdown and the sample in English", async () => {
    const { page, context } = await signInAs(browser, server, DEMO_STAFF.MARKETING, { locale: "en-GB" });
    try {
      await page.goto(`${server.url}/staff/segments/new`);
      expect(await page.locator("h1").innerText()).toBe("New segment");
      await page.locator("#f-topic").selectOption("demo_topic_service-notices");
      await page.locator("[data-testid=segment-eligible]").waitFor();
      expect(await page.locator("[data-testid=segment-eligible]").innerText()).toMatch(
        /^[\d,]+ may receive a mailing on “Service notices”\.$/,
      );
      expect(await page.getByRole("heading", { name: "Left out and why" }).count()).toBe(1);
      expect(await page.locator("[data-testid=segment-sample] thead th").allInnerTexts()).toEqual([
        "Name",
        "Organisation",
        "Language",
      ]);
      await expectAccessible(page);
      await page.goto(`${server.url}/staff/topics`);
      expect(await page.locator("h1").innerText()).toBe("Topics");
      await expectAccessible(page);
    } finally {
      await context.close();
    }
  });
});
