// A mailing's tally and timeline (MailingTally, MailingTimeline; migration mailing_tallies) are kept by a trigger on
// Delivery, so the mailing pages read a few rows instead of counting the send log. Whatever writes deliveries (the
// expansion's insert, a batch claim, its outcome, a webhook, an unsubscribe, an erased contact, a cancellation, a
// deleted mailing), the tally must equal a recount from Delivery, and two writers of one mailing at once must neither
// deadlock nor lose a count.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countDeliveries } from "@/lib/mailings/get-mailing-progress";
import { makeContact, makeMailing, makeSegment, makeTopic } from "../factories";
import { createTestDb, type TestDb } from "../support/db";

let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

type Tally = { status: string; skipReason: string; n: number; unsubscribed: number };
type Slot = { slot: Date; kind: string; n: number };

const tallyOf = async (mailingId: string): Promise<Tally[]> =>
  (
    await t.db.mailingTally.findMany({
      where: { mailingId },
      select: { status: true, skipReason: true, n: true, unsubscribed: true },
    })
  )
    .filter((r) => r.n !== 0 || r.unsubscribed !== 0)
    .sort((a, b) => `${a.status}${a.skipReason}`.localeCompare(`${b.status}${b.skipReason}`));

const recount = async (mailingId: string): Promise<Tally[]> =>
  (
    await t.db.$queryRaw<Tally[]>`
      SELECT status::text AS status, COALESCE("skipReason", '') AS "skipReason", count(*)::int AS n,
             count("unsubscribedAt")::int AS unsubscribed
        FROM "Delivery" WHERE "mailingId" = ${mailingId} GROUP BY 1, 2`
  ).sort((a, b) => `${a.status}${a.skipReason}`.localeCompare(`${b.status}${b.skipReason}`));

const timelineOf = async (mailingId: string): Promise<Slot[]> =>
  t.db.$queryRaw<Slot[]>`
    SELECT slot, kind, n FROM "MailingTimeline" WHERE "mailingId" = ${mailingId} AND n <> 0 ORDER BY slot, kind`;

const retimeline = async (mailingId: string): Promise<Slot[]> =>
  t.db.$queryRaw<Slot[]>`
    SELECT date_bin('10 minutes', e.ts, TIMESTAMP '2000-01-01') AS slot, e.kind, count(*)::int AS n
      FROM "Delivery" d
     CROSS JOIN LATERAL (VALUES ('sent', d."sentAt"),
           (lower(d.status::text), CASE WHEN d.status IN ('DELIVERED', 'BOUNCED', 'COMPLAINED') THEN d."updatedAt" END),
           ('unsubscribed', d."unsubscribedAt")) e(kind, ts)
     WHERE d."mailingId" = ${mailingId} AND e.ts IS NOT NULL
     GROUP BY 1, 2 ORDER BY 1, 2`;

async function expectInStep(mailingId: string) {
  expect(await tallyOf(mailingId)).toEqual(await recount(mailingId));
  expect(await timelineOf(mailingId)).toEqual(await retimeline(mailingId));
}

async function mailingWith(contacts: number) {
  const topic = await makeTopic(t.db);
  const segment = await makeSegment(t.db);
  const mailing = await makeMailing(t.db, { topicId: topic.id, segmentId: segment.id });
  const ids: string[] = [];
  for (let i = 0; i < contacts; i++) ids.push((await makeContact(t.db)).id);
  // As the expansion writes them: one INSERT … SELECT for the chunk, batches of 5 here.
  await t.db.$executeRaw`
    INSERT INTO "Delivery" ("mailingId", "contactId", "batch")
    SELECT ${mailing.id}, c.id, (c.n - 1) / 5
      FROM unnest(${ids}::text[]) WITH ORDINALITY AS c(id, n)`;
  return { mailing, contactIds: ids };
}

