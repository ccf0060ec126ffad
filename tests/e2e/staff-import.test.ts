// CSV import in a real browser as an account manager: upload a small file with three good and two bad rows, see
// the suggested mapping, where each new contact's category comes from (the file's own column or the default), the
// counts and the per-row errors in the preview, download the rejected rows as a CSV file, import, and see the three
// imported and the two bad rows listed with their reasons. axe on the upload, preview and result pages, in Swedish
// and English.
import { readFile } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateImportCsv } from "@/tests/fixtures/import/generate-import-csv";
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

const csv = (tag: string) =>
  [
    "Namn;E-post;Telefon;Organisation;Kategori",
    `Anna Mässa;anna.${tag}@fair.example;070-123 45 67;Mässbolaget ${tag};Kund`,
    `Bo Mässa;bo.${tag}@fair.example;;Mässbolaget ${tag};`,
    `Cecilia Mässa;cecilia.${tag}@fair.example;;Mässbolaget ${tag};`,
    `=Dålig Adress;inte-en-adress;;;`,
    `Fel Nummer;fel.${tag}@fair.example;12;;`,
  ].join("\n");

const LANGS = {
  sv: {
    locale: "sv-SE",
    title: "Importera kontakter",
    counts: "3 nya, 0 uppdateras, 0 hoppas över, 2 avvisas, 0 spärrade.",
    fromFile: "Kontaktperson hos kund (från filen)",
    fromDefault: "Potentiell kund (standardval)",
    atomic: "Raderna som går igenom sparas tillsammans i ett svep",
    download: "Ladda ned avvisade rader (CSV)",
    fileName: "avvisade-rader.csv",
    csvHeader: "Namn;E-post;Telefon;Organisation;Kategori;Orsak;Felkod",
    emailError: "E-postadressen är inte giltig.",
    phoneError: "Telefonnumret är inte giltigt.",
    preview: "Förhandsgranska",
    import: "Importera",
    result: "3 importerade, 0 uppdaterade, 0 överhoppade, 2 avvisade.",
    sourceRequired: "Ange källan.",
  },
  en: {
    locale: "en-GB",
    title: "Import contacts",
    counts: "3 new, 0 to update, 0 skipped, 2 rejected, 0 blocked.",
    fromFile: "Contact person at a customer (from the file)",
    fromDefault: "Prospective customer (from the default)",
    atomic: "The rows that pass are saved together in one go",
    download: "Download rejected rows (CSV)",
    fileName: "rejected-rows.csv",
    csvHeader: "Namn;E-post;Telefon;Organisation;Kategori;Reason;Error code",
    emailError: "The email address is not valid.",
    phoneError: "The phone number is not valid.",
    preview: "Preview",
    import: "Import",
    result: "3 imported, 0 updated, 0 skipped, 2 refused.",
    sourceRequired: "Enter the source.",
  },
} as const;

async function expectAccessible(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

/** Presses a download button and returns the file's name and bytes. */
async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.locator(button).click()]);
  return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) };
}

