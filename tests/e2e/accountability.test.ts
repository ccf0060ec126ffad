// Privacy and accountability in a real browser: the privacy officer records a phone request, finds it on the
// dashboard, extends it with a reason and follows it into the audit trail (chain OK); an admin creates an API key
// (shown once) and revokes it; marketing is refused the audit trail; axe on every page in Swedish and English.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "./support/axe";
import { launchBrowser } from "./support/browser";
import { startServer, type AppServer } from "./support/server";
import { signInAs } from "./support/staff";

let server: AppServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signIn(address: string): Promise<Page> {
  return (await signInAs(browser, server, address)).page;
}
async function expectAccessible(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}
async function checkBothLanguages(page: Page, path: string) {
  for (const lang of ["sv", "en"]) {
    const sep = path.includes("?") ? "&" : "?";
    await page.goto(`${server.url}${path}${sep}lang=${lang}`);
    await expectAccessible(page);
  }
}
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

describe("privacy officer", () => {
  it("records a phone request, sees it due soon, extends it, follows it into the audit trail", async () => {
    const page = await signIn("per.dahl@elastx.example");
    await page.goto(`${server.url}/staff/privacy-requests/new?lang=en`);
    await expectAccessible(page);
    // Per-field errors first.
    await page.locator("#pr-received").fill("");
    await page.getByRole("button", { name: "Record" }).click();
    await page.locator("#pr-received[aria-invalid=true]").waitFor();
    await page.locator("#pr-email[aria-invalid=true]").waitFor();
    await expectAccessible(page);

    await page.locator("#pr-type").selectOption("ACCESS");
    await page.locator("#pr-channel").selectOption("PHONE");
    await page.locator("#pr-received").fill(daysAgo(27));
    await page.locator("#pr-email").fill("lena.svensson@nordlys.example");
    await page.locator("#pr-details").fill("Called and asked for a copy of her data");
    await page.getByRole("button", { name: "Record" }).click();
    await page.getByTestId("recorded-link").waitFor();
    expect(await page.getByTestId("record-status").innerText()).toBe("The request is recorded.");
    const href = await page.getByTestId("recorded-link").getAttribute("href");
    const id = href!.split("/").pop()!;

    await page.goto(`${server.url}/staff/privacy-requests?lang=en`);
    const row = page.locator(`[data-testid=to-handle] tr[data-request-id="${id}"]`);
    expect(await row.count()).toBe(1);
    expect(await row.locator("[data-testid=due-soon].badge--warning").innerText()).toBe("Due within 7 days");
    await checkBothLanguages(page, "/staff/privacy-requests");

    await page.goto(`${server.url}/staff/privacy-requests/${id}?lang=en`);
    await expectAccessible(page);
    await page.locator("#pr-months").selectOption("2");
    await page.locator("#pr-reason").fill("Her data is also in the archived CRM");
    await page.getByRole("button", { name: "Extend" }).click();
    await page.locator("[data-testid=extend-status][data-status=saved]").waitFor();
    await page.getByTestId("extension-reason").waitFor();
    expect(await page.getByTestId("extension-reason").innerText()).toBe("Her data is also in the archived CRM");
    await checkBothLanguages(page, `/staff/privacy-requests/${id}`);

    // Extended by two months: still to handle, no longer due soon.
    await page.goto(`${server.url}/staff/privacy-requests?lang=en`);
    expect(await row.count()).toBe(1);
    expect(await row.locator("[data-testid=due-soon]").count()).toBe(0);
    expect(await row.locator("[data-testid=overdue]").count()).toBe(0);

    await page.goto(`${server.url}/staff/privacy-requests/${id}?lang=en`);
    await page.getByTestId("request-audit-link").click();
    await page.waitForURL((u) => u.pathname === "/staff/audit");
    expect(await page.getByTestId("chain-status").innerText()).toMatch(/^The chain is intact/);
    const actions = await page
      .locator("[data-testid=audit-table] tbody tr")
      .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-action")));
    expect(actions).toEqual(["privacy_request.extended", "privacy_request.recorded"]);
    const auditPath = new URL(page.url()).pathname + new URL(page.url()).search;
    await checkBothLanguages(page, auditPath);
    await checkBothLanguages(page, "/staff/audit");

    const exported = await page.evaluate(async (p) => {
      const res = await fetch(p);
      return { status: res.status, type: res.headers.get("content-type"), body: await res.text() };
    }, `/staff/audit/export?format=json&subjectType=PrivacyRequest&subjectId=${id}`);
    expect(exported.status).toBe(200);
    expect(JSON.parse(exported.body).entries).toHaveLength(2);

    // A reply to the person from the request: the extension template, in her language (Swedish), logged on the
    // request; a question without text is refused on its field.
    await page.goto(`${server.url}/staff/privacy-requests/${id}?lang=en`);
    expect(await page.getByRole("heading", { name: "Reply to the person" }).count()).toBe(1);
    await page.locator("#pr-reply-template").selectOption("extended");
    await page.getByRole("button", { name: "Send the reply" }).click();
    await page.locator("[data-testid=reply-status][data-status=saved]").waitFor();
    await expect
      .poll(() => page.getByTestId("request-replies").innerText())
      .toContain("Extended deadline (with the new date and the reason)");
    await expect
      .poll(() => server.mails("lena.svensson@nordlys.example").map((m) => m.subject), { timeout: 15_000 })
      .toContain("Vi behöver mer tid för din begäran");
    const reply = server.mails("lena.svensson@nordlys.example").find((m) => m.subject.startsWith("Vi behöver"));
    expect(reply?.text).toContain("Her data is also in the archived CRM");
    await page.locator("#pr-reply-template").selectOption("clarify");
    await page.getByRole("button", { name: "Send the reply" }).click();
    await page.locator("#pr-reply-message[aria-invalid=true]").waitFor();
    expect(await page.locator("#pr-reply-message-error").innerText()).toBe("Write the question to the person.");
    await expectAccessible(page);
    await checkBothLanguages(page, `/staff/privacy-requests/${id}`);
    await page.context().close();
  });
});

