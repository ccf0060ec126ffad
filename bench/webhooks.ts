// npx tsx --import ./lib/node/server-only-hook.mjs bench/webhooks.ts [--events 10000] [--contacts 1000]
//   [--server postgresql://postgres@127.0.0.1:5432] [--samples 200]
// Outbound webhooks on a fresh PostgreSQL database:
//   1. delivery: --events corrections over --contacts contacts are written (with their audit entries, one
//      transaction), then the app's worker (startWorkers, pg-boss, in this process) delivers them to a receiver on
//      loopback that verifies nothing and answers 200 at once; prints events delivered per second (first claim to the
//      last delivered row) and checks that each contact's events arrived in order;
//   2. the one-click unsubscribe's cost: unsubscribeFromAll (what POST /u/[token] runs) for --samples contacts with
//      no endpoint, then with one endpoint subscribed to everything; prints p50/p95 of each and the difference.
// The database is dropped at the end.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { parseArgs } from "node:util";
import { recordAuditEvents } from "@/lib/audit/record-audit-event";
import { createDb } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrations";
import { rawFromUrl } from "@/lib/db/raw";
import { startBoss } from "@/lib/jobs/boss";
import { startWorkers } from "@/lib/jobs/start-workers";
import { createWebhookEndpoint } from "@/lib/outbound-webhooks/create-webhook-endpoint";
import { OUTBOUND_EVENT_TYPES } from "@/lib/outbound-webhooks/event-types";
import { unsubscribeFromAll } from "@/lib/subscriptions/unsubscribe-from-all";

const { values: args } = parseArgs({
  options: {
    events: { type: "string", default: "10000" },
    contacts: { type: "string", default: "1000" },
    server: { type: "string", default: "postgresql://postgres@127.0.0.1:5432" },
    samples: { type: "string", default: "200" },
  },
});
const EVENTS = Number(args.events);
const CONTACTS = Number(args.contacts);
const SAMPLES = Number(args.samples);
const KEY = "b".repeat(40);
const DB_NAME = `tillit_bench_webhooks_${process.pid}`;
const url = `${args.server}/${DB_NAME}`;

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;

