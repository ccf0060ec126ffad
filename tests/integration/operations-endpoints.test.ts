// The operator's endpoints through their real route handlers on a real database: /api/metrics (token missing, wrong,
// right, unset; values from seeded tallies, webhook deliveries, retention runs, a heartbeat and pg-boss queues, in
// Prometheus's text format), /api/health/ready (fails without a fresh worker heartbeat, passes with one) and
// /api/health/live. Faked: only which database getDb answers and the METRICS_TOKEN the configuration holds.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startBoss, type BossTarget } from "@/lib/jobs/boss";
import { ensureQueues, QUEUES } from "@/lib/jobs/queues";
import { newHeartbeatIdentity, recordWorkerHeartbeat, startWorkerHeartbeat } from "@/lib/jobs/worker-heartbeat";
import { createTestDb, type TestDb } from "../support/db";
import { makeMailing, makeSegment, makeTopic, unique } from "../factories";

let t: TestDb;
const metricsConfig = vi.hoisted(() => ({ token: null as string | null }));

vi.mock("@/lib/db/client", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/db/client")>()),
  getDb: async () => t.db,
}));
vi.mock("@/lib/env/config", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/env/config")>();
  return { ...real, getConfig: () => ({ ...real.getConfig(), metrics: { token: metricsConfig.token } }) };
});

const TOKEN = `metrics-${"x".repeat(40)}`;

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.close());

async function scrape(authorization?: string): Promise<Response> {
  const { GET } = await import("@/app/api/metrics/route");
  const headers = authorization ? { authorization } : undefined;
  return GET(new Request("http://localhost/api/metrics", { headers }));
}

/**
 * Every line of Prometheus's text exposition format parsed strictly (a line that is neither HELP, TYPE nor a sample
 * fails the test); samples keyed by name and label set as printed.
 */
function parseExposition(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  const sample =
    /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\.)*"(?:,[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\.)*")*\})? (\S+)$/;
  for (const line of text.split("\n")) {
    if (line === "" || /^# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* /.test(line)) continue;
    const m = sample.exec(line);
    expect(m, `not Prometheus text format: ${line}`).not.toBeNull();
    // prom-client prints "Nan" for an event-loop figure not measured yet; Prometheus reads NaN in any case.
    const value = /^nan$/i.test(m![3]!) ? NaN : Number(m![3] === "+Inf" ? Infinity : m![3]);
    expect(Number.isNaN(value) && !/^nan$/i.test(m![3]!), `a number: ${line}`).toBe(false);
    samples.set(`${m![1]}${m![2] ?? ""}`, value);
  }
  return samples;
}

