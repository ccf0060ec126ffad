// Drives pages that write to the database in Chromium against a dev server, the way a person does, and counts how often
// the page's main frame navigates compared with how often the person made it navigate. A dev server that reloads pages
// by itself (Turbopack recompiling after every request, the HMR client reloading the page) shows up as extra
// navigations, most clearly while the person just looks at a page.
import type { Browser, Page } from "playwright-core";

export type Navigation = { at: number; url: string };

export type DriveResult = {
  /** Navigations the person caused: each page.goto and each click that leads to another page. */
  userNavigations: number;
  /**
   * Documents the main frame requested (navigation requests; a redirect's hops count once). Equals userNavigations
   * unless something else (the HMR client's full reload) navigated the page.
   */
  documentLoads: number;
  /** Documents the main frame requested while nobody touched the page (after each step, for `idleMs`). */
  idleDocumentLoads: number;
  /**
   * `framenavigated` events of the main frame. In development Next.js also replaces the history entry once a page has
   * hydrated (and after a server action), which Playwright reports as a navigation within the document: about two per
   * page the person opens; a reload loop adds two per reload.
   */
  frameNavigations: number;
  /** Every main-frame `framenavigated` and document request ("doc"), relative to the start, with its path. */
  log: Navigation[];
  /** What was done, in order (for failure messages). */
  steps: string[];
  /** Rounds of the staff sign-in and preference page journeys completed. */
  rounds: number;
};

type Mail = { id: string; to: string[]; subject: string; text: string };

const STAFF = [
  "astrid.lind@elastx.example",
  "per.dahl@elastx.example",
  "karin.berg@elastx.example",
  "johan.ek@elastx.example",
  "sara.nystrom@elastx.example",
  "oskar.holm@elastx.example",
];
const CONTACTS = [
  "sofia.karlsson@nordlys.example",
  "ahmed.hassan@nordlys.example",
  "lena.svensson@nordlys.example",
  "mikael.johansson@nordlys.example",
  "eva.lindqvist@nordlys.example",
  "maria.andersson@kvarnby.example",
];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function mailsTo(baseUrl: string, address: string): Promise<Mail[]> {
  const res = await fetch(`${baseUrl}/api/dev/mail?to=${encodeURIComponent(address)}`, {
    signal: AbortSignal.timeout(60_000),
  });
  if (!res.ok) throw new Error(`/api/dev/mail answered ${res.status}`);
  return (await res.json()) as Mail[];
}

/** The newest mail to `address` that was not there before, and the first link in it matching `pattern`. */
async function waitForLink(baseUrl: string, address: string, seen: Set<string>, pattern: RegExp): Promise<string> {
  for (let i = 0; i < 120; i++) {
    const fresh = (await mailsTo(baseUrl, address)).find((m) => !seen.has(m.id));
    if (fresh) {
      seen.add(fresh.id);
      const link = fresh.text.replaceAll("&amp;", "&").match(pattern)?.[0];
      if (!link) throw new Error(`No link matching ${pattern} in the mail "${fresh.subject}" to ${address}`);
      return link;
    }
    await sleep(250);
  }
  throw new Error(`No mail arrived for ${address}`);
}

