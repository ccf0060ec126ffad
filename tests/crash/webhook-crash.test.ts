// Outbound webhooks delivered by a separate `npm run worker` process that is killed with SIGKILL twice while requests
// are in flight and started again: the receiver (in this process, verifying every signature with standardwebhooks)
// gets every event at least once, and never an event of a contact before that contact's earlier events were accepted.
// PostgreSQL only (worker processes share the database through it).
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { appendFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { recordAuditEvents } from "@/lib/audit/record-audit-event";
import { createWebhookEndpoint } from "@/lib/outbound-webhooks/create-webhook-endpoint";
import { createTestDb, type TestDb } from "../support/db";
import { startWebhookReceiver, type WebhookReceiver } from "../support/webhook-receiver";

const CONTACTS = 300;
const CHANGES_EACH = 5;
const EVENTS = CONTACTS * CHANGES_EACH;
const ROOT = path.resolve(import.meta.dirname, "../..");
const SECRET = "c".repeat(40);

let t: TestDb;
let rx: WebhookReceiver;
const children: ChildProcess[] = [];

function startWorker(url: string): ChildProcess {
  const child = spawn(process.execPath, [".worker/run-worker.mjs"], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "test",
      DATABASE_URL: url,
      PUBLIC_URL: "https://prefs.example.com",
      AUTH_SECRET: SECRET,
      SUPPRESSION_HMAC_KEY: SECRET,
      LINK_SIGNING_KEYS: `k1:${SECRET}`,
      MAIL_TRANSPORT: "outbox",
      MAILING_LEASE_SECONDS: "5",
      WEBHOOK_TIMEOUT_SECONDS: "2",
      WEBHOOK_RETRY_BASE_SECONDS: "0.5",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (process.env.CRASH_LOG) {
    child.stdout!.on("data", (d: Buffer) => appendFileSync(process.env.CRASH_LOG!, d));
    child.stderr!.on("data", (d: Buffer) => appendFileSync(process.env.CRASH_LOG!, d));
  } else {
    child.stdout!.resume();
    child.stderr!.resume();
  }
  children.push(child);
  return child;
}

const waitFor = async (what: string, check: () => Promise<boolean> | boolean, ms = 120_000) => {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

const kill = async (child: ChildProcess) => {
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGKILL");
  await exited;
};

beforeAll(async () => {
  execFileSync(process.execPath, ["lib/jobs/build-worker.mjs"], { cwd: ROOT, stdio: "inherit" });
  t = await createTestDb();
  rx = await startWebhookReceiver({ delayMs: 30 });
  const endpoint = await createWebhookEndpoint({
    db: t.db,
    actor: { type: "SYSTEM", id: "crash-test" },
    allowHttp: true,
    input: { name: "CRM", url: rx.url, eventTypes: ["contact.corrected"] },
  });
  if (!endpoint.ok) throw new Error("no endpoint");
  rx.secrets.push(endpoint.secret);
  await t.raw.query(
    `INSERT INTO "Contact" (id, name, email, language, category, "sourceType", "updatedAt")
     SELECT 'wh_' || lpad(i::text, 6, '0'), 'Person ' || i, 'person' || i || '@webhook.example', 'sv', 'PROSPECT',
            'IMPORTED', now()
       FROM generate_series(1, ${CONTACTS}) AS i`,
  );
  // Five corrections per contact, in one transaction: the events are written with their audit entries.
  await t.db.$transaction(
    async (tx) => {
      const inputs = [];
      for (let round = 0; round < CHANGES_EACH; round++)
        for (let i = 1; i <= CONTACTS; i++)
          inputs.push({
            actor: { type: "SYSTEM" as const, id: "crash-test" },
            action: "contact.updated" as const,
            subject: { type: "Contact", id: `wh_${String(i).padStart(6, "0")}` },
            fields: ["name" as const],
          });
      await recordAuditEvents(tx, inputs);
    },
    { timeout: 60_000 },
  );
}, 180_000);

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  await rx?.close();
  await t?.close();
});

it("delivers every event, in order per contact, although the worker is killed twice mid-delivery", async () => {
  expect(await t.db.webhookDelivery.count()).toBe(EVENTS);
  const url = (t.target as { url: string }).url;

  const first = startWorker(url);
  await waitFor("first deliveries", () => rx.accepted().length >= 200);
  await kill(first);
  const afterFirst = rx.accepted().length;

  const second = startWorker(url);
  await waitFor("more deliveries", () => rx.accepted().length >= afterFirst + 400);
  await kill(second);

  startWorker(url);
  try {
    await waitFor(
      "every delivery",
      async () => (await t.db.webhookDelivery.count({ where: { status: "DELIVERED" } })) === EVENTS,
      // A killed worker's jobs come back once pg-boss's monitor finds their lease expired (its interval, about a
      // minute), as in the mailing crash test.
      180_000,
    );
  } catch (e) {
    if (process.env.CRASH_LOG) {
      appendFileSync(
        process.env.CRASH_LOG,
        JSON.stringify(
          await t.raw.query(
            `SELECT status, count(*)::int, min("lockedUntil") l, min("nextAttemptAt") n, max(attempts) a, max("lastError") e FROM "WebhookDelivery" GROUP BY status`,
          ),
        ) + "\n",
      );
      appendFileSync(
        process.env.CRASH_LOG,
        JSON.stringify(
          await t.raw.query(
            `SELECT state, count(*)::int, min(start_after) sa, max(retry_count) rc, min(retry_limit) rl, max(expire_seconds) ex, now() FROM pgboss.job WHERE name = 'webhook-deliver' GROUP BY state`,
          ),
        ) + "\n",
      );
      appendFileSync(
        process.env.CRASH_LOG,
        JSON.stringify(
          await t.raw.query(
            `SELECT now(), (SELECT json_agg(json_build_object('s', state, 'w', wait_event_type || ':' || wait_event, 'q', left(query, 120), 'x', xact_start)) FROM pg_stat_activity WHERE datname = current_database()) a`,
          ),
        ) + "\n",
      );
    }
    throw e;
  }

  const events = await t.db.outboundEvent.findMany({ orderBy: { seq: "asc" }, select: { id: true, contactId: true } });
  expect(events).toHaveLength(EVENTS);
  expect(new Set(rx.accepted().map((r) => r.id))).toEqual(new Set(events.map((e) => e.id)));
  expect(rx.received.every((r) => r.verifiedBy.length === 1)).toBe(true);
  // Per contact: no request for an event before every earlier event of that contact had been accepted.
  const byContact = new Map<string, string[]>();
  for (const e of events) byContact.set(e.contactId!, [...(byContact.get(e.contactId!) ?? []), e.id]);
  const accepted = new Set<string>();
  for (const r of rx.received) {
    const order = byContact.get(r.body.data.contact!.id)!;
    for (const earlier of order.slice(0, order.indexOf(r.id))) expect(accepted).toContain(earlier);
    if (r.answered === 200) accepted.add(r.id);
  }
  // Some were sent twice (the kills), none lost; the duplicates carry the same webhook-id.
  expect(rx.received.length).toBeGreaterThanOrEqual(EVENTS);
});