describe("/api/metrics", () => {
  it("does not exist without METRICS_TOKEN: 404 with a JSON error code", async () => {
    metricsConfig.token = null;
    const response = await scrape(`Bearer ${TOKEN}`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: "not_found" } });
  });

  it("refuses a missing or wrong token with 401 and a JSON error code", async () => {
    metricsConfig.token = TOKEN;
    for (const authorization of [undefined, "Bearer", `Bearer ${TOKEN}x`, `Basic ${TOKEN}`, TOKEN, `Bearer ${"y"}`]) {
      const response = await scrape(authorization);
      expect(response.status, String(authorization)).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(await response.json()).toEqual({ error: { code: "unauthorized" } });
    }
  });

  it("reports mail, webhooks, retention, workers and queues from the database, in Prometheus's format", async () => {
    metricsConfig.token = TOKEN;
    const now = Date.now();
    const ago = (seconds: number) => new Date(now - seconds * 1000);

    // A mailing's deliveries: the trigger keeps its tallies, which the scrape reads (never Delivery itself).
    const topic = await makeTopic(t.db);
    const segment = await makeSegment(t.db, { filter: {} });
    const mailing = await makeMailing(t.db, { topicId: topic.id, segmentId: segment.id });
    const statuses = ["SENT", "SENT", "DELIVERED", "BOUNCED", "FAILED", "FAILED", "SUPPRESSED", "QUEUED"] as const;
    await t.db.delivery.createMany({
      data: statuses.map((status, batch) => ({ mailingId: mailing.id, batch, status })),
    });

    // Outbound webhooks: a due delivery 90 s late to an enabled endpoint, one backing off after a failure, a dead
    // letter; an older due delivery to an endpoint disabled by its failures does not count as lag.
    const endpoint = await t.db.webhookEndpoint.create({
      data: { name: "CRM", url: "https://crm.example/hook", eventTypes: ["contact.created"], secret: "whsec_x" },
    });
    await t.db.webhookEndpoint.update({ where: { id: endpoint.id }, data: { consecutiveFailures: 3 } });
    const off = await t.db.webhookEndpoint.create({
      data: {
        name: "Old desk",
        url: "https://desk.example/hook",
        eventTypes: ["contact.created"],
        secret: "whsec_y",
        enabled: false,
        disabledReason: "failures",
      },
    });
    const events = [unique(), unique(), unique(), unique()];
    await t.db.outboundEvent.createMany({
      data: events.map((id) => ({ id, type: "contact.created", contactId: null, payload: {}, occurredAt: ago(600) })),
    });
    await t.db.webhookDelivery.createMany({
      data: [
        { endpointId: endpoint.id, eventId: events[0]!, seq: 1n, lane: "a", nextAttemptAt: ago(90) },
        { endpointId: endpoint.id, eventId: events[1]!, seq: 2n, lane: "b", attempts: 2, nextAttemptAt: ago(-300) },
        { endpointId: endpoint.id, eventId: events[2]!, seq: 3n, lane: "c", attempts: 9, status: "DEAD" },
        { endpointId: off.id, eventId: events[3]!, seq: 4n, lane: "d", nextAttemptAt: ago(3600) },
      ],
    });

    // Retention: one finished run, one stopped mid-way, and a dry run that is not a run of the job.
    const finishedAt = new Date(Math.floor(now / 1000) * 1000 - 3_600_000);
    await t.db.retentionRun.createMany({
      data: [
        { trigger: "schedule", asOf: ago(7200), startedAt: ago(7200), finishedAt, deleted: 3, held: 1, failed: 0 },
        { trigger: "start", asOf: ago(60), startedAt: ago(60), cursor: "c1" },
        { trigger: "cli", dryRun: true, asOf: ago(30), startedAt: ago(30), finishedAt: ago(29), deleted: 0 },
      ],
    });

    // A worker beating now, one that stopped beating two minutes ago.
    await t.db.workerHeartbeat.deleteMany();
    await recordWorkerHeartbeat(t.db, newHeartbeatIdentity("worker"));
    await t.db.workerHeartbeat.create({
      data: { id: unique(), host: "h", pid: 1, mode: "worker", startedAt: ago(600), beatAt: ago(120) },
    });

    // Queues: two expansions waiting, one batch deferred an hour; nobody works them.
    const boss = await startBoss(t.target as BossTarget, { superviseIntervalSeconds: 30 });
    try {
      await ensureQueues(boss, 120);
      await boss.send(QUEUES.expandMailing, { mailingId: unique() }, { singletonKey: unique() });
      await boss.send(QUEUES.expandMailing, { mailingId: unique() }, { singletonKey: unique() });
      await boss.send(QUEUES.sendBatch, { mailingId: unique(), batch: 0 }, { startAfter: 3600 });

      const response = await scrape(`Bearer ${TOKEN}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
      const body = await response.text();
      const m = parseExposition(body);

      expect(m.get('tillit_scrape_ok{part="register"}')).toBe(1);
      expect(m.get('tillit_scrape_ok{part="queues"}')).toBe(1);
      // Mail: per status, and the three outcomes.
      expect(m.get('tillit_mail_deliveries{status="sent"}')).toBe(2);
      expect(m.get('tillit_mail_deliveries{status="failed"}')).toBe(2);
      expect(m.get('tillit_mail_deliveries{status="cancelled"}')).toBe(0);
      expect(m.get('tillit_mails{outcome="sent"}')).toBe(4);
      expect(m.get('tillit_mails{outcome="failed"}')).toBe(2);
      expect(m.get('tillit_mails{outcome="suppressed"}')).toBe(1);
      // Webhooks.
      expect(m.get("tillit_webhook_lag_seconds")).toBeGreaterThanOrEqual(90);
      expect(m.get("tillit_webhook_lag_seconds")).toBeLessThan(600);
      expect(m.get("tillit_webhook_deliveries_retrying")).toBe(1);
      expect(m.get("tillit_webhook_dead_letters")).toBe(1);
      expect(m.get("tillit_webhook_consecutive_failures")).toBe(3);
      expect(m.get('tillit_webhook_endpoints{state="enabled"}')).toBe(1);
      expect(m.get('tillit_webhook_endpoints{state="disabled_by_failures"}')).toBe(1);
      // Retention.
      expect(m.get("tillit_retention_runs_finished_total")).toBe(1);
      expect(m.get("tillit_retention_runs_unfinished")).toBe(1);
      expect(m.get("tillit_retention_last_run_finished_timestamp_seconds")).toBe(finishedAt.getTime() / 1000);
      expect(m.get('tillit_retention_last_run_contacts{outcome="deleted"}')).toBe(3);
      expect(m.get('tillit_retention_last_run_contacts{outcome="held"}')).toBe(1);
      // Workers and queues.
      expect(m.get("tillit_workers_alive")).toBe(1);
      expect(m.get('tillit_queue_depth{queue="mailing-expand"}')).toBe(2);
      expect(m.get('tillit_queue_depth{queue="mailing-send-batch"}')).toBe(1);
      expect(m.get('tillit_queue_depth{queue="webhook-deliver"}')).toBe(0);
      expect(m.get('tillit_queue_active_jobs{queue="mailing-expand"}')).toBe(0);
      // prom-client's default process metrics, and the request histogram's declaration.
      expect(m.get("process_cpu_user_seconds_total")).toBeGreaterThan(0);
      expect(m.has("nodejs_heap_size_used_bytes")).toBe(true);
      expect(body).toContain("# TYPE tillit_http_request_duration_seconds histogram");
      // No ids and no token in any label or value.
      for (const secret of [mailing.id, endpoint.id, off.id, TOKEN, ...events]) expect(body).not.toContain(secret);
    } finally {
      await boss.stop({ graceful: false });
    }
  });
});

describe("/api/health/ready and /api/health/live", () => {
  async function ready() {
    const { GET } = await import("@/app/api/health/ready/route");
    const response = await GET();
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  it("ready: 503 naming the workers without a fresh heartbeat, 200 with one, 503 again once it stopped", async () => {
    await t.db.workerHeartbeat.deleteMany();
    expect(await ready()).toEqual({
      status: 503,
      body: { status: "not_ready", checks: { database: "pass", migrations: "pass", workers: "fail" } },
    });

    // A beat two minutes old is a worker gone.
    await t.db.workerHeartbeat.create({
      data: { id: unique(), host: "h", pid: 1, mode: "worker", startedAt: new Date(), beatAt: new Date(0) },
    });
    await t.raw.query(`UPDATE "WorkerHeartbeat" SET "beatAt" = (now() AT TIME ZONE 'UTC') - interval '2 minutes'`);
    expect((await ready()).status).toBe(503);

    const heartbeat = await startWorkerHeartbeat({ db: t.db, mode: "worker", log: () => {}, intervalMs: 60_000 });
    expect(await ready()).toEqual({
      status: 200,
      body: { status: "ready", checks: { database: "pass", migrations: "pass", workers: "pass" } },
    });
    await heartbeat.stop();
    expect(await t.db.workerHeartbeat.count({ where: { id: heartbeat.identity.id } })).toBe(0);
    expect((await ready()).status).toBe(503);
  });

  it("ready: 503 naming the migrations when one applied migration was edited", async () => {
    const heartbeat = await startWorkerHeartbeat({ db: t.db, mode: "worker", log: () => {}, intervalMs: 60_000 });
    try {
      await t.raw.query(
        `UPDATE _prisma_migrations SET checksum = 'x'
          WHERE migration_name = (SELECT min(migration_name) FROM _prisma_migrations)`,
      );
      const { status, body } = await ready();
      expect(status).toBe(503);
      expect(body).toEqual({ status: "not_ready", checks: { database: "pass", migrations: "fail", workers: "pass" } });
      // Nothing about versions or files.
      expect(JSON.stringify(body)).not.toMatch(/prisma|\.sql|version/i);
    } finally {
      await heartbeat.stop();
    }
  });

  it("live: 200 without touching the database", async () => {
    const { GET } = await import("@/app/api/health/live/route");
    const response = GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "live" });
  });
});
