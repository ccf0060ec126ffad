// Issue 10, finding 9 (logs): the server's logs are structured (one JSON object a line, a request id, the level from
// LOG_LEVEL) and hold no personal data. A real browser and plain HTTP clients run the main journeys against a server
// whose mail goes through the real Resend SDK to a local fake (so webhooks are signed and verified for real), at
// LOG_LEVEL=debug so that every journey logs something; then everything the server printed is searched for every
// demo contact's and staff member's address, name and phone number, every address the test typed, and every link
// token it used: none may appear. The journeys must each have left request lines, or the search proves nothing.
import { randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { stepUpUrl, unsubscribeUrl } from "@/lib/recipients/build-links";
import { DEMO_CONTACTS, DEMO_STAFF } from "@/prisma/demo-data";
import { startFakeResend, type FakeResend } from "../support/fake-resend";
import { launchBrowser, newPage } from "./support/browser";
import { startServer, type AppServer } from "./support/server";

const KEY = { id: "e2el", secret: randomBytes(32).toString("base64url") };
const WEBHOOK_SECRET = `whsec_${randomBytes(32).toString("base64")}`;
const NEW_ADDRESS = `ny.adress.${randomUUID().slice(0, 8)}@nordlys.example`;
const API_ADDRESS = `api.kontakt.${randomUUID().slice(0, 8)}@havsorn.example`;
const API_NAME = "Vendela Örnsköld";
const API_PHONE = "+46709876543";

let server: AppServer;
let browser: Browser;
let resend: FakeResend;
/** Every link token the journeys used: none may reach the logs either. */
const tokens: string[] = [];

// Starting the app and a browser, and walking dozens of pages, can take minutes on a loaded shared machine.
vi.setConfig({ testTimeout: 300_000 });
beforeAll(async () => {
  resend = await startFakeResend();
  [server, browser] = await Promise.all([
    startServer({
      env: {
        LINK_SIGNING_KEYS: `${KEY.id}:${KEY.secret}`,
        LOG_LEVEL: "debug",
        MAIL_TRANSPORT: "resend",
        RESEND_API_KEY: "re_e2e_logs",
        RESEND_BASE_URL: resend.url,
        RESEND_WEBHOOK_SECRET: WEBHOOK_SECRET,
        RESEND_RATE_LIMIT: "0",
      },
    }),
    launchBrowser(),
  ]);
}, 420_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await resend?.close();
});

const keys = () => ({ publicUrl: server.url, linkKeys: [KEY] });
const track = (url: string) => {
  tokens.push(decodeURIComponent(url.split("/").pop()!.split("?")[0]!));
  return url;
};

/** The newest mail the fake Resend accepted for an address, and the first link in it matching `pattern`. */
async function mailedLink(to: string, pattern: RegExp, after: number): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const mail = resend.accepted
      .slice(after)
      .reverse()
      .find((m) => JSON.stringify(m.payload.to).includes(to));
    const text = mail ? `${String(mail.payload.text ?? "")} ${String(mail.payload.html ?? "")}` : "";
    const link = text.replaceAll("&amp;", "&").match(pattern)?.[0];
    if (link) return link;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`No mail with a link to ${to}`);
}

async function signInAsAdmin(): Promise<Page> {
  const { page } = await newPage(browser);
  const address = DEMO_STAFF.find((s) => s.role === "ADMIN")!.email;
  const after = resend.accepted.length;
  await page.goto(`${server.url}/staff/sign-in`);
  // The form may wait for its CSRF token from client code.
  await page
    .locator("form[data-ready=true]")
    .waitFor({ timeout: 10_000 })
    .catch(() => {});
  await page.locator("#staff-email").fill(address);
  await page.locator("main form button[type=submit]").click();
  await page.waitForURL((u) => u.pathname === "/staff/sign-in/check-mail");
  // The mailed link opens the confirmation page; its button (a POST) signs in (scanner-safe sign-in).
  const link = await mailedLink(address, /https?:\/\/[^\s"<)]+\/staff\/sign-in\/confirm\?[^\s"<)]+/, after);
  tokens.push(new URL(link).searchParams.get("token")!);
  await page.goto(link);
  if (new URL(page.url()).pathname !== "/staff") await page.locator("main form button[type=submit]").click();
  await page.waitForURL((u) => u.pathname === "/staff");
  return page;
}

