// The worker is killed with SIGKILL while it expands a large mailing into deliveries (chunks of 5,000, each one
// transaction that also moves the mailing's cursor: lib/mailings/pipeline/expand-mailing.ts): some chunks committed,
// the mailing not yet expanded. A new worker resumes from the cursor; every recipient ends with exactly one delivery
// row and exactly one mail, counted at the fake Resend API by the mailing's tag.
import { afterAll, beforeAll, expect, it } from "vitest";
import { startMailing } from "@/lib/mailings/start-mailing";
import { seedDemo } from "@/prisma/seed-demo";
import { createTestDb, type TestDb } from "../support/db";
import { startFakeResend, type FakeResend } from "../support/fake-resend";
import {
  buildWorker,
  draftProspectMailing,
  isRunning,
  killWorker,
  mailsPerRecipient,
  SECRET,
  seedProspects,
  startWorkerProcess,
  waitFor,
  type WorkerProcess,
} from "../support/worker-process";

const RECIPIENTS = 15_000;
const SARA = {
  id: "demo_staff_marketing",
  email: "sara.nystrom@elastx.example",
  name: "Sara",
  role: "MARKETING" as const,
};

let t: TestDb | undefined;
let fake: FakeResend | undefined;
const workers: WorkerProcess[] = [];

beforeAll(async () => {
  buildWorker();
  t = await createTestDb();
  fake = await startFakeResend({ answerDelayMs: 40 });
  await seedDemo({ db: t.db, suppressionKey: SECRET });
  await seedProspects(t.db, "expand", RECIPIENTS);
}, 120_000);

afterAll(async () => {
  for (const w of workers) if (isRunning(w.child)) w.child.kill("SIGKILL");
  await fake?.close();
  await t?.close();
});

type Progress = { expandedAt: Date | null; cursor: string | null; deliveries: number };

it("resumes an expansion killed half-way: one delivery row and one mail per recipient", async () => {
  const db = t!.db;
  const mailingId = await draftProspectMailing(db, "Expansion crash test");
  const progress = async (): Promise<Progress> => {
    const [row] = await t!.raw.query<Progress>(
      `SELECT m."expandedAt", m."expandCursor" AS cursor,
              (SELECT count(*) FROM "Delivery" d WHERE d."mailingId" = m."id")::int AS deliveries
       FROM "Mailing" m WHERE m."id" = $1`,
      [mailingId],
    );
    return row!;
  };
  expect(await startMailing({ db, staff: SARA, mailingId })).toMatchObject({ ok: true });
  const url = (t!.target as { url: string }).url;

  // Eight batches side by side: the test is about expansion, and the mailing then goes out in about half the time.
  const env = { WORKER_CONCURRENCY: "8" };
  const first = startWorkerProcess({ databaseUrl: url, resendUrl: fake!.url, env });
  workers.push(first);
  // At least one chunk committed, expansion not finished: kill it there.
  await waitFor("the first chunk of deliveries", async () => {
    const p = await progress();
    return p.expandedAt === null && p.deliveries > 0;
  });
  await killWorker(first.child);
  const killedAt = Date.now();
  const atKill = await progress();
  // The kill landed inside the expansion, not after it (else this test would prove nothing).
  expect(atKill.expandedAt, first.output()).toBeNull();
  expect(atKill.deliveries).toBeGreaterThan(0);
  expect(atKill.deliveries).toBeLessThan(RECIPIENTS);

  workers.push(startWorkerProcess({ databaseUrl: url, resendUrl: fake!.url, env }));
  await waitFor(
    "the mailing to finish",
    async () => (await db.mailing.findUniqueOrThrow({ where: { id: mailingId } })).status === "SENT",
    120_000,
  );
  const sentAfterMs = Date.now() - killedAt;

  // One delivery row per recipient (the segment also picks a demo contact or two), every one of ours among them.
  const rows = await t!.raw.query<{ contactId: string; n: number }>(
    `SELECT "contactId", count(*)::int AS n FROM "Delivery" WHERE "mailingId" = $1 GROUP BY "contactId"`,
    [mailingId],
  );
  expect(rows.filter((r) => r.n !== 1)).toEqual([]);
  expect(rows.filter((r) => r.contactId.startsWith("expand_"))).toHaveLength(RECIPIENTS);
  // No batch holds more than a batch's worth: the resumed expansion numbered on from where the cursor stood.
  const [biggest] = await t!.raw.query<{ n: number }>(
    `SELECT coalesce(max(n), 0)::int AS n FROM (SELECT count(*) AS n FROM "Delivery" WHERE "mailingId" = $1
     GROUP BY "batch") b`,
    [mailingId],
  );
  expect(biggest!.n).toBeLessThanOrEqual(100);

  const perRecipient = [...mailsPerRecipient(fake!, mailingId)];
  expect(perRecipient.filter(([, n]) => n !== 1)).toEqual([]);
  expect(perRecipient.filter(([to]) => to.endsWith("@expand.example"))).toHaveLength(RECIPIENTS);
  expect(perRecipient).toHaveLength(rows.length);
  expect(fake!.violations).toEqual([]);
  const statuses = await db.delivery.groupBy({ by: ["status"], where: { mailingId }, _count: true });
  expect(statuses.map((s) => [s.status, s._count])).toEqual([["SENT", rows.length]]);
  console.log(
    `[expansion-crash] killed with ${atKill.deliveries} of ${rows.length} deliveries expanded; SENT ${sentAfterMs} ms ` +
      `later (the killed expansion's job is retried when its lease of 5 × MAILING_LEASE_SECONDS ends); ` +
      `${fake!.accepted.length} mails accepted in all`,
  );
}, 180_000);
