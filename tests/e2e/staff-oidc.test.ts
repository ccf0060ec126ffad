// OpenID Connect sign-in against a real OpenID provider (the `oidc-provider` package) running in this test process,
// through the real next-auth flow in Chromium: the sign-in page's company-account button, the provider's own login
// and consent pages, the code exchange, the ID token. Only an address the provider says is verified
// (`email_verified: true`) and that belongs to an active staff user signs in; an unverified address, a bare
// `preferred_username`, an unknown address and an inactive staff user's address are all refused.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "./support/axe";
import { launchBrowser, newPage } from "./support/browser";
import { startServer, type AppServer } from "./support/server";
import { DEMO_STAFF } from "./support/staff";

const CLIENT = { id: "tillit-e2e", secret: randomBytes(32).toString("base64url") };
const INACTIVE = "johan.ek@elastx.example";

/** The provider's users, by the login typed on its login page. */
const ACCOUNTS: Record<string, Record<string, unknown>> = {
  verified: { email: DEMO_STAFF.ADMIN, email_verified: true, name: "Astrid Lind" },
  "verified-mixed-case": { email: "Sara.Nystrom@Elastx.example", email_verified: true },
  unverified: { email: DEMO_STAFF.ADMIN, email_verified: false },
  "no-verified-claim": { email: DEMO_STAFF.PRIVACY_OFFICER },
  "username-only": { preferred_username: DEMO_STAFF.SUPPORT },
  unknown: { email: "stranger@elastx.example", email_verified: true },
  inactive: { email: INACTIVE, email_verified: true },
};

let server: AppServer;
let browser: Browser;
let idp: Server;

/** Listens first (the app needs the issuer URL), then serves the provider once the app's callback URL is known. */
async function listen(): Promise<{ server: Server; url: string; serve: (p: Provider) => void }> {
  let handler: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  const http = createServer((req, res) => (handler ? handler(req, res) : res.writeHead(503).end()));
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const { port } = http.address() as AddressInfo;
  return { server: http, url: `http://127.0.0.1:${port}`, serve: (p) => (handler = p.callback()) };
}

beforeAll(async () => {
  const listening = await listen();
  idp = listening.server;
  [server, browser] = await Promise.all([
    startServer({
      env: { OIDC_ISSUER: listening.url, OIDC_CLIENT_ID: CLIENT.id, OIDC_CLIENT_SECRET: CLIENT.secret },
      beforeStart: async (db) => {
        await db.staffUser.update({ where: { email: INACTIVE }, data: { active: false } });
      },
    }),
    launchBrowser(),
  ]);
  const provider = new Provider(listening.url, {
    clients: [
      {
        client_id: CLIENT.id,
        client_secret: CLIENT.secret,
        redirect_uris: [`${server.url}/api/auth/callback/oidc`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    async findAccount(_ctx, id) {
      const claims = ACCOUNTS[id];
      return claims ? { accountId: id, claims: async () => ({ sub: id, ...claims }) } : undefined;
    },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "preferred_username"] },
    // Put the scope's claims into the ID token, as Entra ID and Google Workspace do; next-auth reads only the ID token.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true } },
  });
  listening.serve(provider);
  // Two servers and a browser start here; on a busy machine that takes a while.
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await new Promise((resolve) => idp?.close(resolve));
});

/** The whole journey for one provider login; returns where the browser ends up and the session cookie, if any. */
async function signInWithProvider(login: string) {
  const { page, context } = await newPage(browser);
  // The provider's development pages import a web font; nothing outside this machine is reachable.
  await context.route(/fonts\.googleapis\.com/, (route) => route.abort());
  await page.goto(`${server.url}/staff/sign-in`);
  await page.getByRole("button", { name: "Logga in med företagskonto" }).click();
  await page.waitForURL((u) => u.origin !== server.url);
  await page.locator("input[name=login]").fill(login);
  await page.locator("input[name=password]").fill("any");
  await page.locator("button[type=submit]").click();
  // The consent page on the first sign-in of each account.
  await page.waitForURL((u) => u.origin === server.url || u.pathname.includes("/interaction/"));
  if (new URL(page.url()).origin !== server.url) {
    await page.getByRole("button", { name: "Continue" }).click();
  }
  await page.waitForURL((u) => u.origin === server.url && !u.pathname.startsWith("/api/auth"));
  const cookie = (await context.cookies()).find((c) => c.name === "next-auth.session-token");
  return { page, context, path: new URL(page.url()).pathname, cookie };
}

describe("OpenID Connect sign-in", () => {
  it("a verified address of an active staff user signs in, whatever the case of the address", async () => {
    const { page, context, path, cookie } = await signInWithProvider("verified");
    expect(path).toBe("/staff");
    expect(cookie).toBeDefined();
    expect(await page.getByTestId("staff-identity").innerText()).toContain(DEMO_STAFF.ADMIN);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();

    const sara = await signInWithProvider("verified-mixed-case");
    expect(sara.path).toBe("/staff");
    expect(await sara.page.getByTestId("staff-identity").innerText()).toContain(DEMO_STAFF.MARKETING);
    await sara.context.close();
  });

  for (const [login, why] of [
    ["unverified", "an address the provider marks unverified"],
    ["no-verified-claim", "an address without email_verified"],
    ["username-only", "a preferred_username without an email"],
    ["unknown", "a verified address that is no staff user's"],
    ["inactive", "a verified address of an inactive staff user"],
  ] as const) {
    it(`refuses ${why}`, async () => {
      const { page, context, path, cookie } = await signInWithProvider(login);
      expect(path).toBe("/staff/sign-in/error");
      expect(cookie).toBeUndefined();
      expect(await page.locator("h1").innerText()).toBe("Inloggningen misslyckades");
      await page.goto(`${server.url}/staff`);
      await page.waitForURL((u) => u.pathname === "/staff/sign-in");
      await context.close();
    });
  }
});