const STAFF_LINK = /https?:\/\/[^\s"'<>]+[?&]token=[^\s"'<>)\]]+/;
const PREFERENCES_LINK = /https?:\/\/[^\s"'<>]+\/p\/[^\s"'<>)\]]+/;

/**
 * Repeats two journeys that write until `durationMs` has passed (a round in progress is finished): staff sign-in by
 * magic link (rate-limit row, verification token, outbox mail, session) and "send me a link" + a change on the
 * preference page (rate-limit row, outbox mail, subscription and audit rows). Waits `idleMs` after each step.
 * `linkOrigin`: where the links in mail must point (the server's own origin); a link elsewhere fails the round.
 */
export async function driveWritingPages(
  browser: Browser,
  baseUrl: string,
  opts: {
    durationMs: number;
    idleMs?: number;
    linkOrigin?: string;
    stepTimeoutMs?: number;
    /** Collects the dev server's HMR messages to the page (their first 300 characters), for diagnosis. */
    hmrMessages?: string[];
  },
): Promise<DriveResult> {
  const idleMs = opts.idleMs ?? 3_000;
  const stepTimeout = opts.stepTimeoutMs ?? 120_000;
  const context = await browser.newContext({ locale: "sv-SE", viewport: { width: 1280, height: 800 } });
  const page: Page = await context.newPage();
  page.setDefaultTimeout(stepTimeout);
  page.setDefaultNavigationTimeout(stepTimeout);
  const started = Date.now();
  const log: Navigation[] = [];
  const steps: string[] = [];
  let frameNavigations = 0;
  let documentLoads = 0;
  let idleDocumentLoads = 0;
  let idle = false;
  const where = (url: string) => new URL(url).pathname.replace(/^\/p\/.+/, "/p/…");
  page.on("framenavigated", (frame) => {
    if (frame !== page.mainFrame()) return;
    frameNavigations++;
    log.push({ at: Date.now() - started, url: where(frame.url()) });
  });
  page.on("request", (request) => {
    if (!request.isNavigationRequest() || request.frame() !== page.mainFrame() || request.redirectedFrom()) return;
    documentLoads++;
    if (idle) idleDocumentLoads++;
    log.push({ at: Date.now() - started, url: `doc ${request.method()} ${where(request.url())}` });
  });
  if (opts.hmrMessages) {
    const messages = opts.hmrMessages;
    page.on("websocket", (ws) =>
      ws.on("framereceived", (f) => {
        const text = typeof f.payload === "string" ? f.payload : f.payload.toString();
        messages.push(`${Date.now() - started} ${text.slice(0, 300)}`);
      }),
    );
  }
  let userNavigations = 0;
  const seen = new Set<string>();
  const step = async (name: string, navigates: boolean, action: () => Promise<unknown>) => {
    steps.push(`${Math.round((Date.now() - started) / 1000)}s ${name}`);
    if (navigates) userNavigations++;
    await action();
    idle = true;
    await sleep(idleMs);
    idle = false;
  };
  const checkOrigin = (link: string) => {
    if (opts.linkOrigin && new URL(link).origin !== opts.linkOrigin)
      throw new Error(`The mailed link points at ${new URL(link).origin}, not at the server (${opts.linkOrigin})`);
    // Without the check, follow the link on this server whatever port it names.
    const u = new URL(link);
    return `${baseUrl}${u.pathname}${u.search}`;
  };

  // A page that keeps reloading can keep a step waiting for ever: end the drive a while after its time is up.
  const hardStop = setTimeout(() => void context.close().catch(() => {}), opts.durationMs + 2 * stepTimeout);
  let rounds = 0;
  try {
    while (Date.now() - started < opts.durationMs) {
      const staff = STAFF[rounds % STAFF.length]!;
      const contact = CONTACTS[rounds % CONTACTS.length]!;
      for (const m of await mailsTo(baseUrl, staff)) seen.add(m.id);
      for (const m of await mailsTo(baseUrl, contact)) seen.add(m.id);

      // Staff sign-in: the form POSTs to next-auth, which redirects to "check your mail".
      await step("open /staff/sign-in", true, () => page.goto(`${baseUrl}/staff/sign-in`));
      await step("ask for a sign-in link", true, async () => {
        await page.locator("#staff-email").fill(staff);
        await Promise.all([
          page.waitForURL((u) => u.pathname === "/staff/sign-in/check-mail"),
          page.locator('form[action="/api/auth/signin/email"] button[type=submit]').click(),
        ]);
      });
      const signIn = checkOrigin(await waitForLink(baseUrl, staff, seen, STAFF_LINK));
      await step("open the mailed sign-in link", true, () => page.goto(signIn));
      await step("press Sign in", true, async () => {
        await Promise.all([
          page.waitForURL((u) => u.pathname === "/staff"),
          page.getByRole("button", { name: /^(Logga in|Sign in)$/ }).click(),
        ]);
      });

      // "Send me a link", then a change on the preference page: server actions, no navigation.
      await step("open /preferences", true, () => page.goto(`${baseUrl}/preferences`));
      await step("ask for a preference link", false, async () => {
        await page.locator("#send-link-email").fill(contact);
        await Promise.all([
          page.waitForResponse((r) => r.request().method() === "POST"),
          page.locator(".send-link__form button[type=submit]").click(),
        ]);
      });
      const preferences = checkOrigin(await waitForLink(baseUrl, contact, seen, PREFERENCES_LINK));
      await step("open the mailed preference link", true, () => page.goto(preferences));
      await step("change a topic", false, async () => {
        const button = page.locator("button[data-topic]").first();
        await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), button.click()]);
      });
      rounds++;
    }
  } finally {
    clearTimeout(hardStop);
    await context.close().catch(() => {});
  }
  return { userNavigations, documentLoads, idleDocumentLoads, frameNavigations, log, steps, rounds };
}