describe.each(Object.entries(LANGS))("staff import (%s)", (lang, L) => {
  it("previews per-row errors, imports the good rows and lists the bad ones", async () => {
    const { page, context } = await signInAs(browser, server, DEMO_STAFF.ACCOUNT_MANAGER, { locale: L.locale });
    try {
      const tag = `${lang}${Date.now()}`;
      await page.goto(`${server.url}/staff/import`);
      expect(await page.locator("h1").innerText()).toBe(L.title);
      await expectAccessible(page);

      // Without a source: the field error, nothing previewed.
      await page.locator("#f-file").setInputFiles({
        name: "fair.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(csv(tag), "utf8"),
      });
      await page.getByRole("button", { name: L.preview }).click();
      await expect.poll(() => page.locator("#f-sourceDetail-error").textContent()).toBe(L.sourceRequired);
      expect(await page.locator("#f-sourceDetail").getAttribute("aria-invalid")).toBe("true");

      await page.locator("#f-sourceDetail").fill("Cloud Summit 2026");
      await page.getByRole("button", { name: L.preview }).click();
      await page.locator("[data-testid=import-counts]").waitFor();
      expect(await page.locator("[data-testid=import-counts]").innerText()).toBe(L.counts);
      // The suggested mapping.
      expect(await page.locator("#f-col_1").inputValue()).toBe("email");
      expect(await page.locator("#f-col_3").inputValue()).toBe("organisationName");
      const errors = await page.locator("#preview-errors tbody tr").allInnerTexts();
      expect(errors).toHaveLength(2);
      expect(errors[0]).toContain("5");
      expect(errors[0]).toContain(L.emailError);
      expect(errors[1]).toContain("6");
      expect(errors[1]).toContain(L.phoneError);
      // Where each new contact's category comes from: the file's own column wins, the default fills the empty cell.
      const created = await page.locator("#preview-create tbody tr").allInnerTexts();
      expect(created).toHaveLength(3);
      expect(created[0]).toContain(L.fromFile);
      expect(created[1]).toContain(L.fromDefault);
      expect(await page.locator("[data-testid=import-atomicity]").innerText()).toContain(L.atomic);
      await expectAccessible(page);

      // The rejected rows as a file to correct: the file's columns, reason and code, Excel's BOM, formulas defused.
      expect(await page.locator("[data-testid=download-rejected]").innerText()).toBe(L.download);
      const rejected = await download(page, "[data-testid=download-rejected]");
      expect(rejected.name).toBe(L.fileName);
      expect([...rejected.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = rejected.bytes.toString("utf8").slice(1).split("\r\n");
      expect(lines[0]).toBe(L.csvHeader);
      expect(lines[1]).toBe(`'=Dålig Adress;inte-en-adress;;;;${L.emailError};email_invalid`);
      expect(lines[2]).toBe(`Fel Nummer;fel.${tag}@fair.example;12;;;${L.phoneError};phone_invalid`);
      expect(lines[3]).toBe("");
      expect(lines).toHaveLength(4);

      await page.getByRole("button", { name: L.import, exact: true }).click();
      await page.locator("[data-testid=import-result]").waitFor();
      expect(await page.locator("[data-testid=import-result]").innerText()).toBe(L.result);
      const notImported = await page.locator("#not-imported tbody tr").allInnerTexts();
      expect(notImported).toHaveLength(2);
      expect(notImported[0]).toContain(L.emailError);
      expect(notImported[1]).toContain(L.phoneError);
      const after = await download(page, "[data-testid=download-not-imported]");
      expect(after.bytes.toString("utf8").split("\r\n")).toHaveLength(4);
      await expectAccessible(page);
    } finally {
      await context.close();
    }
  });
});

describe("staff import progress", () => {
  it("shows a progress bar with the phase while a large import runs, then the result", async () => {
    const { page, context } = await signInAs(browser, server, DEMO_STAFF.ACCOUNT_MANAGER, { locale: "sv-SE" });
    try {
      await page.goto(`${server.url}/staff/import`);
      const big = generateImportCsv(8_000, `progress${Date.now()}`);
      await page.locator("#f-file").setInputFiles({
        name: "crm.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(big.csv, "utf8"),
      });
      await page.locator("#f-sourceDetail").fill("CRM-export");
      await page.getByRole("button", { name: "Förhandsgranska" }).click();
      await page.locator("[data-testid=import-counts]").waitFor({ timeout: 60_000 });
      await page.getByRole("button", { name: "Importera", exact: true }).click();
      // The bar appears at once and names the phase once the first poll is answered.
      const bar = page.locator("[data-testid=import-progress]");
      await bar.waitFor();
      expect(await bar.locator("progress").count()).toBe(1);
      await expect.poll(() => bar.locator("label").innerText(), { timeout: 20_000 }).toMatch(/^Importerar: /);
      expect(await axeViolations(page)).toEqual([]);
      await page.locator("[data-testid=import-result]").waitFor({ timeout: 120_000 });
      expect(await page.locator("#not-imported tbody tr").count()).toBe(big.bad);
      expect(await bar.count()).toBe(0);
    } finally {
      await context.close();
    }
  }, 180_000);
});
