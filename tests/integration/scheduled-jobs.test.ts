// The scheduled jobs on pg-boss: a worker start registers every schedule of the list (Stockholm time), drops one no
// longer in it, and runs each job once at once (the catch-up); the queues hold one run at a time, whoever sends it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBoss, type BossTarget } from "@/lib/jobs/boss";
import { FINISHED_JOB_KEEP_SECONDS } from "@/lib/jobs/queues";
import { scheduledJobs, SCHEDULE_TIME_ZONE } from "@/lib/jobs/schedules";
import { startWorkers } from "@/lib/jobs/start-workers";
import { createTransport } from "@/lib/mail/create-transport";
import { WEBHOOK_EVENT_KEEP_MS } from "@/lib/maintenance/prune-rules";
import { createTestDb, type TestDb } from "../support/db";
import { unique } from "../factories";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.close());

const JOBS = scheduledJobs({ retentionHour: 4 });

const waitFor = async (check: () => boolean | Promise<boolean>, ms = 30_000) => {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 100));
  }
};

const mail = { transport: "outbox" as const, from: "Tillit <noreply@mail.example.com>" };
const config = {
  publicUrl: "https://prefs.example.com",
  linkKeys: [{ id: "t1", secret: "s".repeat(40) }],
  suppressionKey: "k".repeat(40),
  mail,
  jobs: {
    inProcess: true,
    concurrency: 2,
    leaseSeconds: 30,
    sendRatePerSecond: 0,
    naiveRender: false,
    retentionHour: 4,
  },
};

describe("scheduled jobs", () => {
  it("are scheduled at worker start and each run once straight away", async () => {
    // A webhook id past its 90 days: the catch-up run of register-prune removes it without waiting for the hour.
    const stale = unique();
    await t.db.webhookEvent.create({
      data: { id: stale, type: "email.delivered", receivedAt: new Date(Date.now() - WEBHOOK_EVENT_KEEP_MS - 60_000) },
    });
    const boss = await startBoss(t.target as BossTarget, { superviseIntervalSeconds: 1 });
    // A schedule left by an earlier version of the list.
    await boss.createQueue("retired-job");
    await boss.schedule("retired-job", "0 1 * * *", null, { tz: SCHEDULE_TIME_ZONE });

    const lines: string[] = [];
    const workers = await startWorkers({
      db: t.db,
      boss,
      config,
      transport: createTransport({ config: mail, db: t.db }),
      log: (m) => lines.push(m),
    });
    try {
      await waitFor(() =>
        ["segment facts:", "audit chain:", "register prune:", "retention:"].every((p) =>
          lines.some((l) => l.startsWith(p)),
        ),
      );
      expect(lines).toContain("segment facts: 0 contacts whose roles started or ended recomputed");
      expect(lines, JSON.stringify(lines)).toContain("audit chain: 0 entries intact");
      expect(lines.find((l) => l.startsWith("register prune:"))).toBe("register prune: WebhookEvent 1 deleted");
      expect(lines).toContain(
        "retention: 0 contacts checked, 0 deleted, 0 held; 0 account managers told of contacts due within 30 days",
      );
      expect(JOBS.find((j) => j.queue === "retention")?.cron).toBe("30 4 * * *");
      expect(await t.db.webhookEvent.findUnique({ where: { id: stale } })).toBeNull();

      const schedules = await boss.getSchedules();
      expect(schedules.map((s) => ({ name: s.name, cron: s.cron, timezone: s.timezone })).sort(byName)).toEqual(
        JOBS.map((j) => ({ name: j.queue, cron: j.cron, timezone: "Europe/Stockholm" })).sort(byName),
      );
      for (const job of JOBS) {
        expect(await boss.getQueue(job.queue)).toMatchObject({
          policy: "exclusive",
          deleteAfterSeconds: FINISHED_JOB_KEEP_SECONDS,
        });
      }
      // The running worker's heartbeat (what /api/health/ready asks for), gone once it stops.
      expect(await t.db.workerHeartbeat.findMany({ select: { pid: true, mode: true } })).toEqual([
        { pid: process.pid, mode: "worker" },
      ]);
    } finally {
      await workers.stop();
    }
    expect(await t.db.workerHeartbeat.count()).toBe(0);
  });

  it("queue one run of a job at a time: a second catch-up while one waits sends nothing", async () => {
    // A pg-boss that works no queue, so what is sent stays queued.
    const boss = await startBoss(t.target as BossTarget, { superviseIntervalSeconds: 1 });
    try {
      const queue = JOBS[0]!.queue;
      const first = await boss.send(queue, null, { singletonKey: "run" });
      const second = await boss.send(queue, null, { singletonKey: "run" });
      expect(first).toEqual(expect.any(String));
      expect(second).toBeNull();
      await boss.deleteQueuedJobs(queue);
    } finally {
      await boss.stop({ graceful: false });
    }
  });
});

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
