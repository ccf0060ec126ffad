// Issue 17: several instances, no sticky sessions. Two `next start` instances and two workers (`npm run worker`'s
// bundle) on one PostgreSQL database, behind nginx (Debian's) balancing round-robin, and a browser that only ever
// talks to nginx: a recipient's preference change, staff sign-in by mailed link, a CSV import with its progress bar
// (the progress lives in PostgreSQL, so a poll may land on either instance) and a mailing followed on its progress
// page to SENT, with one mail per recipient. nginx's access log proves both instances answered every kind of request.
// Needs PostgreSQL (TEST_DATABASE_URL, as CI sets) and nginx (CI installs it).
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { rawFromUrl, type RawSql } from "@/lib/db/raw";
import { preferencesUrl } from "@/lib/recipients/build-links";
import { generateImportCsv } from "@/tests/fixtures/import/generate-import-csv";
import { startFakeResend, type FakeResend } from "../support/fake-resend";
import { freePort } from "../support/free-port";
import { withDatabase } from "../support/pg-url";
import { axeViolations } from "./support/axe";
import { launchBrowser, newPage } from "./support/browser";
import { sentMails } from "./support/mailbox";
import type { AppServer } from "./support/server";
import { DEMO_STAFF, signInAs } from "./support/staff";

const pgUrl = process.env.TEST_DATABASE_URL;
const secret = () => randomBytes(32).toString("base64url");
const LINK_KEY = { id: "two1", secret: secret() };
const NEWSLETTER = "demo_topic_newsletter";
const SEGMENT = { id: "two_segment_customers", name: "Två instanser: kundkontakter" };
const MAILING = "two_mailing_november";

let appDir: string;
let dir: string;
let admin: RawSql;
let dbName: string;
let dbUrl: string;
let fake: FakeResend;
let browser: Browser;
let front: AppServer;
const children: { name: string; child: ChildProcess; output: () => string }[] = [];

