// The privacy-request queue holds only work: a person reading /me or downloading their data is an access event in
// the audit trail (shown to staff as "copies given to the person"), never a request, while every open request is
// listed to handle, however far away its due date.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordSelfAccess } from "@/lib/contacts/record-self-access";
import { viewContact } from "@/lib/contacts/view-contact";
import { exportContactData } from "@/lib/export/export-contact-data";
import { listPrivacyRequests } from "@/lib/privacy-requests/list-privacy-requests";
import { makeContact, makeStaffUser } from "../factories";
import { createTestDb, type TestDb } from "../support/db";

const DAY = 86_400_000;
let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.close());

describe("self-service access", () => {
  it("opening /me twice in a session and downloading twice adds no request, one view and two downloads", async () => {
    const { id } = await makeContact(t.db);
    const sessionStartedAt = new Date(Date.now() - 5 * 60_000);
    const at = (minutes: number) => new Date(sessionStartedAt.getTime() + minutes * 60_000);
    await recordSelfAccess({ db: t.db, contactId: id, sessionStartedAt, now: at(1) });
    await recordSelfAccess({ db: t.db, contactId: id, sessionStartedAt, now: at(2) });
    expect(await exportContactData({ db: t.db, contactId: id, format: "json", lang: "en", now: at(3) })).toMatchObject({
      ok: true,
    });
    expect(await exportContactData({ db: t.db, contactId: id, format: "csv", lang: "en", now: at(4) })).toMatchObject({
      ok: true,
    });

    expect(await t.db.privacyRequest.count({ where: { contactId: id } })).toBe(0);
    const events = await t.db.auditEvent.findMany({
      where: {
        subjectType: "Contact",
        subjectId: id,
        action: { in: ["contact.viewed_by_self", "contact.exported_by_self"] },
      },
      orderBy: { seq: "asc" },
      select: { action: true, actorType: true, actorId: true, fields: true, at: true },
    });
    expect(events).toEqual([
      { action: "contact.viewed_by_self", actorType: "CONTACT", actorId: id, fields: [], at: at(1) },
      { action: "contact.exported_by_self", actorType: "CONTACT", actorId: id, fields: ["json"], at: at(3) },
      { action: "contact.exported_by_self", actorType: "CONTACT", actorId: id, fields: ["csv"], at: at(4) },
    ]);

    // Staff with the full-record right see when the person got a copy, newest first; others see nothing of it.
    const officer = await makeStaffUser(t.db, "PRIVACY_OFFICER");
    const view = await viewContact({ db: t.db, staff: officer, contactId: id });
    expect(view.ok).toBe(true);
    if (!view.ok) return;
    expect(view.view.copiesGiven).toEqual([
      { at: at(4), kind: "csv" },
      { at: at(3), kind: "json" },
      { at: at(1), kind: "shown" },
    ]);
    const marketing = await makeStaffUser(t.db, "MARKETING");
    const limited = await viewContact({ db: t.db, staff: marketing, contactId: id });
    expect(limited.ok && limited.view.copiesGiven).toBeNull();
  });

  it("shows at most the last 20 copies given", async () => {
    const { id } = await makeContact(t.db);
    const start = new Date(Date.now() - DAY);
    for (let i = 0; i < 22; i++)
      await exportContactData({
        db: t.db,
        contactId: id,
        format: "json",
        lang: "en",
        now: new Date(+start + i * 60_000),
      });
    const officer = await makeStaffUser(t.db, "PRIVACY_OFFICER");
    const view = await viewContact({ db: t.db, staff: officer, contactId: id });
    if (!view.ok) throw new Error("no view");
    expect(view.view.copiesGiven).toHaveLength(20);
    expect(view.view.copiesGiven![0]!.at).toEqual(new Date(+start + 21 * 60_000));
  });
});

describe("the list to handle", () => {
  it("holds every open request by effective due date, a rectification due in 30 days included", async () => {
    const now = new Date("2026-12-02T12:00:00Z");
    const { id: contactId } = await makeContact(t.db);
    const request = (over: { dueInDays: number; extendedInDays?: number; completed?: boolean }) =>
      t.db.privacyRequest.create({
        data: {
          contactId,
          type: "RECTIFICATION",
          channel: "EMAIL",
          receivedAt: new Date(+now - DAY),
          dueAt: new Date(+now + over.dueInDays * DAY),
          extendedDueAt: over.extendedInDays === undefined ? null : new Date(+now + over.extendedInDays * DAY),
          status: over.completed ? "COMPLETED" : over.dueInDays > 10 ? "RECEIVED" : "IN_PROGRESS",
          completedAt: over.completed ? now : null,
        },
        select: { id: true },
      });
    const inAMonth = await request({ dueInDays: 30 });
    const late = await request({ dueInDays: -3 });
    const soon = await request({ dueInDays: 5 });
    const extended = await request({ dueInDays: -10, extendedInDays: 40 });
    const done = await request({ dueInDays: 2, completed: true });

    const { toHandle } = await listPrivacyRequests({ db: t.db, now });
    const mine = toHandle.filter((r) => r.contact?.id === contactId);
    expect(mine.map((r) => [r.id, r.urgency])).toEqual([
      [late.id, "overdue"],
      [soon.id, "soon"],
      [inAMonth.id, "later"],
      [extended.id, "later"],
    ]);
    expect(toHandle.map((r) => r.id)).not.toContain(done.id);
  });
});
