// A backlog of open privacy requests larger than a page (lib/privacy-requests/list-privacy-requests.ts and
// open-request-figures.ts): "to handle" counts every open request (overdue, due within seven days) and shows the 50
// due first; the list of every request is paged newest first by keyset, forward and back, without losing or
// repeating a row; the dashboard's figures agree with the register's.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listPrivacyRequests, REQUESTS_PER_PAGE, TO_HANDLE_SHOWN } from "@/lib/privacy-requests/list-privacy-requests";
import { loadStaffDashboard } from "@/lib/dashboard/load-staff-dashboard";
import { makeContact, makeStaffUser } from "../factories";
import { createTestDb, type TestDb } from "../support/db";

const DAY = 86_400_000;
const now = new Date();
let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

describe("a backlog of open requests", () => {
  it("is counted whole, shown 50 due first, and paged without gaps", async () => {
    const { id: contactId } = await makeContact(t.db);
    // 70 open: due from 10 days ago to 59 days ahead (one a day), one extended past the rest; 5 completed.
    const data = Array.from({ length: 75 }, (_, i) => ({
      contactId,
      type: i % 2 ? ("ACCESS" as const) : ("ERASURE" as const),
      channel: "EMAIL" as const,
      receivedAt: new Date(+now - (40 - i) * DAY),
      dueAt: new Date(+now + (i - 10) * DAY + 3_600_000),
      extendedDueAt: i === 0 ? new Date(+now + 80 * DAY) : null,
      status: i >= 70 ? ("COMPLETED" as const) : i % 3 ? ("RECEIVED" as const) : ("IN_PROGRESS" as const),
      completedAt: i >= 70 ? now : null,
    }));
    await t.db.privacyRequest.createMany({ data });

    const list = await listPrivacyRequests({ db: t.db, now });
    // Overdue: i = 1..9 (i = 0 is extended to 80 days ahead); due within 7 days: i = 10..16.
    expect(list.open).toMatchObject({ open: 70, byBucket: { overdue: 9, within7Days: 7 } });
    expect(list.open.byType).toEqual([
      { type: "ACCESS", count: 35 },
      { type: "ERASURE", count: 35 },
    ]);
    expect(list.toHandle).toHaveLength(TO_HANDLE_SHOWN);
    const dues = list.toHandle.map((r) => +r.effectiveDueAt);
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    expect(list.toHandle[0]!.urgency).toBe("overdue");
    expect(list.toHandle.map((r) => r.status)).not.toContain("COMPLETED");

    // Every request, newest first, two pages of 50 and 25, and back.
    expect(list.requests).toHaveLength(REQUESTS_PER_PAGE);
    expect(list.previous).toBeNull();
    const second = await listPrivacyRequests({ db: t.db, now, filter: { after: list.next! } });
    expect(second.requests).toHaveLength(25);
    expect(second.next).toBeNull();
    const seen = [...list.requests, ...second.requests].map((r) => +r.receivedAt);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
    expect(new Set([...list.requests, ...second.requests].map((r) => r.id)).size).toBe(75);
    const back = await listPrivacyRequests({ db: t.db, now, filter: { before: second.previous! } });
    expect(back.requests.map((r) => r.id)).toEqual(list.requests.map((r) => r.id));

    // The open filter pages the same way: 70 rows over two pages.
    const open = await listPrivacyRequests({ db: t.db, now, filter: { status: "OPEN" } });
    const openNext = await listPrivacyRequests({ db: t.db, now, filter: { status: "OPEN", after: open.next! } });
    expect(open.requests.length + openNext.requests.length).toBe(70);

    const officer = await makeStaffUser(t.db, "PRIVACY_OFFICER");
    const board = await loadStaffDashboard({ db: t.db, staff: officer, now });
    expect(board.privacy).toMatchObject({ open: 70, overdue: 9 });
    expect(board.privacy!.next.map((r) => r.id)).toEqual(list.toHandle.slice(0, 8).map((r) => r.id));
  });
});