function start(name: string, command: string, args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(command, args, { cwd: appDir, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  children.push({ name, child, output: () => output });
  return child;
}

async function waitFor(what: string, check: () => Promise<boolean>, ms = 120_000) {
  const until = Date.now() + ms;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // not up yet
    }
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}\n${logs()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const logs = () => children.map((c) => `--- ${c.name}\n${c.output().slice(-3000)}`).join("\n");

/** The upstream port of every request nginx passed on, by the request's path. */
function upstreams(): { port: string; method: string; path: string }[] {
  return readFileSync(path.join(dir, "access.log"), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const [addr, method, uri] = line.split(" ");
      return { port: (addr ?? "").split(":").at(-1) ?? "", method: method ?? "", path: uri ?? "" };
    });
}

/** nginx round-robin over the instances. Started as root (CI), its workers stay root: as "nobody" they could not
 * write request bodies (the CSV upload) into this root-owned temporary directory. */
function nginxConf(listen: number, ports: number[]): string {
  const temp = (n: string) => `${n}_temp_path ${path.join(dir, n)};`;
  return `
worker_processes 1;
${process.getuid?.() === 0 ? "user root;" : ""}
daemon off;
pid ${path.join(dir, "nginx.pid")};
error_log ${path.join(dir, "nginx-error.log")} warn;
events { worker_connections 512; }
http {
  log_format upstream '$upstream_addr $request_method $uri $status';
  access_log ${path.join(dir, "access.log")} upstream;
  ${["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map(temp).join("\n  ")}
  client_max_body_size 25m;
  upstream tillit { ${ports.map((p) => `server 127.0.0.1:${p};`).join(" ")} keepalive 8; }
  server {
    listen 127.0.0.1:${listen};
    location / {
      proxy_pass http://tillit;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto http;
      proxy_read_timeout 120s;
    }
  }
}
`;
}

describe.runIf(pgUrl)("two web instances and two workers behind nginx, no sticky sessions", () => {
  beforeAll(async () => {
    appDir = inject("e2eAppDir");
    dir = mkdtempSync(path.join(os.tmpdir(), "tillit-two-"));
    dbName = `tillit_two_${randomBytes(4).toString("hex")}`;
    admin = await rawFromUrl(pgUrl!);
    await admin.query(`CREATE DATABASE "${dbName}"`);
    dbUrl = withDatabase(pgUrl!, dbName);
    fake = await startFakeResend();
    const launching = launchBrowser();
    const [web1, web2, lb] = [await freePort(), await freePort(), await freePort()];
    const publicUrl = `http://127.0.0.1:${lb}`;
    // The same build and the same secrets everywhere, as docs/operations.md says; nothing ties a person to one instance.
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: dbUrl,
      PUBLIC_URL: publicUrl,
      WORKER_IN_PROCESS: "0",
      WEB_INSTANCES: "2",
      NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      AUTH_SECRET: secret(),
      SUPPRESSION_HMAC_KEY: secret(),
      LINK_SIGNING_KEYS: `${LINK_KEY.id}:${LINK_KEY.secret}`,
      MAIL_TRANSPORT: "resend",
      RESEND_API_KEY: "re_two_instances",
      RESEND_BASE_URL: fake.url,
      RESEND_RATE_LIMIT: "0",
      TRUSTED_PROXY_COUNT: "1",
      MAILING_LEASE_SECONDS: "10",
    };
    execFileSync(
      path.join(appDir, "node_modules/.bin/tsx"),
      ["--import", "./lib/node/server-only-hook.mjs", "lib/db/cli.ts", "prepare"],
      { cwd: appDir, env, stdio: "pipe" },
    );
    const { db, close } = await createDb({ kind: "postgres", url: dbUrl });
    try {
      await prepareData(db);
    } finally {
      await close();
    }
    execFileSync(process.execPath, ["lib/jobs/build-worker.mjs"], { cwd: appDir, stdio: "pipe" });
    const nextBin = path.join(appDir, "node_modules/next/dist/bin/next");
    for (const [i, port] of [web1, web2].entries())
      start(
        `web ${i + 1}`,
        process.execPath,
        [nextBin, "start", "--hostname", "127.0.0.1", "--port", String(port)],
        env,
      );
    for (const i of [1, 2])
      start(`worker ${i}`, process.execPath, ["--max-old-space-size=128", ".worker/run-worker.mjs"], {
        ...env,
        WORKER_CONCURRENCY: "2",
      });
    writeFileSync(path.join(dir, "nginx.conf"), nginxConf(lb, [web1, web2]));
    start("nginx", "/usr/sbin/nginx", ["-c", path.join(dir, "nginx.conf"), "-p", dir], env);
    for (const port of [web1, web2])
      await waitFor(`the instance on ${port}`, async () => (await fetch(`http://127.0.0.1:${port}/api/health`)).ok);
    await waitFor("nginx", async () => (await fetch(`${publicUrl}/api/health/live`)).ok);
    await waitFor("the workers' heartbeats", async () => (await fetch(`${publicUrl}/api/health/ready`)).ok);
    browser = await launching;
    front = {
      url: publicUrl,
      port: lb,
      dataDir: dir,
      output: logs,
      resend: fake,
      mails: (to) => sentMails(fake, to),
      // nginx stands in front; the instances are stopped in afterAll.
      stop: async () => {},
      signal: () => {},
      exited: new Promise(() => {}),
    };
  }, 420_000);

  afterAll(async () => {
    await browser?.close();
    for (const { child } of children.reverse())
      if (child.pid && child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        try {
          process.kill(-child.pid, "SIGTERM");
        } catch {
          // gone
        }
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
        try {
          process.kill(-child.pid, "SIGKILL");
        } catch {
          // gone
        }
      }
    await fake?.close();
    if (admin) {
      await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
      await admin.close();
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function prepareData(db: Db) {
    await db.segment.create({ data: { ...SEGMENT, filter: { categories: ["CUSTOMER_CONTACT"] } } });
    await db.mailing.create({
      data: {
        id: MAILING,
        name: "Novemberbrevet (två instanser)",
        topicId: NEWSLETTER,
        segmentId: SEGMENT.id,
        subjectSv: "Nyheter i november",
        subjectEn: "News in November",
        bodySv: "# Hej {{name}}\n\nNyheter.",
        bodyEn: "# Hello {{name}}\n\nNews.",
        createdById: "demo_staff_marketing",
      },
    });
  }

  const axeClean = async (page: Page) => expect(await axeViolations(page)).toEqual([]);

  it("a recipient changes a topic on the preference page; every load and post may land on either instance", async () => {
    const { page, context } = await newPage(browser, { locale: "sv-SE" });
    const link = preferencesUrl(
      { publicUrl: front.url, linkKeys: [LINK_KEY] },
      { id: "demo_contact_01", tokenVersion: 1 },
    );
    for (let round = 0; round < 2; round++) {
      await page.goto(link);
      const button = page.locator(`button[data-topic="${NEWSLETTER}"]`);
      const before = await page.locator(`#topic-${NEWSLETTER}-state`).innerText();
      await button.click();
      await expect.poll(() => page.locator(`#topic-${NEWSLETTER}-state`).innerText()).not.toBe(before);
      await page.reload();
      expect(await page.locator(`#topic-${NEWSLETTER}-state`).innerText()).not.toBe(before);
    }
    await axeClean(page);
    await context.close();
    const pages = upstreams().filter((r) => r.path.startsWith("/p/"));
    expect(new Set(pages.map((r) => r.port)).size).toBe(2);
  });

  it("staff sign in by mailed link and import a CSV file whose progress bar polls both instances", async () => {
    const { page, context } = await signInAs(browser, front, DEMO_STAFF.ACCOUNT_MANAGER, { locale: "sv-SE" });
    try {
      await page.goto(`${front.url}/staff/import`);
      const big = generateImportCsv(4_000, `two${Date.now()}`);
      await page.locator("#f-file").setInputFiles({
        name: "crm.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(big.csv, "utf8"),
      });
      await page.locator("#f-sourceDetail").fill("CRM-export");
      await page.getByRole("button", { name: "Förhandsgranska" }).click();
      await page.locator("[data-testid=import-counts]").waitFor({ timeout: 60_000 });
      await page.getByRole("button", { name: "Importera", exact: true }).click();
      const bar = page.locator("[data-testid=import-progress]");
      await bar.waitFor();
      await expect.poll(() => bar.locator("label").innerText(), { timeout: 30_000 }).toMatch(/^Importerar: /);
      await page.locator("[data-testid=import-result]").waitFor({ timeout: 120_000 });
      expect(await page.locator("#not-imported tbody tr").count()).toBe(big.bad);
      await axeClean(page);
    } catch (e) {
      console.error(logs());
      throw e;
    } finally {
      await context.close();
    }
    const log = upstreams();
    const signIn = log.filter((r) => r.path.startsWith("/staff/sign-in") || r.path.startsWith("/api/auth"));
    expect(new Set(signIn.map((r) => r.port)).size).toBe(2);
    const staff = log.filter((r) => r.path.startsWith("/staff/import"));
    expect(new Set(staff.map((r) => r.port)).size).toBe(2);
  }, 240_000);

  it("marketing sends a mailing with two workers running; its pages land on both instances; one mail each", async () => {
    const { page, context } = await signInAs(browser, front, DEMO_STAFF.MARKETING, { locale: "sv-SE" });
    try {
      await page.goto(`${front.url}/staff/mailings/${MAILING}/edit`);
      const dialog = page.getByRole("dialog", { name: "Skicka utskicket nu?" });
      await page.getByRole("button", { name: "Skicka nu …" }).click();
      await dialog.getByRole("button", { name: "Ja, skicka nu" }).click();
      await page.waitForURL((u) => u.pathname === `/staff/mailings/${MAILING}` && u.searchParams.has("status"));
      const progress = page.locator("[data-testid=mailing-progress]");
      await expect.poll(() => progress.getAttribute("data-status"), { timeout: 90_000, interval: 500 }).toBe("SENT");
      const total = Number(await page.locator("[data-count=total] dd").innerText());
      const sent = Number(await page.locator("[data-count=sent] dd").innerText());
      expect(total).toBeGreaterThan(0);
      const mails = sentMails(fake).filter((m) => m.tags.some((tag) => tag.value === MAILING));
      expect(mails).toHaveLength(sent);
      const recipients = mails.flatMap((m) => m.to);
      expect(new Set(recipients).size).toBe(recipients.length);
      await axeClean(page);
    } catch (e) {
      console.error(logs());
      throw e;
    } finally {
      await context.close();
    }
    // The edit page, the send action's post, the progress page and its polls, spread over both instances.
    const flow = upstreams().filter((r) => r.path.startsWith(`/staff/mailings/${MAILING}`));
    expect(flow.some((r) => r.path.endsWith("/progress"))).toBe(true);
    expect(new Set(flow.map((r) => r.port)).size).toBe(2);
    expect(fake.violations).toEqual([]);
  }, 180_000);

  // Last, since it leaves one instance dead. The instance running the import is SIGKILLed inside the import's
  // transaction: PostgreSQL rolls it back, nginx answers the post with 502, the form keeps the file and says so, and
  // importing again lands on the live instance.
  it("a web instance killed mid-import: nothing is half-written, the person is told and imports again", async () => {
    const run = `kill${Date.now()}`;
    const big = generateImportCsv(12_000, run);
    const data = await rawFromUrl(dbUrl);
    const imported = async () => {
      const [row] = await data.query<{ contacts: string; organisations: string }>(
        `SELECT (SELECT count(*) FROM "Contact" WHERE email LIKE $1) AS contacts,
                (SELECT count(*) FROM "Organisation" WHERE name LIKE $2) AS organisations`,
        [`person.${run}.%`, `Importbolaget ${run} %`],
      );
      return { contacts: Number(row!.contacts), organisations: Number(row!.organisations) };
    };
    const webs = children.filter((c) => c.name.startsWith("web "));
    const started = () => webs.map((w) => w.output().split("import started").length - 1);
    const { page, context } = await signInAs(browser, front, DEMO_STAFF.ACCOUNT_MANAGER, { locale: "sv-SE" });
    try {
      await page.goto(`${front.url}/staff/import`);
      await page
        .locator("#f-file")
        .setInputFiles({ name: "crm.csv", mimeType: "text/csv", buffer: Buffer.from(big.csv) });
      await page.locator("#f-sourceDetail").fill("CRM-export");
      await page.getByRole("button", { name: "Förhandsgranska" }).click();
      await page.locator("[data-testid=import-counts]").waitFor({ timeout: 90_000 });
      const before = started();
      await page.getByRole("button", { name: "Importera", exact: true }).click();
      // Inside the transaction: the progress row says contacts are being written.
      await waitFor("the import's transaction to write contacts", async () => {
        const [p] = await data.query<{ phase: string | null }>(
          `SELECT phase FROM "ImportProgress" WHERE state = 'RUNNING' AND done > 0 ORDER BY "updatedAt" DESC LIMIT 1`,
        );
        return p?.phase === "contacts" || p?.phase === "updates";
      });
      const victim = webs.find((w, i) => started()[i]! > before[i]!);
      expect(victim, "the instance that logged 'import started'").toBeDefined();
      process.kill(-victim!.child.pid!, "SIGKILL");

      const status = page
        .locator("[role=status]")
        .filter({ hasText: "Anslutningen till servern bröts under importen" });
      await status.waitFor({ timeout: 60_000 });
      await waitFor(
        "PostgreSQL to end the killed instance's transaction",
        async () => (await imported()).contacts === 0,
      );
      expect(await imported()).toEqual({ contacts: 0, organisations: 0 });
      await axeClean(page);

      // The form kept the file: importing again needs one press, and lands on the instance still running.
      await page.getByRole("button", { name: "Importera", exact: true }).click();
      await page.locator("[data-testid=import-result]").waitFor({ timeout: 180_000 });
      expect((await imported()).contacts).toBe(big.good);
      // 50 organisation names in the file; the 5 that only bad rows name (i % 50 = 9, 19, …) are not created.
      expect((await imported()).organisations).toBe(45);
    } catch (e) {
      console.error(logs());
      throw e;
    } finally {
      await context.close();
      await data.close();
    }
  }, 420_000);
});
