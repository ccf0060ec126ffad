// The staff home's chart data (lib/dashboard): each topic's audience, opt-outs per week by source, open requests by
// due date and status, and the audit trail's newest entries; each only for the roles that may see it. Every test
// makes its own rows and passes alone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadStaffDashboard } from "@/lib/dashboard/load-staff-dashboard";
import { countOptOutsByWeek, lastWeekStarts } from "@/lib/dashboard/count-opt-outs-by-week";
import { addSuppression } from "@/lib/suppression/add-suppression";
import { hashAddress } from "@/lib/suppression/hash-address";
import { setSubscription } from "@/lib/subscriptions/set-subscription";
import { unsubscribeFromAll } from "@/lib/subscriptions/unsubscribe-from-all";
import { makeContact, makeStaffUser, makeTopic, TEST_SUPPRESSION_KEY } from "../factories";
import { createTestDb, type TestDb } from "../support/db";

const DAY = 86_400_000;
let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

describe("staff dashboard charts", () => {
  it("counts each topic's audience: may be mailed, stopped, unsubscribed", async () => {
    const marketing = await makeStaffUser(t.db, "MARKETING");
    const topic = await makeTopic(t.db, { defaultCategories: ["CUSTOMER_CONTACT"] });
    const service = await makeTopic(t.db, { isMarketing: false, defaultCategories: ["CUSTOMER_CONTACT"] });
    const empty = await makeTopic(t.db);
    await makeContact(t.db); // subscribed by default, may be mailed
    await makeContact(t.db); // the same
    const optedOut = await makeContact(t.db);
    await unsubscribeFromAll({
      db: t.db,
      contactId: optedOut.id,
      source: "SELF",
      suppressionKey: TEST_SUPPRESSION_KEY,
    });
    await makeContact(t.db, { legalBases: [] }); // subscribed, but no legal basis for either purpose
    const bounced = await makeContact(t.db);
    await t.db.$transaction((tx) =>
      addSuppression(tx, {
        addressHash: hashAddress(bounced.email, TEST_SUPPRESSION_KEY),
        reason: "HARD_BOUNCE",
        scope: "ALL",
        now: new Date(),
      }),
    );
    const leaver = await makeContact(t.db);
    await setSubscription({
      db: t.db,
      contactId: leaver.id,
      topicId: topic.id,
      state: "UNSUBSCRIBED",
      source: "SELF",
      suppressionKey: TEST_SUPPRESSION_KEY,
    });

    const board = await loadStaffDashboard({ db: t.db, staff: marketing });
    const of = (id: string) => board.marketing!.audienceByTopic.find((a) => a.topicId === id);
    // Still subscribed but stopped: the bounced address and the contact without a legal basis. Opting out of all
    // marketing unsubscribes from every marketing topic, so that person counts with the leaver.
    expect(of(topic.id)).toMatchObject({ eligible: 2, stopped: 2, unsubscribed: 2 });
    // A service notice ignores the marketing opt-out, not the bounce or the missing basis.
    expect(of(service.id)).toMatchObject({ eligible: 4, stopped: 2, unsubscribed: 0 });
    expect(of(empty.id)).toMatchObject({ eligible: 0, stopped: 0, unsubscribed: 0 });
  });

  it("counts opt-outs from all marketing per Stockholm week, by source, the last 12 weeks", async () => {
    // Far from the other tests' clock, so only this test's opt-outs fall in the window.
    const now = new Date("2031-03-12T12:00:00Z"); // a Wednesday
    const optOut = async (at: Date, source: "SELF" | "ONE_CLICK") => {
      const c = await makeContact(t.db, { now: new Date(+at - DAY) });
      await unsubscribeFromAll({ db: t.db, contactId: c.id, source, suppressionKey: TEST_SUPPRESSION_KEY, now: at });
    };
    await optOut(new Date("2031-03-10T08:00:00Z"), "ONE_CLICK"); // this week (Monday 10 March)
    await optOut(new Date("2031-03-11T08:00:00Z"), "ONE_CLICK");
    await optOut(new Date("2031-03-09T23:30:00Z"), "SELF"); // 23:30 Sunday UTC is 00:30 Monday in Stockholm
    await optOut(new Date("2031-03-08T12:00:00Z"), "SELF"); // the week before
    await optOut(new Date("2030-12-01T12:00:00Z"), "SELF"); // more than 12 weeks ago

    const weeks = await countOptOutsByWeek({ db: t.db, now });
    expect(weeks).toHaveLength(12);
    expect(weeks.map((w) => w.week)).toEqual(lastWeekStarts(now, 12));
    expect(weeks.at(-1)).toEqual({ week: "2031-03-10", SELF: 1, ONE_CLICK: 2, COMPLAINT: 0, UNKNOWN: 0 });
    expect(weeks.at(-2)).toEqual({ week: "2031-03-03", SELF: 1, ONE_CLICK: 0, COMPLAINT: 0, UNKNOWN: 0 });
    expect(weeks[0]!.week).toBe("2030-12-23");
    const total = weeks.reduce((s, w) => s + w.SELF + w.ONE_CLICK + w.COMPLAINT + w.UNKNOWN, 0);
    expect(total).toBe(4);
  });

  it("splits open requests by how soon they fall due and by status", async () => {
    const now = new Date("2032-06-15T12:00:00Z");
    const po = await makeStaffUser(t.db, "PRIVACY_OFFICER");
    const before = (await loadStaffDashboard({ db: t.db, staff: po, now })).privacy!.byDue;
    const contact = await makeContact(t.db);
    const request = (dueInDays: number, status: "RECEIVED" | "IN_PROGRESS" | "COMPLETED") =>
      t.db.privacyRequest.create({
        data: {
          contactId: contact.id,
          type: "ACCESS",
          channel: "EMAIL",
          receivedAt: new Date(+now - 10 * DAY),
          dueAt: new Date(+now + dueInDays * DAY),
          status,
          completedAt: status === "COMPLETED" ? now : null,
        },
      });
    await request(-1, "RECEIVED");
    await request(3, "IN_PROGRESS");
    await request(3, "RECEIVED");
    await request(20, "IN_PROGRESS");
    await request(60, "RECEIVED");
    await request(-5, "COMPLETED");

    const after = (await loadStaffDashboard({ db: t.db, staff: po, now })).privacy!.byDue;
    const delta = after.map((b, i) => ({
      bucket: b.bucket,
      RECEIVED: b.RECEIVED - before[i]!.RECEIVED,
      IN_PROGRESS: b.IN_PROGRESS - before[i]!.IN_PROGRESS,
    }));
    expect(delta).toEqual([
      { bucket: "overdue", RECEIVED: 1, IN_PROGRESS: 0 },
      { bucket: "within7Days", RECEIVED: 1, IN_PROGRESS: 1 },
      { bucket: "within30Days", RECEIVED: 0, IN_PROGRESS: 1 },
      { bucket: "later", RECEIVED: 1, IN_PROGRESS: 0 },
    ]);
  });

  it("checks the newest audit entries for those who may read the trail, and no one else", async () => {
    const po = await makeStaffUser(t.db, "PRIVACY_OFFICER");
    const support = await makeStaffUser(t.db, "SUPPORT");
    await makeContact(t.db); // at least one entry
    const chain = (await loadStaffDashboard({ db: t.db, staff: po })).privacy!.auditChain;
    expect(chain).toMatchObject({ ok: true });
    expect(chain!.ok && chain!.checked).toBeGreaterThan(0);
    // Support handles privacy requests but may not read the audit trail.
    const board = await loadStaffDashboard({ db: t.db, staff: support });
    expect(board.privacy).not.toBeNull();
    expect(board.privacy!.auditChain).toBeNull();
  });

  it("gives the marketing charts to no role without mailings, and the privacy charts to no role without requests", async () => {
    for (const role of ["ACCOUNT_MANAGER", "SUPPORT"] as const) {
      const board = await loadStaffDashboard({ db: t.db, staff: await makeStaffUser(t.db, role) });
      expect(board.marketing).toBeNull();
    }
    for (const role of ["ACCOUNT_MANAGER", "MARKETING"] as const) {
      const board = await loadStaffDashboard({ db: t.db, staff: await makeStaffUser(t.db, role) });
      expect(board.privacy).toBeNull();
    }
  });
});
