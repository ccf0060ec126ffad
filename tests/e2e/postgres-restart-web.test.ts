// Issue 17: a web instance keeps serving through a PostgreSQL restart and a crash without being restarted itself.
// `next start` (the production build) runs on a cluster of this test's own (tests/support/private-postgres.ts; the
// shared server on 5432 is never touched). Recipients press one-click unsubscribe before, during and after
// `pg_ctlcluster … restart -m fast` and a stop without checkpoint (down 3 s): while the database is away an answer is
// 503 with a code (never a 500, never a hang, never a dropped connection), and once it is back the same process
// answers 200 again and every 200 was written. The worker's side of the same faults is tests/crash/postgres-restart.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { rawFromUrl } from "@/lib/db/raw";
import { unsubscribeUrl } from "@/lib/recipients/build-links";
import { startFakeResend, type FakeResend } from "../support/fake-resend";
import { freePort } from "../support/free-port";
import { createPrivatePostgres, type PrivatePostgres } from "../support/private-postgres";
import { startNext } from "./support/server";

const pgUrl = process.env.TEST_DATABASE_URL;
const secret = () => randomBytes(32).toString("base64url");
const LINK_KEY = { id: "pgr1", secret: secret() };
const ONE_CLICK = { "content-type": "application/x-www-form-urlencoded" };

let cluster: PrivatePostgres | undefined;
let fake: FakeResend | undefined;
let web: Awaited<ReturnType<typeof startNext>> | undefined;
let publicUrl = "";
let contacts: string[] = [];

/** One one-click POST: the status, or "no answer" when the connection failed or nothing came within 15 s. */
async function unsubscribe(contactId: string): Promise<number | "no answer"> {
  try {
    const res = await fetch(
      unsubscribeUrl({ publicUrl, linkKeys: [LINK_KEY] }, { id: contactId, tokenVersion: 1 }, "all"),
      {
        method: "POST",
        headers: ONE_CLICK,
        body: "List-Unsubscribe=One-Click",
        signal: AbortSignal.timeout(15_000),
      },
    );
    await res.arrayBuffer();
    return res.status;
  } catch {
    return "no answer";
  }
}

/** Read on a connection of its own: one held across the restart would be closed under it. */
async function optedOut(ids: string[]): Promise<string[]> {
  const data = await rawFromUrl(cluster!.url("tillit"));
  try {
    const rows = await data.query<{ id: string }>(
      `SELECT id FROM "Contact" WHERE id = ANY($1) AND "marketingOptOutAt" IS NOT NULL ORDER BY id`,
      [ids],
    );
    return rows.map((r) => r.id);
  } finally {
    await data.close();
  }
}

describe.runIf(pgUrl)("a web instance through a PostgreSQL restart and crash", () => {
  beforeAll(async () => {
    const appDir = inject("e2eAppDir");
    cluster = await createPrivatePostgres();
    const admin = await rawFromUrl(cluster.url("postgres"));
    await admin.query(`CREATE DATABASE tillit`);
    await admin.close();
    fake = await startFakeResend();
    const port = await freePort();
    publicUrl = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: cluster.url("tillit"),
      PUBLIC_URL: publicUrl,
      WORKER_IN_PROCESS: "0",
      AUTH_SECRET: secret(),
      SUPPRESSION_HMAC_KEY: secret(),
      LINK_SIGNING_KEYS: `${LINK_KEY.id}:${LINK_KEY.secret}`,
      MAIL_TRANSPORT: "resend",
      RESEND_API_KEY: "re_pg_restart",
      RESEND_BASE_URL: fake.url,
      LOG_LEVEL: "warn",
    };
    execFileSync(
      path.join(appDir, "node_modules/.bin/tsx"),
      ["--import", "./lib/node/server-only-hook.mjs", "lib/db/cli.ts", "prepare"],
      { cwd: appDir, env, stdio: "pipe" },
    );
    const data = await rawFromUrl(cluster.url("tillit"));
    contacts = (
      await data.query<{ id: string }>(
        `SELECT id FROM "Contact" WHERE "marketingOptOutAt" IS NULL AND "tokenVersion" = 1 ORDER BY id LIMIT 12`,
      )
    ).map((r) => r.id);
    await data.close();
    web = await startNext(appDir, port, env);
  }, 180_000);

  afterAll(async () => {
    await web?.stop();
    await fake?.close();
    cluster?.drop();
  });

  /**
   * Presses one-click for the next contacts one after the other until one is answered 200 within `ms`; every other
   * answer must be a 503 (the database away), never a 500 or no answer. Returns the contacts answered 200.
   */
  async function untilServed(queue: string[], ms: number): Promise<string[]> {
    const served: string[] = [];
    const until = Date.now() + ms;
    while (served.length === 0) {
      const id = queue.shift();
      if (!id) throw new Error("ran out of contacts");
      const status = await unsubscribe(id);
      if (status === 200) served.push(id);
      else expect(status, `one-click for ${id} while the database was away\n${web!.output()}`).toBe(503);
      if (Date.now() > until) throw new Error(`no 200 within ${ms} ms\n${web!.output()}`);
      if (status !== 200) await new Promise((r) => setTimeout(r, 200));
    }
    return served;
  }

  it("answers 503 while the database is away and 200 again after, without being restarted; every 200 is written", async () => {
    const queue = [...contacts];
    const served: string[] = [];
    expect(await unsubscribe(queue[0]!)).toBe(200);
    served.push(queue.shift()!);

    cluster!.restart();
    served.push(...(await untilServed(queue, 30_000)));
    expect((await fetch(`${publicUrl}/api/health`)).status).toBe(200);

    const down = cluster!.crashAndStart(3_000);
    // While it is down (the stop is immediate; the start comes 3 s later): a clear 503, not a hang.
    await new Promise((r) => setTimeout(r, 500));
    expect(await unsubscribe(queue.shift()!)).toBe(503);
    await down;
    served.push(...(await untilServed(queue, 30_000)));
    expect((await fetch(`${publicUrl}/api/health`)).status).toBe(200);

    expect(await Promise.race([web!.exited, "running"])).toBe("running");
    expect(await optedOut(served)).toEqual([...served].sort());
    // The log says why each 503 was answered: a line per failure with the error's kind and code, no token.
    expect(web!.output()).toMatch(/one-click unsubscribe failed/);
    expect(web!.output()).not.toMatch(/\/u\/[A-Za-z0-9_-]{20,}/);
  }, 180_000);
});
