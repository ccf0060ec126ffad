// Link scanners (Safe Links, Mimecast, Proofpoint …) open every link in a mail, some in a full browser with
// JavaScript. Here the real mails the app sent to a contact (a step-up link, a fresh footer link) and the URLs of a
// mailing (footer link, List-Unsubscribe for a topic and for all) are each fetched with GET and HEAD and then opened
// in Chromium with JavaScript on; afterwards the contact's subscriptions are the same, no mail went out, and the
// single-use step-up link still works.
import { randomBytes } from "node:crypto";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { preferencesUrl, unsubscribeUrl } from "@/lib/recipients/build-links";
import { signLinkToken } from "@/lib/tokens/link-token";
import { launchBrowser, newPage } from "./support/browser";
import { startServer, type AppServer } from "./support/server";

const KEYS = [{ id: "e2e1", secret: randomBytes(32).toString("base64url") }];
const CONTACT = { id: "demo_contact_06", tokenVersion: 1 };
let server: AppServer;
let browser: Browser;
const EMAIL = "bjorn.nilsson@nordlys.example";

type Mail = { subject: string; html: string; text: string; headers: Record<string, string> };

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startServer({ env: { LINK_SIGNING_KEYS: KEYS.map((k) => `${k.id}:${k.secret}`).join(",") } }),
    launchBrowser(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const links = () => ({ publicUrl: server.url, linkKeys: KEYS });

async function mails(): Promise<Mail[]> {
  return server.mails(EMAIL);
}

/** Everything the person's own page says about their mailings: every topic's state and the all-marketing button. */
async function snapshot(): Promise<string> {
  const res = await fetch(`${preferencesUrl(links(), CONTACT)}?lang=en`);
  expect(res.status).toBe(200);
  const html = await res.text();
  const states = [...html.matchAll(/id="topic-([^"]+)-state"[^>]*>(.*?)<\/p>/gs)].map(
    ([, id, body]) => `${id}:${body!.includes("You do not get this") ? "off" : "on"}`,
  );
  const all = html.match(/data-intent="all"[^>]*>([^<]*)</)?.[1] ?? "";
  expect(states.length).toBeGreaterThan(0);
  return JSON.stringify({ states, all });
}

function urlsIn(mail: Mail): string[] {
  const text = [mail.html, mail.text, ...Object.values(mail.headers ?? {})].join("\n").replaceAll("&amp;", "&");
  return [...new Set(text.match(/https?:\/\/[^\s"'<>]+/g) ?? [])];
}

describe("link scanner", () => {
  it("changes nothing and spends no single-use link when every URL of the contact's mails is opened", async () => {
    const { page, context } = await newPage(browser, { locale: "sv-SE" });

    // 1. Real mails through the app: a fresh footer link (from a revoked link's page) and a step-up link.
    const revoked = signLinkToken(
      { scope: "preferences", contactId: CONTACT.id, tokenVersion: 0, issuedAt: new Date() },
      KEYS,
    );
    await page.goto(`${server.url}/p/${revoked}`);
    await page.getByRole("button", { name: "Skicka mig en ny länk" }).click();
    await page.getByRole("status").filter({ hasText: "Klart." }).waitFor();
    await page.goto(preferencesUrl(links(), CONTACT));
    await page.locator('button[data-intent="step-up"]').click();
    const sent = page.getByRole("status").filter({ hasText: "Vi har skickat en säker länk" });
    await sent.waitFor();
    await context.close();

    const real = await mails();
    expect(real.length).toBe(2);
    const stepUp = urlsIn(real.find((m) => m.html.includes("/s/"))!).find((u) => u.includes("/s/"))!;
    expect(stepUp).toBeDefined();

    // 2. A marketing mailing's URLs and headers, as the mailing feature will build them.
    const mailing: Mail = {
      subject: "mailing",
      html: `<a href="${preferencesUrl(links(), CONTACT)}">prefs</a> <a href="${unsubscribeUrl(links(), CONTACT, "demo_topic_newsletter")}">unsubscribe</a>`,
      text: "",
      headers: {
        "List-Unsubscribe": `<${unsubscribeUrl(links(), CONTACT, "demo_topic_newsletter")}>`,
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "X-Other": `<${unsubscribeUrl(links(), CONTACT, "all")}>`,
      },
    };
    const urls = [...new Set([...real.flatMap(urlsIn), ...urlsIn(mailing)])].filter((u) => u.startsWith(server.url));
    expect(urls.some((u) => u.includes("/u/"))).toBe(true);
    expect(urls.some((u) => u.includes("/p/"))).toBe(true);
    expect(urls.some((u) => u.includes("/s/"))).toBe(true);

    const before = await snapshot();
    const mailCount = (await mails()).length;

    // 3. What scanners do: GET and HEAD every URL, then a full browser with JavaScript on, waiting.
    for (const url of urls) {
      for (const method of ["GET", "HEAD"]) {
        const res = await fetch(url, { method, redirect: "manual" });
        expect(res.status, `${method} ${url}`).toBeLessThan(500);
      }
    }
    for (const url of urls) {
      const scanner = await newPage(browser, { locale: "en-US", javaScriptEnabled: true });
      const res = await scanner.page.goto(url, { waitUntil: "load" });
      expect(res?.status(), url).toBeLessThan(500);
      await scanner.page.waitForTimeout(3_000);
      await scanner.context.close();
    }

    // 4. Nothing changed, no mail went out, and the single-use link still opens its page (not "already used").
    expect(await snapshot()).toBe(before);
    expect((await mails()).length).toBe(mailCount);
    const person = await newPage(browser, { locale: "sv-SE" });
    await person.page.goto(stepUp);
    expect(await person.page.locator("h1").innerText()).not.toBe("Länken är redan använd");
    expect(await person.page.locator("main form button").count()).toBe(1);
    await person.context.close();
  });
});
