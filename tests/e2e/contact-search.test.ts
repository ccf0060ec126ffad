// The contact list's search by keyboard only, in Swedish and English: a name part finds the person whose later word
// starts with it first ("best matches first" said in the status), an organisation's name finds the people working
// there now, a search term with wildcards is taken literally; axe on each result.
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

/** Presses Tab until the search field has focus, types the term and submits with Enter. */
async function search(page: Page, term: string) {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(() => document.activeElement?.id === "q")) break;
  }
  expect(await page.evaluate(() => document.activeElement?.id)).toBe("q");
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type(term);
  await page.keyboard.press("Enter");
  await page.waitForURL((u) => u.searchParams.get("q") === term);
}

const column = (page: Page, n: number) =>
  page
    .locator("table tbody tr")
    .evaluateAll(
      (rows, i) => rows.map((r) => r.querySelectorAll("td:not(.data-table__select)")[i]?.textContent?.trim() ?? ""),
      n,
    );

for (const lang of ["sv", "en"] as const) {
  const words = {
    sv: { best: "Bäst träff först", matches: /^(\d+) kontakter? matchar/ },
    en: { best: "Best matches first", matches: /^(\d+) contacts? match/ },
  }[lang];

  describe(`contact search (${lang})`, () => {
    it("finds by part of a name, best match first, and by organisation, by keyboard", async () => {
      const { page, context } = await signInAs(browser, server, DEMO_STAFF.ADMIN, {
        locale: lang === "sv" ? "sv-SE" : "en-GB",
      });
      try {
        await page.goto(`${server.url}/staff/contacts?lang=${lang}`);
        await search(page, "berg");
        const status = await page.getByTestId("contact-total").innerText();
        expect(status).toMatch(words.matches);
        expect(status).toContain(words.best);
        const names = await column(page, 0);
        // "Oliver Bergström": a later word starts with the term; "Holmberg" and "Sjöberg" only contain it.
        expect(names[0]).toBe("Oliver Bergström");
        expect(names).toEqual(expect.arrayContaining(["Peter Holmberg", "Karin Sjöberg"]));
        expect(await axeViolations(page)).toEqual([]);

        await search(page, "Kvarnby kommun");
        const organisations = await column(page, 2);
        expect(organisations.length).toBeGreaterThan(0);
        for (const o of organisations) expect(o).toContain("Kvarnby kommun");
        expect(await axeViolations(page)).toEqual([]);

        await search(page, "%");
        expect(await page.getByTestId("contact-total").innerText()).toMatch(/^0 /);
      } finally {
        await context.close();
      }
    });
  });
}