describe("admin", () => {
  it("creates an API key, sees it once, revokes it", async () => {
    const page = await signIn("astrid.lind@elastx.example");
    await checkBothLanguages(page, "/staff/api-keys");
    await page.goto(`${server.url}/staff/api-keys?lang=en`);
    await page.getByRole("button", { name: "Create key" }).click();
    await page.locator("#key-name[aria-invalid=true]").waitFor();
    await page.locator("#key-name").fill("CRM sync");
    await page.locator("#key-scope").selectOption("WRITE");
    // A limit of its own: a bad one is refused at the field, a good one shown in the list.
    await page.locator("#key-rate-limit").fill("0");
    await page.getByRole("button", { name: "Create key" }).click();
    await page.locator("#key-rate-limit[aria-invalid=true]").waitFor();
    await page.locator("#key-rate-limit").fill("120");
    await page.getByRole("button", { name: "Create key" }).click();
    await page.getByTestId("new-key").waitFor();
    const key = await page.getByTestId("new-key").inputValue();
    expect(key).toMatch(/^tk_/);
    await expectAccessible(page);

    await page.goto(`${server.url}/staff/api-keys?lang=en`);
    expect(await page.getByTestId("new-key").count()).toBe(0);
    expect(await page.getByTestId("api-keys").locator("tr", { hasText: "CRM sync" }).innerText()).toContain("120");
    expect(await page.content()).not.toContain(key);
    await page.getByRole("link", { name: "Revoke CRM sync" }).click();
    await page.waitForURL((u) => u.pathname.endsWith("/revoke"));
    await checkBothLanguages(page, new URL(page.url()).pathname);
    await page.getByRole("button", { name: "Yes, revoke" }).click();
    await page.waitForURL((u) => u.pathname === "/staff/api-keys" && u.searchParams.get("done") === "revoked");
    expect(await page.getByTestId("revoke-status").innerText()).toBe("The key is revoked.");
    expect(await page.getByRole("link", { name: "Revoke CRM sync" }).count()).toBe(0);
    await expectAccessible(page);

    const res = await fetch(`${server.url}/api/v1/contacts/demo_contact_01`, {
      headers: { Authorization: `Bearer ${key}` },
    });
    expect(res.status).toBe(401);
    await page.context().close();
  });
});

describe("refusals", () => {
  it("marketing gets the forbidden page for the audit trail and API keys, and no export", async () => {
    const page = await signIn("sara.nystrom@elastx.example");
    for (const path of ["/staff/audit", "/staff/api-keys"]) {
      await page.goto(`${server.url}${path}`);
      await page.waitForURL((u) => u.pathname === "/staff/forbidden");
    }
    const status = await page.evaluate(async () => (await fetch("/staff/audit/export?format=csv")).status);
    expect(status).toBe(403);
    await page.context().close();
  });
});
