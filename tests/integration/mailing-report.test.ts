// A mailing's delivery report (lib/mailings/get-mailing-report.ts): totals from the send log, a timeline per 10
// minutes (or per hour for a long send) from the start, and the mailing's access rule: roles that send mailings see
// it, others are refused. Every test makes its own mailing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getMailingReport } from "@/lib/mailings/get-mailing-report";
import { listMailings } from "@/lib/mailings/list-mailings";
import type { DeliveryStatus } from "@/lib/generated/prisma/enums";
import { makeMailing, makeSegment, makeStaffUser, makeTopic } from "../factories";
import { createTestDb, type TestDb } from "../support/db";

const MIN = 60_000;
const start = new Date("2026-11-20T09:00:00Z");
let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

type Row = { status: DeliveryStatus; sentAfter?: number; outcomeAfter?: number; unsubscribedAfter?: number };

async function sentMailing(rows: Row[], startedAt: Date | null = start) {
  const topic = await makeTopic(t.db);
  const segment = await makeSegment(t.db);
  const mailing = await makeMailing(t.db, { topicId: topic.id, segmentId: segment.id });
  await t.db.mailing.update({
    where: { id: mailing.id },
    data: { status: startedAt ? "SENT" : "DRAFT", startedAt },
  });
  const at = (minutes?: number) => (minutes === undefined ? null : new Date(+start + minutes * MIN));
  // Deliveries without a contact (as after an erasure), so no contacts are needed.
  await t.db.delivery.createMany({
    data: rows.map((r) => ({
      mailingId: mailing.id,
      batch: 0,
      status: r.status,
      sentAt: at(r.sentAfter),
      updatedAt: at(r.outcomeAfter ?? r.sentAfter) ?? start,
      unsubscribedAt: at(r.unsubscribedAfter),
    })),
  });
  return mailing;
}

describe("mailing report", () => {
  it("counts the totals and places each event in its 10-minute slot from the start", async () => {
    const marketing = await makeStaffUser(t.db, "MARKETING");
    const mailing = await sentMailing([
      { status: "DELIVERED", sentAfter: 1, outcomeAfter: 2 },
      { status: "DELIVERED", sentAfter: 1, outcomeAfter: 12, unsubscribedAfter: 45 },
      { status: "BOUNCED", sentAfter: 2, outcomeAfter: 3 },
      { status: "COMPLAINED", sentAfter: 11, outcomeAfter: 25 },
      { status: "SENT", sentAfter: 12 },
      { status: "SUPPRESSED" },
    ]);
    const r = await getMailingReport({ db: t.db, staff: marketing, mailingId: mailing.id });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const { totals, timeline } = r.report;
    expect(totals).toMatchObject({
      total: 6,
      sent: 5,
      delivered: 2,
      bounced: 1,
      complained: 1,
      suppressed: 1,
      unsubscribed: 1,
    });
    expect(timeline!.bucketMinutes).toBe(10);
    expect(timeline!.foldedAfterHours).toBeNull();
    const slots = timeline!.buckets.map(({ start: s, ...counts }) => [(+s - +start) / MIN, counts]);
    expect(slots).toEqual([
      [0, { sent: 3, delivered: 1, bounced: 1, complained: 0, unsubscribed: 0 }],
      [10, { sent: 2, delivered: 1, bounced: 0, complained: 0, unsubscribed: 0 }],
      [20, { sent: 0, delivered: 0, bounced: 0, complained: 1, unsubscribed: 0 }],
      [30, { sent: 0, delivered: 0, bounced: 0, complained: 0, unsubscribed: 0 }],
      [40, { sent: 0, delivered: 0, bounced: 0, complained: 0, unsubscribed: 1 }],
    ]);
  });

  it("counts per hour when events span more than six hours, and folds what comes after 72 hours", async () => {
    const po = await makeStaffUser(t.db, "PRIVACY_OFFICER");
    const mailing = await sentMailing([
      { status: "DELIVERED", sentAfter: 5, outcomeAfter: 65 },
      { status: "DELIVERED", sentAfter: 5, outcomeAfter: 7 * 60 + 30 },
      { status: "BOUNCED", sentAfter: 5, outcomeAfter: 80 * 60 },
    ]);
    const r = await getMailingReport({ db: t.db, staff: po, mailingId: mailing.id });
    if (!r.ok) throw new Error(r.code);
    const timeline = r.report.timeline!;
    expect(timeline.bucketMinutes).toBe(60);
    expect(timeline.buckets).toHaveLength(72);
    expect(timeline.foldedAfterHours).toBe(72);
    expect(timeline.buckets[0]).toMatchObject({ sent: 3, delivered: 0 });
    expect(timeline.buckets[1]).toMatchObject({ delivered: 1 });
    expect(timeline.buckets[7]).toMatchObject({ delivered: 1 });
    expect(timeline.buckets[71]).toMatchObject({ bounced: 1 });
  });

  it("has no timeline before sending starts", async () => {
    const admin = await makeStaffUser(t.db, "ADMIN");
    const mailing = await sentMailing([], null);
    const r = await getMailingReport({ db: t.db, staff: admin, mailingId: mailing.id });
    expect(r).toMatchObject({ ok: true, report: { timeline: null, totals: { total: 0 } } });
  });

  it("refuses roles that may not send mailings, and answers not found for an unknown id", async () => {
    const mailing = await sentMailing([{ status: "DELIVERED", sentAfter: 1 }]);
    for (const role of ["ACCOUNT_MANAGER", "SUPPORT"] as const) {
      const staff = await makeStaffUser(t.db, role);
      expect(await getMailingReport({ db: t.db, staff, mailingId: mailing.id })).toMatchObject({
        ok: false,
        code: "forbidden",
      });
    }
    const marketing = await makeStaffUser(t.db, "MARKETING");
    expect(await getMailingReport({ db: t.db, staff: marketing, mailingId: "no-such-mailing" })).toMatchObject({
      ok: false,
      code: "not_found",
    });
  });

  it("gives the mailing list (and the staff home) who unsubscribed through each mailing", async () => {
    const marketing = await makeStaffUser(t.db, "MARKETING");
    const mailing = await sentMailing([
      { status: "DELIVERED", sentAfter: 1, unsubscribedAfter: 30 },
      { status: "DELIVERED", sentAfter: 1 },
      { status: "COMPLAINED", sentAfter: 1, unsubscribedAfter: 40 },
    ]);
    const list = await listMailings({ db: t.db, staff: marketing, page: 1 });
    if (!list.ok) throw new Error(list.code);
    const row = list.rows.find((m) => m.id === mailing.id)!;
    expect(row.counts).toMatchObject({ delivered: 2, complained: 1, unsubscribed: 2 });
  });
});