describe("the main journeys", () => {
  it("a recipient: send me a link, a preference change, one-click unsubscribe, /me, export, correction, email change, erasure", async () => {
    const { page, context } = await newPage(browser);
    // Send me a link.
    await page.goto(`${server.url}/preferences`);
    await page.locator("input[type=email]").fill(DEMO_CONTACTS[0]!.email);
    await page.locator("main form button[type=submit]").click();
    await page.locator(".send-link__status[data-status=accepted]").waitFor();
    const sentLink = await mailedLink(DEMO_CONTACTS[0]!.email, /https?:\/\/[^\s"<)]+\/p\/[^\s"<)?]+/, 0);
    track(sentLink);

    // A preference change on the mailed page.
    await page.goto(sentLink);
    await page.locator("main button[data-topic]").first().click();
    await page.waitForLoadState("networkidle");

    // One-click unsubscribe, as a mail provider sends it.
    const oneClick = track(unsubscribeUrl(keys(), { id: "demo_contact_02", tokenVersion: 1 }, "all"));
    const res = await fetch(oneClick, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(res.status).toBe(200);

    // Step-up → /me → export → correction → email change.
    await page.goto(track(stepUpUrl(keys(), { id: "demo_contact_04", tokenVersion: 1 })));
    await page.locator("main form button[type=submit]").first().click();
    await page.waitForURL((u) => u.pathname === "/me");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.locator("main form button[type=submit]").filter({ hasText: /JSON/ }).click(),
    ]);
    expect(JSON.parse(readFileSync((await download.path())!, "utf8")).contact.email).toBe(DEMO_CONTACTS[3]!.email);
    await page.goto(`${server.url}/me/correct`);
    await page.locator("#phone").fill("070-111 22 33");
    await page.locator("#name").fill("Ahmed H. Hassan");
    await page.locator("form:has(#phone) button[type=submit]").click();
    // demo_contact_04 reads English.
    await expect.poll(() => page.getByRole("status").first().innerText()).toBe("Your changes have been saved.");
    const before = resend.accepted.length;
    await page.locator("#email").fill(NEW_ADDRESS);
    await page.locator("form:has(#email) button[type=submit]").click();
    const confirm = track(await mailedLink(NEW_ADDRESS, /https?:\/\/[^\s"<)]+\/e\/[^\s"<)?]+/, before));
    await page.goto(confirm);
    await page.locator("main form button[type=submit]").first().click();
    await page.waitForLoadState("networkidle");

    // Erasure of another person.
    await page.goto(track(stepUpUrl(keys(), { id: "demo_contact_08", tokenVersion: 1 })));
    await page.locator("main form button[type=submit]").first().click();
    await page.waitForURL((u) => u.pathname === "/me");
    await page.goto(`${server.url}/me/erase`);
    await page.locator("#confirm").check();
    await page.locator("form:has(#confirm) button[type=submit]").click();
    await page.waitForURL((u) => u.pathname === "/me/erased");
    await context.close();
  });

  it("staff: contact view and edit, an API key, API calls with it, and a signed webhook", async () => {
    const page = await signInAsAdmin();
    await page.goto(`${server.url}/staff/contacts/demo_contact_07`);
    await page.goto(`${server.url}/staff/contacts/demo_contact_07/edit`);
    await page.locator("#f-phone").fill("070-222 33 44");
    await page.getByRole("button", { name: "Spara" }).click();
    await page.waitForURL((u) => u.pathname === "/staff/contacts/demo_contact_07");

    await page.goto(`${server.url}/staff/api-keys?lang=en`);
    await page.locator("#key-name").fill("Log test");
    await page.locator("#key-scope").selectOption("WRITE");
    await page.getByRole("button", { name: "Create key" }).click();
    await page.getByTestId("new-key").waitFor();
    const key = await page.getByTestId("new-key").inputValue();
    tokens.push(key);
    const api = (path: string, init: RequestInit = {}) =>
      fetch(`${server.url}/api/v1${path}`, {
        ...init,
        headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json", ...init.headers },
      });
    expect((await api("/contacts/demo_contact_01")).status).toBe(200);
    const created = await api("/contacts", {
      method: "PUT",
      body: JSON.stringify({
        email: API_ADDRESS,
        name: API_NAME,
        phone: API_PHONE,
        category: "PROSPECT",
        source: { type: "IMPORTED", detail: "CRM" },
      }),
    });
    expect(created.status).toBe(201);
    expect((await api("/contacts", { method: "PUT", body: "{ not json" })).status).toBe(400);
    expect(
      (await api("/contacts", { method: "PUT", body: JSON.stringify({ email: "not-an-address", name: API_NAME }) }))
        .status,
    ).toBe(422);
    expect(
      (await api("/suppressions/check", { method: "POST", body: JSON.stringify({ email: DEMO_CONTACTS[4]!.email }) }))
        .status,
    ).toBe(200);
    expect((await api("/changes?since=2000-01-01T00:00:00Z")).status).toBeLessThan(500);
    expect((await fetch(`${server.url}/api/v1/contacts/demo_contact_01`)).status).toBe(401);

    // A bounce for a mail the server really sent (through the fake Resend), signed as Resend signs it.
    const sent = resend.accepted.find((m) => JSON.stringify(m.payload.to).includes(DEMO_CONTACTS[0]!.email))!;
    const body = JSON.stringify({
      type: "email.bounced",
      created_at: new Date().toISOString(),
      data: {
        created_at: new Date().toISOString(),
        email_id: sent.id,
        from: "Tillit <noreply@tillit.example>",
        to: [DEMO_CONTACTS[0]!.email],
        subject: "Din länk",
        bounce: { type: "Permanent", subType: "General", message: `550 ${DEMO_CONTACTS[0]!.email} does not exist` },
      },
    });
    const id = `msg_${randomUUID()}`;
    const at = new Date();
    const signed = {
      "svix-id": id,
      "svix-timestamp": String(Math.floor(at.getTime() / 1000)),
      "svix-signature": new Webhook(WEBHOOK_SECRET).sign(id, at, body),
    };
    const hook = await fetch(`${server.url}/api/webhooks/resend`, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...signed },
      body,
    });
    expect(hook.status).toBe(200);
    const forged = await fetch(`${server.url}/api/webhooks/resend`, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...signed, "svix-signature": "v1,Zm9yZ2Vk" },
      body,
    });
    expect(forged.status).toBe(401);
    await page.context().close();
  });
});

