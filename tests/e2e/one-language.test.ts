// One language per recipient page, in a real browser: for every recipient page (/, /preferences, /privacy, /p, /s,
// /me, and the link-problem and session-ended pages) and every way of choosing its language (?lang=, the lang cookie
// the switcher sets, the contact's stored language, the browser's Accept-Language), the whole page is in that one
// language: <html lang>, header, cookie banner, footer and body; the switcher marks it; nothing of the other language
// shows. And the mails sent from a page come in the page's language, not the stored one; a spent step-up link mails a
// new step-up link.
import { randomBytes } from "node:crypto";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spendStepUpLink } from "@/lib/contacts/spend-step-up-link";
import { messagesFor } from "@/lib/i18n/catalogue";
import type { Language } from "@/lib/i18n/languages";
import { POLICY_TEXT } from "@/lib/policy/privacy-policy-text";
import { preferencesUrl, stepUpUrl } from "@/lib/recipients/build-links";
import { makeContact } from "../factories";
import { axeViolations } from "./support/axe";
import { launchBrowser, newPage } from "./support/browser";
import { startServer, type AppServer } from "./support/server";

const KEYS = [{ id: "e2el", secret: randomBytes(32).toString("base64url") }];
const OTHER: Record<Language, Language> = { sv: "en", en: "sv" };
const LOCALE: Record<Language, string> = { sv: "sv-SE", en: "en-GB" };