describe("mailing tallies", () => {
  it("follow every kind of write to the send log", async () => {
    const { mailing, contactIds } = await mailingWith(12);
    expect(await tallyOf(mailing.id)).toEqual([{ status: "QUEUED", skipReason: "", n: 12, unsubscribed: 0 }]);

    // A batch claim: two left out with reasons, the rest SENDING; then the provider's answer.
    const at = new Date("2026-11-20T09:04:00Z");
    await t.db.$executeRaw`
      UPDATE "Delivery" SET status = (CASE WHEN batch = 0 AND "contactId" = ANY(${contactIds.slice(0, 2)}::text[])
          THEN 'SUPPRESSED' ELSE 'SENDING' END)::"DeliveryStatus",
        "skipReason" = CASE WHEN "contactId" = ${contactIds[0]} THEN 'OPTED_OUT'
                            WHEN "contactId" = ${contactIds[1]} THEN 'SUPPRESSED_HARD_BOUNCE' END,
        attempts = attempts + 1
      WHERE "mailingId" = ${mailing.id} AND batch = 0`;
    await t.db.delivery.updateMany({
      where: { mailingId: mailing.id, batch: 0, status: "SENDING" },
      data: { status: "SENT", sentAt: at, updatedAt: at },
    });
    await expectInStep(mailing.id);

    // Webhooks, one delivery at a time; an unsubscribe through the mailing's link, an hour later.
    const sent = await t.db.delivery.findMany({
      where: { mailingId: mailing.id, status: "SENT" },
      orderBy: { id: "asc" },
    });
    await t.db.delivery.update({
      where: { id: sent[0]!.id },
      data: { status: "DELIVERED", updatedAt: new Date("2026-11-20T09:15:00Z") },
    });
    await t.db.delivery.update({
      where: { id: sent[1]!.id },
      data: { status: "BOUNCED", updatedAt: new Date("2026-11-20T09:25:00Z") },
    });
    await t.db.delivery.update({
      where: { id: sent[0]!.id },
      data: { unsubscribedAt: new Date("2026-11-20T10:01:00Z") },
    });
    // Counted again at the same status (a retried claim): nothing counted moves.
    await t.db.delivery.updateMany({
      where: { mailingId: mailing.id, batch: 1 },
      data: { attempts: { increment: 1 } },
    });
    // An erased contact's deliveries keep their counts without the person.
    await t.db.contact.delete({ where: { id: contactIds[2]! } });
    // The rest is cancelled; one delivery row removed outright.
    await t.db.delivery.updateMany({
      where: { mailingId: mailing.id, status: "QUEUED" },
      data: { status: "CANCELLED" },
    });
    await t.db.delivery.delete({ where: { id: sent[2]!.id } });
    await expectInStep(mailing.id);

    const counts = await countDeliveries(t.db, mailing.id);
    expect(counts).toMatchObject({
      total: 11,
      sent: 2,
      delivered: 1,
      bounced: 1,
      suppressed: 2,
      suppressedBy: { OPTED_OUT: 1, SUPPRESSED_HARD_BOUNCE: 1 },
      cancelled: 7,
      unsubscribed: 1,
    });
    expect(await timelineOf(mailing.id)).toEqual([
      { slot: new Date("2026-11-20T09:00:00Z"), kind: "sent", n: 2 },
      { slot: new Date("2026-11-20T09:10:00Z"), kind: "delivered", n: 1 },
      { slot: new Date("2026-11-20T09:20:00Z"), kind: "bounced", n: 1 },
      { slot: new Date("2026-11-20T10:00:00Z"), kind: "unsubscribed", n: 1 },
    ]);
  });

  it("go with a deleted mailing (its deliveries cascade) without a dangling row", async () => {
    const { mailing } = await mailingWith(3);
    await t.db.mailing.delete({ where: { id: mailing.id } });
    expect(await t.db.mailingTally.count({ where: { mailingId: mailing.id } })).toBe(0);
    expect(await t.db.mailingTimeline.count({ where: { mailingId: mailing.id } })).toBe(0);
  });

  it("stay exact when batches of one mailing are claimed and sent at the same time", async () => {
    const { mailing } = await mailingWith(40);
    const at = new Date("2026-11-20T12:00:00Z");
    // Eight writers, each holding its batch's rows and then the tally rows, as concurrent batch jobs do.
    await Promise.all(
      Array.from({ length: 8 }, (_, batch) =>
        t.db.$transaction(async (tx) => {
          await tx.delivery.updateMany({
            where: { mailingId: mailing.id, batch },
            data: { status: "SENDING", attempts: { increment: 1 } },
          });
          await tx.delivery.updateMany({
            where: { mailingId: mailing.id, batch, status: "SENDING" },
            data: { status: "SENT", sentAt: at, updatedAt: at },
          });
        }),
      ),
    );
    expect(await tallyOf(mailing.id)).toEqual([{ status: "SENT", skipReason: "", n: 40, unsubscribed: 0 }]);
    await expectInStep(mailing.id);
  });
});