describe("the logs", () => {
  type Line = Record<string, unknown> & { level?: unknown; msg?: unknown; reqId?: unknown; route?: unknown };

  const lines = () =>
    server
      .output()
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as Line);

  it("are JSON lines with a level and a request id, and every journey left some", () => {
    const all = lines();
    expect(all.length).toBeGreaterThan(20);
    for (const line of all) {
      expect(typeof line.level, JSON.stringify(line)).toBe("string");
      expect(typeof line.msg, JSON.stringify(line)).toBe("string");
    }
    const routes = new Set(all.filter((l) => typeof l.reqId === "string").map((l) => String(l.route)));
    for (const route of [
      "/preferences",
      "/p/:token",
      "/u/:token",
      "/s/:token",
      "/e/:token",
      "/me",
      "/me/export",
      "/me/correct",
      "/me/erase",
      "/staff/contacts/demo_contact_07/edit",
      "/api/v1/contacts",
      "/api/v1/contacts/demo_contact_01",
      "/api/webhooks/resend",
      "/api/auth/callback/email",
    ])
      expect([...routes], route).toContain(route);
    // Debug lines from the use-cases themselves, not only request lines.
    expect(all.filter((l) => l.level === "debug").length).toBeGreaterThan(5);
    // Request ids are unique per request and shared by the lines of one request.
    const ids = all.map((l) => l.reqId).filter((id): id is string => typeof id === "string");
    expect(new Set(ids).size).toBeGreaterThan(10);
  });

  it("hold no address, name, phone number or token of anyone", () => {
    const output = server.output();
    const people = [
      ...DEMO_CONTACTS.flatMap((c) => [c.email, c.name, ...(c.phone ? [c.phone, c.phone.slice(3)] : [])]),
      ...DEMO_STAFF.flatMap((s) => [s.email, s.name]),
      NEW_ADDRESS,
      API_ADDRESS,
      API_NAME,
      API_PHONE,
      "Ahmed H. Hassan",
      "+46701112233",
      "+46702223344",
    ];
    const found = people.filter((p) => output.toLowerCase().includes(p.toLowerCase()));
    expect(found).toEqual([]);
    expect(tokens.length).toBeGreaterThan(5);
    expect(tokens.filter((t) => output.includes(t))).toEqual([]);
  });
});
