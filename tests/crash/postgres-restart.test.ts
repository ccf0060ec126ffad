// PostgreSQL goes away in the middle of a mailing, twice: a restart (`pg_ctlcluster … restart -m fast`, every
// connection closed) and a crash (stopped without a checkpoint, down for three seconds, started again). Two worker
// processes keep running through both without being restarted, and every recipient gets exactly one mail, counted at
// the fake Resend API by the mailing's tag; the mailing reaches SENT. The server is a cluster of this test's own
// (tests/support/private-postgres.ts): the shared one on 5432 serves the other test projects meanwhile.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrations";
import { rawFromUrl } from "@/lib/db/raw";
import { startMailing } from "@/lib/mailings/start-mailing";
import { seedDemo } from "@/prisma/seed-demo";
import { startFakeResend, type FakeResend } from "../support/fake-resend";
import { createPrivatePostgres, type PrivatePostgres } from "../support/private-postgres";
import {
  buildWorker,
  draftProspectMailing,
  isRunning,
  mailsPerRecipient,
  SECRET,
  seedProspects,
  startWorkerProcess,
  waitFor,
  type WorkerProcess,
} from "../support/worker-process";

const RECIPIENTS = 6_000;
const SARA = {
  id: "demo_staff_marketing",
  email: "sara.nystrom@elastx.example",
  name: "Sara",
  role: "MARKETING" as const,
};

let cluster: PrivatePostgres | undefined;
let db: Db;
let closeDb: (() => Promise<void>) | undefined;
let fake: FakeResend | undefined;
const workers: WorkerProcess[] = [];

beforeAll(async () => {
  buildWorker();
  cluster = await createPrivatePostgres();
  const admin = await rawFromUrl(cluster.url("postgres"));
  await admin.query(`CREATE DATABASE tillit`);
  await admin.close();
  await applyMigrations({ kind: "postgres", url: cluster.url("tillit") });
  ({ db, close: closeDb } = await createDb({ kind: "postgres", url: cluster.url("tillit") }));
  await seedDemo({ db, suppressionKey: SECRET });
  await seedProspects(db, "restart", RECIPIENTS);
  fake = await startFakeResend({ answerDelayMs: 40 });
}, 120_000);

afterAll(async () => {
  for (const w of workers) if (isRunning(w.child)) w.child.kill("SIGKILL");
  await fake?.close();
  await closeDb?.().catch(() => undefined);
  cluster?.drop();
});

it("keeps two workers sending through a restart and a crash of PostgreSQL: one mail per recipient", async () => {
  const mailingId = await draftProspectMailing(db, "Restart test");
  expect(await startMailing({ db, staff: SARA, mailingId })).toMatchObject({ ok: true });
  const ours = () => [...mailsPerRecipient(fake!, mailingId).values()].reduce((a, b) => a + b, 0);

  // Paced at Resend's 5 requests a second (the pacer is a row in the database, so it fails during the outages too):
  // the mailing takes about 12 s, long enough for both outages to land while batches are in flight.
  const env = { RESEND_RATE_LIMIT: "5", MAILING_LEASE_SECONDS: "10" };
  const url = cluster!.url("tillit");
  for (let i = 0; i < 2; i++) workers.push(startWorkerProcess({ databaseUrl: url, resendUrl: fake!.url, env }));

  const began = Date.now();
  await waitFor("the first mails", () => ours() >= 1_500);
  const restartAt = ours();
  const restartStarted = Date.now();
  cluster!.restart();
  const restartMs = Date.now() - restartStarted;

  await waitFor("mails after the restart", () => ours() >= restartAt + 1_500);
  const crashAt = ours();
  const crashAtMs = Date.now() - began;
  await cluster!.crashAndStart(3_000);
  const crashedAfterMs = Date.now() - began;

  await waitFor(
    "the mailing to finish",
    async () => (await db.mailing.findUniqueOrThrow({ where: { id: mailingId } })).status === "SENT",
    90_000,
  );
  const finishedAfterMs = Date.now() - began;

  // Nobody restarted the workers: both are the processes started above, still running.
  for (const w of workers) expect(isRunning(w.child), w.output()).toBe(true);
  // The segment also picks a demo contact or two: every recipient once, each of ours among them.
  const perRecipient = [...mailsPerRecipient(fake!, mailingId)];
  expect(perRecipient.filter(([, n]) => n !== 1)).toEqual([]);
  expect(perRecipient.filter(([to]) => to.endsWith("@restart.example"))).toHaveLength(RECIPIENTS);
  expect(fake!.violations).toEqual([]);
  const statuses = await db.delivery.groupBy({ by: ["status"], where: { mailingId }, _count: true });
  expect(statuses.map((s) => [s.status, s._count])).toEqual([["SENT", perRecipient.length]]);
  // The app's pool handler heard the connections go (lib/db/client.ts), one line each, and nothing worse happened.
  const logs = workers.map((w) => w.output()).join("\n");
  expect(logs).toContain("database connection lost");
  expect(logs).not.toContain('"name":"object"');
  console.log(
    `[postgres-restart] restart after ${restartAt} mails (took ${restartMs} ms), crash after ${crashAt} ` +
      `(${crashAtMs} ms in, up again at ${crashedAfterMs} ms), SENT at ${finishedAfterMs} ms; ` +
      `${fake!.requests.length} API requests for ${Math.ceil(perRecipient.length / 100)} batches`,
  );
}, 180_000);
