// Signs a demo staff member in the way a person does: the sign-in form, then the magic link from the mail the app
// sent (read from the fake Resend API).
import type { Browser, BrowserContext, Page } from "playwright-core";
import { newPage } from "./browser";
import type { SentMail } from "./mailbox";
import type { AppServer } from "./server";

export const DEMO_STAFF = {
  ADMIN: "astrid.lind@elastx.example",
  PRIVACY_OFFICER: "per.dahl@elastx.example",
  ACCOUNT_MANAGER: "karin.berg@elastx.example",
  MARKETING: "sara.nystrom@elastx.example",
  SUPPORT: "oskar.holm@elastx.example",
} as const;

export type DemoRole = keyof typeof DEMO_STAFF;

function newestMail(server: AppServer, address: string): SentMail | undefined {
  return server.mails(address)[0];
}

/** The sign-in link in a staff sign-in mail (the one URL that carries a token). */
export function signInLink(mail: Pick<SentMail, "text">): string | undefined {
  return mail.text.replaceAll("&amp;", "&").match(/https?:\/\/[^\s"'<>]+[?&]token=[^\s"'<>)\]]+/)?.[0];
}

/** The sign-in form's submit button (the email form, not the company-account one). */
export const EMAIL_FORM_SUBMIT = 'form[action="/api/auth/signin/email"] button[type=submit]';

/** The button on the page a sign-in link opens, in either language. */
export const CONFIRM_BUTTON = { name: /^(Logga in|Sign in)$/ } as const;

export async function signInAs(
  browser: Browser,
  server: AppServer,
  address: string,
  opts: { locale?: string; viewport?: { width: number; height: number } } = {},
): Promise<{ page: Page; context: BrowserContext }> {
  const { page, context } = await newPage(browser, opts);
  const before = newestMail(server, address)?.id;
  await page.goto(`${server.url}/staff/sign-in`);
  await page.locator("#staff-email").fill(address);
  await page.locator(EMAIL_FORM_SUBMIT).click();
  await page.waitForURL((u) => u.pathname === "/staff/sign-in/check-mail");
  let mail: SentMail | undefined;
  for (let i = 0; i < 50 && (!mail || mail.id === before); i++) {
    mail = newestMail(server, address);
    if (!mail || mail.id === before) await new Promise((r) => setTimeout(r, 100));
  }
  const link = mail && signInLink(mail);
  if (!link || mail?.id === before) throw new Error(`No sign-in link arrived for ${address}`);
  // The link opens a page; only its button (a POST) spends the link, so scanners that open links cannot.
  await page.goto(link);
  await page.getByRole("button", CONFIRM_BUTTON).click();
  await page.waitForURL((u) => u.pathname === "/staff");
  return { page, context };
}