let server: AppServer;
let browser: Browser;
/** Contacts made before the server starts: one per stored language for the pages, more for the mails. */
const people = {} as Record<Language | "mailSpent" | "mailMore" | "mailRequest", { id: string; email: string }>;
/** A spent step-up link's token per stored language (spent before start: the database belongs to the server). */
const spent = {} as Record<Language, string>;

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startServer({
      env: { LINK_SIGNING_KEYS: KEYS.map((k) => `${k.id}:${k.secret}`).join(",") },
      beforeStart: async (db) => {
        people.sv = await makeContact(db, { language: "sv" });
        people.en = await makeContact(db, { language: "en" });
        people.mailSpent = await makeContact(db, { language: "sv" });
        people.mailMore = await makeContact(db, { language: "sv" });
        people.mailRequest = await makeContact(db, { language: "sv" });
        for (const lang of ["sv", "en"] as const) {
          const token = stepUpUrl(links(), { id: people[lang].id, tokenVersion: 1 }).split("/s/")[1]!;
          const r = await spendStepUpLink({ db, token, keys: KEYS });
          if (!r.ok) throw new Error(`could not spend the step-up link: ${r.problem}`);
          spent[lang] = token;
        }
      },
    }),
    launchBrowser(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

function links() {
  return { publicUrl: server?.url ?? "http://127.0.0.1", linkKeys: KEYS };
}

// ---------------------------------------------------------------------------------------------------------------
// What each language's page must show, from the catalogue itself.

const texts = (lang: Language) => {
  const m = messagesFor(lang);
  return {
    tagline: m.layout.tagline,
    footer: m.layout.footer,
    skipLink: m.layout.skipLink,
    languageNav: m.layout.languageNav,
    bannerHeading: m.publicPages.cookies.heading,
    bannerAccept: m.publicPages.cookies.accept,
    privacyLink: m.publicPages.privacy.footerLink,
  };
};

/** The page's own heading in each language. */
type Heading = (lang: Language) => string;
const H = {
  home: (l: Language) => messagesFor(l).home.heading,
  preferences: (l: Language) => messagesFor(l).preferences.heading,
  privacy: (l: Language) => POLICY_TEXT.title[l],
  prefsPage: (l: Language) => messagesFor(l).linkPages.prefs.heading,
  stepUp: (l: Language) => messagesFor(l).myData.stepUp.heading,
  me: (l: Language) => messagesFor(l).myData.me.heading,
  sessionEnded: (l: Language) => messagesFor(l).myData.sessionEnded.heading,
  invalid: (l: Language) => messagesFor(l).linkPages.problem.invalid.heading,
  spent: (l: Language) => messagesFor(l).linkPages.problem.spent.heading,
  expired: (l: Language) => messagesFor(l).linkPages.problem.expired.heading,
} satisfies Record<string, Heading>;

async function expectOneLanguage(page: Page, lang: Language, heading: Heading, where: string, axe = true) {
  const own = texts(lang);
  const other = texts(OTHER[lang]);
  expect(await page.locator("html").getAttribute("lang"), `${where}: <html lang>`).toBe(lang);
  expect((await page.locator("main h1").first().innerText()).trim(), `${where}: body heading`).toBe(heading(lang));
  expect(await page.locator(".site-header").innerText(), `${where}: header`).toContain(own.tagline);
  expect(await page.locator(".site-footer").innerText(), `${where}: footer`).toContain(own.footer);
  expect(await page.locator(".site-footer").innerText(), `${where}: footer link`).toContain(own.privacyLink);
  const banner = await page.locator("#cookie-banner").innerText();
  expect(banner, `${where}: banner`).toContain(own.bannerHeading);
  expect(banner, `${where}: banner button`).toContain(own.bannerAccept);
  // The switcher: named in the page's language, and the page's language is the one marked current.
  const nav = page.getByRole("navigation", { name: own.languageNav });
  const current = nav.locator('a[aria-current="page"]');
  expect(await current.count(), `${where}: one current language`).toBe(1);
  expect(await current.getAttribute("hreflang"), `${where}: switcher`).toBe(lang);
  // Nothing of the other language anywhere in the page (its language names aside: the switcher shows both).
  const body = await page.locator("body").innerText();
  for (const [key, text] of Object.entries(other)) {
    if (text === own[key as keyof typeof own]) continue;
    expect(body, `${where}: other language's ${key}`).not.toContain(text);
  }
  expect(body, `${where}: other language's heading`).not.toContain(heading(OTHER[lang]));
  if (axe) expect(await axeViolations(page), `${where}: axe`).toEqual([]);
}

// ---------------------------------------------------------------------------------------------------------------
// The pages and the ways of choosing.

type Way = "query" | "cookie" | "stored" | "accept";

/**
 * A page: its URL for a contact with the given stored language (or none), and how to get there (a session first).
 * `contact` pages have a stored language; the others decide by the browser when nothing else was chosen.
 */
type PageCase = {
  name: string;
  heading: Heading;
  contact: boolean;
  open: (page: Page, stored: Language, query: string) => Promise<void>;
};

async function openSession(page: Page, stored: Language) {
  // A fresh step-up link, pressed without any ?lang= (the language must come from the way under test only).
  await page.goto(stepUpUrl(links(), { id: people[stored].id, tokenVersion: 1 }));
  await page.locator("main form button[type=submit]").click();
  await page.waitForURL((u) => u.pathname === "/me");
}

const PAGES: PageCase[] = [
  { name: "/", heading: H.home, contact: false, open: (p, _s, q) => go(p, `/${q}`) },
  { name: "/preferences", heading: H.preferences, contact: false, open: (p, _s, q) => go(p, `/preferences${q}`) },
  { name: "/privacy", heading: H.privacy, contact: false, open: (p, _s, q) => go(p, `/privacy${q}`) },
  { name: "/p/<broken>", heading: H.invalid, contact: false, open: (p, _s, q) => go(p, `/p/not.a.link${q}`) },
  { name: "/me without session", heading: H.sessionEnded, contact: false, open: (p, _s, q) => go(p, `/me${q}`) },
  {
    name: "/p/<token>",
    heading: H.prefsPage,
    contact: true,
    open: (p, s, q) => go(p, preferencesUrl(links(), { id: people[s].id, tokenVersion: 1 }) + q),
  },
  {
    name: "/p/<expired>",
    heading: H.expired,
    contact: true,
    open: (p, s, q) =>
      go(
        p,
        preferencesUrl(links(), { id: people[s].id, tokenVersion: 1 }, new Date(Date.now() - 500 * 86_400_000)) + q,
      ),
  },
  {
    name: "/s/<token>",
    heading: H.stepUp,
    contact: true,
    open: (p, s, q) => go(p, stepUpUrl(links(), { id: people[s].id, tokenVersion: 1 }) + q),
  },
  { name: "/s/<spent>", heading: H.spent, contact: true, open: (p, s, q) => go(p, `/s/${spent[s]}${q}`) },
  {
    name: "/me",
    heading: H.me,
    contact: true,
    open: async (p, s, q) => {
      await openSession(p, s);
      await go(p, `/me${q}`);
    },
  },
];

async function go(page: Page, pathOrUrl: string) {
  const res = await page.goto(pathOrUrl.startsWith("http") ? pathOrUrl : `${server.url}${pathOrUrl}`);
  expect(res?.status(), pathOrUrl).toBeLessThan(500);
}

/**
 * Sets up a fresh browser so that exactly the way under test points at `lang`, and every lower-ranked way that
 * applies points at the other language (so a page that skipped a step would show the wrong one).
 */
async function visit(pageCase: PageCase, way: Way, lang: Language): Promise<{ page: Page; context: BrowserContext }> {
  const other = OTHER[lang];
  const locale = way === "accept" ? LOCALE[lang] : LOCALE[other];
  const stored = way === "stored" ? lang : other;
  const { page, context } = await newPage(browser, { locale });
  if (way === "cookie") {
    await context.addCookies([{ name: "lang", value: lang, url: server.url }]);
  }
  if (way === "query" && pageCase.contact) {
    // The cookie ranks below the query: point it at the other language too.
    await context.addCookies([{ name: "lang", value: other, url: server.url }]);
  }
  await pageCase.open(page, stored, way === "query" ? `?lang=${lang}` : "");
  return { page, context };
}

const WAYS: Way[] = ["query", "cookie", "stored", "accept"];

describe.each(PAGES)("$name is in one language", (pageCase) => {
  const ways = WAYS.filter((w) => (pageCase.contact ? w !== "accept" : w !== "stored"));
  it.each(ways.flatMap((way) => (["sv", "en"] as const).map((lang) => ({ way, lang }))))(
    "chosen by $way: $lang",
    async ({ way, lang }) => {
      const { page, context } = await visit(pageCase, way, lang);
      try {
        // axe once per page and language (the markup does not depend on how the language was chosen).
        const axe = way === "query";
        await expectOneLanguage(page, lang, pageCase.heading, `${pageCase.name} by ${way} (${lang})`, axe);
      } finally {
        await context.close();
      }
    },
  );
});

describe("pages tied to a contact, in a browser of the other language", () => {
  it.each(["sv", "en"] as const)("follow the stored language %s over Accept-Language", async (lang) => {
    const { page, context } = await newPage(browser, { locale: LOCALE[OTHER[lang]] });
    try {
      await go(page, preferencesUrl(links(), { id: people[lang].id, tokenVersion: 1 }));
      await expectOneLanguage(page, lang, H.prefsPage, `/p stored ${lang}, browser ${OTHER[lang]}`);
    } finally {
      await context.close();
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Mails sent from a page: in the page's language, not the stored one.

async function newestMail(email: string, count: number) {
  await expect.poll(() => server.mails(email).length, { timeout: 15_000 }).toBeGreaterThanOrEqual(count);
  return server.mails(email)[0]!;
}

describe("mails from a page", () => {
  it("a spent step-up link mails a new step-up link, in the page's language", async () => {
    const { page, context } = await newPage(browser, { locale: "sv-SE" });
    try {
      const person = people.mailSpent;
      const url = stepUpUrl(links(), { id: person.id, tokenVersion: 1 });
      await go(page, `${url}?lang=en`);
      await page.getByRole("button", { name: messagesFor("en").myData.stepUp.button }).click();
      await page.waitForURL((u) => u.pathname === "/me");
      await go(page, `${url}?lang=en`);
      await expectOneLanguage(page, "en", H.spent, "spent step-up link");
      await page.getByRole("button", { name: messagesFor("en").linkPages.problem.freshButton }).click();
      await expect
        .poll(() => page.locator("main [role=status]").innerText())
        .toBe(messagesFor("en").linkPages.problem.freshSent);
      const mail = await newestMail(person.email, 1);
      expect(mail.subject).toBe(messagesFor("en").emails.secureLink.subject);
      const fresh = new RegExp(`${server.url}/(s|p)/[A-Za-z0-9_.-]+`).exec(mail.text)?.[0] ?? "";
      expect(fresh).toMatch(new RegExp(`^${server.url}/s/`));
      // The new link works: its page offers to continue, in the stored language (no choice in this fresh browser).
      const { page: other, context: otherContext } = await newPage(browser, { locale: "en-GB" });
      try {
        await go(other, fresh);
        await expectOneLanguage(other, "sv", H.stepUp, "new step-up link");
      } finally {
        await otherContext.close();
      }
    } finally {
      await context.close();
    }
  });

  it("the preference page's secure-link button mails in the page's language", async () => {
    const { page, context } = await newPage(browser, { locale: "sv-SE" });
    try {
      const person = people.mailMore;
      await go(page, `${preferencesUrl(links(), { id: person.id, tokenVersion: 1 })}?lang=en`);
      await page.getByRole("button", { name: messagesFor("en").linkPages.prefs.moreButton }).click();
      const mail = await newestMail(person.email, 1);
      expect(mail.subject).toBe(messagesFor("en").emails.secureLink.subject);
      expect(mail.text).toContain(`${server.url}/s/`);
    } finally {
      await context.close();
    }
  });

  it("'send me a link' mails in the page's language (here the browser's), not the stored one", async () => {
    const { page, context } = await newPage(browser, { locale: "en-GB" });
    try {
      const person = people.mailRequest;
      await go(page, "/preferences");
      await expectOneLanguage(page, "en", H.preferences, "/preferences by the browser");
      await page.getByLabel(messagesFor("en").publicPages.sendLink.emailLabel).fill(person.email);
      await page.getByRole("button", { name: messagesFor("en").publicPages.sendLink.submit }).click();
      const mail = await newestMail(person.email, 1);
      expect(mail.subject).toBe(messagesFor("en").emails.linkRequest.subject);
    } finally {
      await context.close();
    }
  });
});
