// The staff home's overview (lib/dashboard): each role sees its section and only its section, with figures that
// follow the register. Every test makes its own rows (factories) and passes alone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAuditEvents } from "@/lib/audit/record-audit-event";
import { loadStaffDashboard } from "@/lib/dashboard/load-staff-dashboard";
import { makeContact, makeOrganisation, makeStaffUser } from "../factories";
import { createTestDb, type TestDb } from "../support/db";

const now = new Date("2026-12-02T12:00:00Z");
const DAY = 86_400_000;
let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

describe("staff dashboard", () => {
  it("shows each role only its own sections", async () => {
    const sections = async (role: Parameters<typeof makeStaffUser>[1]) => {
      const staff = await makeStaffUser(t.db, role);
      const board = await loadStaffDashboard({ db: t.db, staff, now });
      return Object.entries(board)
        .filter(([, v]) => v !== null)
        .map(([k]) => k)
        .sort();
    };
    // The privacy officer holds every permission but administration, so also sees the mailings (and the incidents).
    expect(await sections("PRIVACY_OFFICER")).toEqual(["incidents", "marketing", "privacy"]);
    expect(await sections("MARKETING")).toEqual(["marketing"]);
    expect(await sections("ACCOUNT_MANAGER")).toEqual(["accountManager"]);
    expect(await sections("ADMIN")).toEqual(expect.arrayContaining(["admin", "incidents"]));
    expect(await sections("SUPPORT")).not.toContain("incidents");
  });

  it("lists open privacy requests by their effective due date and counts the overdue", async () => {
    const po = await makeStaffUser(t.db, "PRIVACY_OFFICER");
    const contact = await makeContact(t.db);
    const request = (over: { dueInDays: number; extendedInDays?: number; completed?: boolean; type?: "ACCESS" }) =>
      t.db.privacyRequest.create({
        data: {
          contactId: contact.id,
          type: over.type ?? "RECTIFICATION",
          channel: "EMAIL",
          receivedAt: new Date(+now - 10 * DAY),
          dueAt: new Date(+now + over.dueInDays * DAY),
          extendedDueAt: over.extendedInDays === undefined ? null : new Date(+now + over.extendedInDays * DAY),
          status: over.completed ? "COMPLETED" : "RECEIVED",
          completedAt: over.completed ? now : null,
        },
        select: { id: true },
      });
    const late = await request({ dueInDays: -2 });
    const soon = await request({ dueInDays: 20, type: "ACCESS" });
    const extended = await request({ dueInDays: -5, extendedInDays: 50 });
    await request({ dueInDays: -9, completed: true });

    const board = await loadStaffDashboard({ db: t.db, staff: po, now });
    expect(board.privacy).toMatchObject({ open: 3, overdue: 1, dueIn30Days: 1 });
    expect(board.privacy!.next.map((r) => r.id)).toEqual([late.id, soon.id, extended.id]);
    expect(board.privacy!.byType).toEqual([
      { type: "RECTIFICATION", count: 2 },
      { type: "ACCESS", count: 1 },
    ]);
  });

  it("counts erasures per Stockholm month, empty months included", async () => {
    const po = await makeStaffUser(t.db, "PRIVACY_OFFICER");
    const erased = (at: Date) => ({
      // one erasure at `at`
      actor: { type: "SYSTEM" as const, id: "test" },
      action: "contact.erased" as const,
      subject: { type: "Contact", id: `gone-${+at}` },
    });
    // 23:30 UTC on 31 October is 00:30 on 1 November in Stockholm: a November erasure.
    await t.db.$transaction(async (tx) => {
      await recordAuditEvents(tx, [erased(new Date("2026-10-31T23:30:00Z"))], new Date("2026-10-31T23:30:00Z"));
      await recordAuditEvents(tx, [erased(new Date("2026-09-10T10:00:00Z"))], new Date("2026-09-10T10:00:00Z"));
      await recordAuditEvents(tx, [erased(new Date("2026-12-01T10:00:00Z"))], new Date("2026-12-01T10:00:00Z"));
    });
    const board = await loadStaffDashboard({ db: t.db, staff: po, now });
    expect(board.privacy!.erasuresByMonth).toEqual([
      { month: "2026-07", count: 0 },
      { month: "2026-08", count: 0 },
      { month: "2026-09", count: 1 },
      { month: "2026-10", count: 0 },
      { month: "2026-11", count: 1 },
      { month: "2026-12", count: 1 },
    ]);
  });

  it("shows an account manager their organisations, ended roles and recipients' own changes there only", async () => {
    const am = await makeStaffUser(t.db, "ACCOUNT_MANAGER");
    const other = await makeStaffUser(t.db, "ACCOUNT_MANAGER");
    const mine = await makeOrganisation(t.db, { accountManagerId: am.id, name: "Mine AB" });
    const theirs = await makeOrganisation(t.db, { accountManagerId: other.id });
    const leaver = await makeContact(t.db, {
      roles: [{ organisationId: mine.id, type: "SYSTEM_OWNER", title: null, startsOn: new Date("2024-01-01") }],
    });
    await t.db.contactRole.updateMany({ where: { contactId: leaver.id }, data: { endsOn: new Date(+now - 10 * DAY) } });
    const stayer = await makeContact(t.db, { organisationId: mine.id, now: new Date(+now - 40 * DAY) });
    const elsewhere = await makeContact(t.db, { organisationId: theirs.id, now: new Date(+now - 40 * DAY) });
    const selfChange = (contactId: string) => ({
      actor: { type: "CONTACT" as const, id: contactId },
      action: "contact.corrected_by_self" as const,
      subject: { type: "Contact", id: contactId },
      fields: ["phone"] as const,
    });
    await t.db.$transaction((tx) =>
      recordAuditEvents(tx, [selfChange(stayer.id), selfChange(elsewhere.id)], new Date(+now - DAY)),
    );

    const board = await loadStaffDashboard({ db: t.db, staff: am, now });
    expect(board.accountManager!.organisationCount).toBe(1);
    expect(board.accountManager!.organisations).toEqual([{ id: mine.id, name: "Mine AB" }]);
    expect(board.accountManager!.endedRoles.map((r) => [r.contactId, r.type])).toEqual([[leaver.id, "SYSTEM_OWNER"]]);
    expect(board.accountManager!.selfServiceChanges.map((c) => [c.contactId, c.action])).toEqual([
      [stayer.id, "contact.corrected_by_self"],
    ]);
  });

  it("counts opt-outs of the last 30 days for marketing", async () => {
    const marketing = await makeStaffUser(t.db, "MARKETING");
    const before = (await loadStaffDashboard({ db: t.db, staff: marketing, now })).marketing!.optOutsLast30Days;
    await makeContact(t.db, { marketingOptOutAt: new Date(+now - 3 * DAY) });
    await makeContact(t.db, { marketingOptOutAt: new Date(+now - 45 * DAY) });
    const after = (await loadStaffDashboard({ db: t.db, staff: marketing, now })).marketing!.optOutsLast30Days;
    expect(after - before).toBe(1);
  });
});
