// Client JavaScript of the recipient pages: loads each page of a production build in Chromium (fresh context, no
// cache) and sums the bytes of every script response (decoded, i.e. uncompressed). Starts `next start` on a free port
// with an embedded database in a temporary DATA_DIR (migrated and seeded with the demo data), signs the pages' links
// with its own key, and reaches /me through the step-up page's button, as a person would.
//
//   npx tsx --import ./lib/node/server-only-hook.mjs bench/client-js.ts [--app <dir with a .next build>]
//
// --app defaults to this checkout; pointing it at another checkout (with its own node_modules and .next) measures
// that build with the same method, e.g. before and after a change.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium, type Page } from "playwright-core";
import { emailChangeUrl, preferencesUrl, stepUpUrl, unsubscribeUrl } from "@/lib/recipients/build-links";
import { freePort, waitUntilHealthy } from "./support/next-server";

const { values: args } = parseArgs({
  options: { app: { type: "string", default: path.resolve(import.meta.dirname, "..") } },
});
const APP = path.resolve(args.app);
if (!existsSync(path.join(APP, ".next", "BUILD_ID"))) throw new Error(`${APP} has no .next build: run next build`);

/** Loads the page and returns the script bytes it fetched (and the script count). */
async function scriptBytes(page: Page, url: string) {
  const sizes = new Map<string, number>();
  const pending: Promise<void>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() !== "script") return;
    pending.push(
      response
        .body()
        .then((b) => void sizes.set(response.url(), b.length))
        .catch(() => undefined),
    );
  });
  await page.goto(url, { waitUntil: "networkidle" });
  await Promise.all(pending);
  return {
    bytes: [...sizes.values()].reduce((a, b) => a + b, 0),
    scripts: sizes.size,
    at: new URL(page.url()).pathname,
  };
}

const port = await freePort();
const url = `http://127.0.0.1:${port}`;
const dataDir = mkdtempSync(path.join(os.tmpdir(), "tillit-clientjs-"));
const key = { id: "cjs1", secret: randomBytes(32).toString("base64url") };
const env: NodeJS.ProcessEnv = {
  ...Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !["DATABASE_URL", "TEST_DATABASE_URL", "NEXT_PHASE"].includes(k)),
  ),
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  DATA_DIR: dataDir,
  PUBLIC_URL: url,
  MAIL_TRANSPORT: "outbox",
  AUTH_SECRET: randomBytes(32).toString("base64url"),
  SUPPRESSION_HMAC_KEY: randomBytes(32).toString("base64url"),
  LINK_SIGNING_KEYS: `${key.id}:${key.secret}`,
};
const prepared = spawnSync(
  path.join(APP, "node_modules/.bin/tsx"),
  ["--import", "./lib/node/server-only-hook.mjs", "lib/db/cli.ts", "prepare"],
  { cwd: APP, env, stdio: ["ignore", "ignore", "inherit"] },
);
if (prepared.status !== 0) throw new Error("db prepare failed");
const child = spawn(
  process.execPath,
  [path.join(APP, "node_modules/next/dist/bin/next"), "start", "--hostname", "127.0.0.1", "--port", String(port)],
  { cwd: APP, env, detached: true, stdio: "ignore" },
);
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"],
});
try {
  await waitUntilHealthy(url, child);
  const config = { publicUrl: url, linkKeys: [key] };
  const contact = { id: "demo_contact_02", tokenVersion: 1 };
  const pages: [string, string, ((page: Page) => Promise<void>)?][] = [
    ["/", `${url}/`],
    ["/preferences", `${url}/preferences`],
    ["/privacy", `${url}/privacy`],
    ["/p/[token]", preferencesUrl(config, contact)],
    ["/s/[token]", stepUpUrl(config, contact)],
    ["/e/[token]", emailChangeUrl(config, contact, "no-such-change")],
    [
      "/me",
      stepUpUrl(config, contact),
      async (page) => {
        await page.locator("main form button[type=submit]").first().click();
        await page.waitForURL((u) => u.pathname === "/me");
      },
    ],
    ["/u/[token]", unsubscribeUrl(config, contact, "all")],
  ];
  let total = 0;
  console.log(`client JS per page (${APP})`);
  for (const [name, pageUrl, then] of pages) {
    const context = await browser.newContext();
    const page = await context.newPage();
    let r;
    if (then) {
      // /me needs the session the step-up page's button opens; it is then loaded on its own in a new tab.
      await page.goto(pageUrl, { waitUntil: "networkidle" });
      await then(page);
      r = await scriptBytes(await context.newPage(), `${url}/me`);
    } else r = await scriptBytes(page, pageUrl);
    total += r.bytes;
    console.log(
      `${name.padEnd(16)} ${String(r.bytes).padStart(9)} B  ${String(r.scripts).padStart(3)} scripts  (${r.at})`,
    );
    await context.close();
  }
  console.log(`${"sum".padEnd(16)} ${String(total).padStart(9)} B`);
} finally {
  await browser.close();
  if (child.pid) process.kill(-child.pid, "SIGTERM");
  await new Promise((r) => setTimeout(r, 500));
  rmSync(dataDir, { recursive: true, force: true });
}