async function main() {
  const admin = await rawFromUrl(`${args.server}/postgres`);
  await admin.query(`CREATE DATABASE ${DB_NAME}`);
  const target = { kind: "postgres" as const, url };
  await applyMigrations(target);
  const { db, close } = await createDb(target);
  const raw = await rawFromUrl(url);
  let arrived: { id: string; contact: string }[] = [];
  const receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { data: { contact: { id: string } } };
      arrived.push({ id: String(req.headers["webhook-id"]), contact: body.data.contact.id });
      res.end("ok");
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  try {
    const total = CONTACTS + 2 * SAMPLES;
    await raw.query(
      `INSERT INTO "Contact" (id, name, email, language, category, "sourceType", "updatedAt", "marketingOptOutAt")
       SELECT 'b_' || lpad(i::text, 7, '0'), 'Person ' || i, 'person' || i || '@bench.example', 'sv', 'PROSPECT',
              'IMPORTED', now(), NULL
         FROM generate_series(1, ${total}) AS i`,
    );
    const idOf = (i: number) => `b_${String(i).padStart(7, "0")}`;

    // 2a. The one-click unsubscribe with no endpoint (contacts after the delivery ones).
    const unsubscribe = async (i: number) => {
      const started = performance.now();
      const r = await unsubscribeFromAll({ db, contactId: idOf(i), source: "ONE_CLICK", suppressionKey: KEY });
      if (!r.ok) throw new Error("unsubscribe refused");
      return performance.now() - started;
    };
    for (let i = 0; i < 20; i++) await unsubscribe(CONTACTS + 1 + i); // warm-up
    const without: number[] = [];
    for (let i = 20; i < SAMPLES; i++) without.push(await unsubscribe(CONTACTS + 1 + i));

    const endpoint = await createWebhookEndpoint({
      db,
      actor: { type: "SYSTEM", id: "bench" },
      allowHttp: true,
      input: { name: "Bench", url: receiverUrl, eventTypes: [...OUTBOUND_EVENT_TYPES] },
    });
    if (!endpoint.ok) throw new Error("no endpoint");
    // 2b. The same with one endpoint subscribed (the worker is not running: only the emission is measured).
    const withOne: number[] = [];
    for (let i = 0; i < SAMPLES; i++) withOne.push(await unsubscribe(CONTACTS + SAMPLES + 1 + i));

    // 1. Delivery: the events, then the worker.
    await db.webhookDelivery.deleteMany();
    await db.outboundEvent.deleteMany();
    await db.$transaction(
      async (tx) => {
        const inputs = Array.from({ length: EVENTS }, (_, n) => ({
          actor: { type: "SYSTEM" as const, id: "bench" },
          action: "contact.updated" as const,
          subject: { type: "Contact", id: idOf((n % CONTACTS) + 1) },
          fields: ["name" as const],
        }));
        await recordAuditEvents(tx, inputs);
      },
      { timeout: 300_000 },
    );
    arrived = [];
    const boss = await startBoss(target, { superviseIntervalSeconds: 5 });
    const started = performance.now();
    const workers = await startWorkers({
      db,
      boss,
      config: {
        publicUrl: "https://prefs.example.com",
        linkKeys: [{ id: "b1", secret: KEY }],
        suppressionKey: KEY,
        mail: { transport: "outbox" },
        jobs: {
          inProcess: true,
          concurrency: 4,
          leaseSeconds: 120,
          sendRatePerSecond: 0,
          naiveRender: false,
          retentionHour: 4,
        },
        webhooks: { allowHttp: true, timeoutMs: 10_000, retryBaseMs: 10_000, giveUpAfterMs: 72 * 3600_000 },
      },
      log: () => {},
    });
    let delivered = 0;
    while (delivered < EVENTS) {
      await new Promise((r) => setTimeout(r, 100));
      delivered = await db.webhookDelivery.count({ where: { status: "DELIVERED" } });
      if (performance.now() - started > 600_000) throw new Error(`only ${delivered} delivered in 10 minutes`);
    }
    const seconds = (performance.now() - started) / 1000;
    await workers.stop();

    const seqOf = new Map(
      (await db.outboundEvent.findMany({ select: { id: true, seq: true } })).map((e) => [e.id, e.seq] as const),
    );
    const last = new Map<string, bigint>();
    let outOfOrder = 0;
    for (const a of arrived) {
      const seq = seqOf.get(a.id)!;
      if ((last.get(a.contact) ?? -1n) > seq) outOfOrder++;
      last.set(a.contact, seq);
    }
    const p = (xs: number[], q: number) => pct(xs, q).toFixed(1);
    console.log(
      `delivery: ${EVENTS} events over ${CONTACTS} contacts in ${seconds.toFixed(1)} s (worker start included)`,
    );
    console.log(
      `  ${(EVENTS / seconds).toFixed(0)} events/s delivered; ${arrived.length} requests; ${outOfOrder} out of order`,
    );
    console.log(`one-click unsubscribe (unsubscribeFromAll), ${without.length} and ${withOne.length} samples:`);
    console.log(`  no endpoint:  p50 ${p(without, 0.5)} ms, p95 ${p(without, 0.95)} ms`);
    console.log(`  one endpoint: p50 ${p(withOne, 0.5)} ms, p95 ${p(withOne, 0.95)} ms`);
    console.log(
      `  added: p50 ${(pct(withOne, 0.5) - pct(without, 0.5)).toFixed(1)} ms, p95 ${(pct(withOne, 0.95) - pct(without, 0.95)).toFixed(1)} ms`,
    );
  } finally {
    receiver.close();
    await raw.close();
    await close();
    await admin.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
    await admin.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
