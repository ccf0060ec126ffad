// Staff administration and contact notes in a real browser. The admin invites a staff member (per-field errors first),
// the invitation reaches the fake Resend API and the new person signs in; the admin changes their role and deactivates
// them, which signs them out at once. An account manager adds a note to a contact she manages. axe on every state,
// in Swedish and English.
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

const LENA = "demo_contact_01"; // Nordlys, managed by Karin

describe("staff administration (sv)", () => {
  it("an admin invites a staff member, changes the role and deactivates the account", async () => {
    const invited = `nils.nilsson.${Date.now()}@elastx.example`;
    const { page, context } = await signInAs(browser, server, DEMO_STAFF.ADMIN);
    try {
      await page.goto(`${server.url}/staff/users`);
      expect(await page.locator("h1").innerText()).toBe("Personal och roller");
      expect(await page.locator("[data-testid=staff-users] tbody tr").count()).toBeGreaterThanOrEqual(6);
      await expectAccessible(page);

      await page.locator("#invite-email").fill("inte-en-adress");
      await page.getByRole("button", { name: "Skicka inbjudan" }).click();
      await expect
        .poll(() => page.locator("#invite-email-error").textContent())
        .toBe("Skriv e-postadressen som namn@exempel.se.");
      expect(await page.locator("#invite-name-error").textContent()).toBe("Ange ett namn.");
      expect(await page.locator("#invite-email").getAttribute("aria-invalid")).toBe("true");
      await expectAccessible(page);

      await page.locator("#invite-email").fill(invited.toUpperCase());
      await page.locator("#invite-name").fill("Nils Nilsson");
      await page.locator("#invite-role").selectOption("SUPPORT");
      await page.getByRole("button", { name: "Skicka inbjudan" }).click();
      await expect
        .poll(() => page.locator("[data-testid=invite-status]").innerText())
        .toBe("Inbjudan är skickad. Personen kan logga in nu.");
      const row = page.locator(`tr[data-email="${invited}"]`);
      await expect.poll(() => row.count()).toBe(1);
      expect(await row.locator("[data-testid=role]").innerText()).toBe("Support");
      await expectAccessible(page);

      const [mail] = server.mails(invited);
      expect(mail?.subject).toBe("Du har fått ett konto i personalytan");
      expect(mail?.text).toContain("/staff/sign-in");

      // The invited person signs in through the ordinary magic link.
      const nils = await signInAs(browser, server, invited);
      try {
        await page.bringToFront();
        await row.getByLabel("Roll för Nils Nilsson", { exact: true }).selectOption("MARKETING");
        await row.getByRole("button", { name: "Byt roll för Nils Nilsson" }).click();
        await page.waitForURL((u) => u.searchParams.get("done") === "role_changed");
        expect(await page.getByTestId("notice").innerText()).toBe("Rollen är ändrad.");
        expect(await row.locator("[data-testid=role]").innerText()).toBe("Marknadsföring");
        await expectAccessible(page);

        await row.getByRole("button", { name: "Stäng av Nils Nilsson" }).click();
        // A destructive action asks first, in an alert dialog with "Tillbaka" focused (Enter never destroys).
        const dialog = page.getByRole("alertdialog", { name: "Stäng av Nils Nilsson?" });
        await dialog.waitFor();
        expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Tillbaka");
        await expectAccessible(page);
        await page.keyboard.press("Escape");
        await dialog.waitFor({ state: "detached" });
        expect(await row.locator("[data-testid=status]").innerText()).not.toBe("Avstängd");
        await row.getByRole("button", { name: "Stäng av Nils Nilsson" }).click();
        await dialog.getByRole("button", { name: "Ja, stäng av" }).click();
        await page.waitForURL((u) => u.searchParams.get("done") === "deactivated");
        expect(await page.getByTestId("notice").innerText()).toBe(
          "Kontot är avstängt och personen är utloggad överallt.",
        );
        expect(await row.locator("[data-testid=status]").innerText()).toBe("Avstängd");
        await expectAccessible(page);

        // Signed out everywhere at once: the next page load asks Nils to sign in.
        await nils.page.goto(`${server.url}/staff`);
        await nils.page.waitForURL((u) => u.pathname === "/staff/sign-in");
      } finally {
        await nils.context.close();
      }

      // The admin's own row has no controls: no self-demotion or self-deactivation.
      const own = page.locator(`tr[data-email="${DEMO_STAFF.ADMIN}"]`);
      expect(await own.locator("button").count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});

describe("staff administration and notes (en)", () => {
  it("the staff page in English passes axe", async () => {
    const { page, context } = await signInAs(browser, server, DEMO_STAFF.ADMIN, { locale: "en-GB" });
    try {
      await page.goto(`${server.url}/staff/users?lang=en`);
      expect(await page.locator("h1").innerText()).toBe("Staff and roles");
      await page.getByRole("button", { name: "Send invitation" }).click();
      await expect.poll(() => page.locator("#invite-email-error").textContent()).toBe("Enter an email address.");
      await expectAccessible(page);
    } finally {
      await context.close();
    }
  });

  it("an account manager adds a note to a contact she manages", async () => {
    const text = `Prefers calls after lunch ${Date.now()}`;
    const { page, context } = await signInAs(browser, server, DEMO_STAFF.ACCOUNT_MANAGER, { locale: "en-GB" });
    try {
      await page.goto(`${server.url}/staff/contacts/${LENA}?lang=en`);
      // The page's tabs by keyboard: focus the selected tab, arrows move and select, the URL follows.
      expect(await page.getByRole("tab", { selected: true }).innerText()).toBe("Overview");
      expect(await page.locator("#notes-heading").count()).toBe(0);
      const selectedTab = () => page.getByRole("tab", { selected: true }).innerText();
      // Arrow keys work once the tabs are hydrated: until then a press changes nothing, so focus and press again.
      await expect
        .poll(async () => {
          await page.getByRole("tab", { name: "Overview" }).focus();
          await page.keyboard.press("ArrowRight");
          return selectedTab();
        })
        .toBe("Record and history");
      await page.keyboard.press("End");
      await expect.poll(selectedTab).toMatch(/^Notes \(\d+\)$/);
      await page.waitForURL((u) => u.searchParams.get("tab") === "notes");
      await page.locator("#notes-heading").waitFor();
      await page.keyboard.press("Tab");
      // Tab leaves the tab list for the panel (its first control, or the panel itself when it has none).
      expect(await page.evaluate(() => Boolean(document.activeElement?.closest('[role="tabpanel"]')))).toBe(true);
      await expectAccessible(page);
      expect(await page.locator("#notes-heading").innerText()).toBe("Notes");
      await page.getByRole("button", { name: "Save the note" }).click();
      await expect.poll(() => page.locator("#note-body-error").textContent()).toBe("Write a note.");
      await expectAccessible(page);

      await page.locator("#note-body").fill(text);
      await page.getByRole("button", { name: "Save the note" }).click();
      await page.waitForURL((u) => u.searchParams.get("status") === "note_added");
      expect(await page.getByTestId("notice").innerText()).toBe("The note has been saved.");
      expect(await page.getByTestId("notes").innerText()).toContain(text);
      expect(await page.getByTestId("notes").innerText()).toContain("Karin Berg");
      await expectAccessible(page);

      // The same page in Swedish.
      await page.goto(`${server.url}/staff/contacts/${LENA}?lang=sv&tab=notes`);
      expect(await page.locator("#notes-heading").innerText()).toBe("Anteckningar");
      expect(await page.getByTestId("notes").innerText()).toContain(text);
      await expectAccessible(page);

      // Destructive actions ask first; keyboard only: Enter opens the dialog on "Tillbaka", Tab reaches the confirm.
      const remove = page
        .getByTestId("notes")
        .getByRole("button", { name: /^Ta bort anteckningen från/ })
        .last();
      await remove.focus();
      await page.keyboard.press("Enter");
      const dialog = page.getByRole("alertdialog");
      await dialog.waitFor();
      expect(await dialog.getByRole("heading").innerText()).toMatch(/^Ta bort anteckningen från \d{4}-\d{2}-\d{2}\?$/);
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Tillbaka");
      await expectAccessible(page);
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Ja, ta bort");
      await page.keyboard.press("Enter");
      await page.waitForURL((u) => u.searchParams.get("status") === "note_deleted");
      expect(await page.getByTestId("notes").innerText()).not.toContain(text);

      // Revoking the person's links: "Tillbaka" leaves them working; the confirm revokes them.
      await page.getByRole("tab", { name: "Översikt" }).click();
      await page.getByRole("button", { name: "Spärra personens länkar" }).click();
      await page.getByRole("alertdialog", { name: "Spärra personens länkar?" }).waitFor();
      await page.getByRole("button", { name: "Tillbaka" }).click();
      await page.getByRole("alertdialog").waitFor({ state: "detached" });
      expect(new URL(page.url()).searchParams.get("status")).not.toBe("revoked");
      await page.getByRole("button", { name: "Spärra personens länkar" }).click();
      await page.getByRole("button", { name: "Ja, spärra länkarna" }).click();
      await page.waitForURL((u) => u.searchParams.get("status") === "revoked");
    } finally {
      await context.close();
    }

    // Marketing opens the same contact and never receives the note.
    const marketing = await signInAs(browser, server, DEMO_STAFF.MARKETING);
    try {
      const res = await marketing.page.goto(`${server.url}/staff/contacts/${LENA}`);
      expect(await res?.text()).not.toContain(text);
      expect(await marketing.page.getByTestId("notes").count()).toBe(0);
    } finally {
      await marketing.context.close();
    }
  });
});
