// The privacy-request register: staff record requests arriving by email, phone or letter (linked to the contact by
// address, or kept under a non-personal reference), due one month from receipt, extendable by at most two months with
// a reason; status, handler and outcome; every open request to handle, earliest due first, marked overdue or
// due soon; every change audited.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { completePrivacyRequest } from "@/lib/privacy-requests/complete-privacy-request";
import { extendPrivacyRequest } from "@/lib/privacy-requests/extend-privacy-request";
import { getPrivacyRequest, listPrivacyRequests } from "@/lib/privacy-requests/list-privacy-requests";
import { recordStaffRequest } from "@/lib/privacy-requests/record-staff-request";
import { updatePrivacyRequest } from "@/lib/privacy-requests/update-privacy-request";
import { hashAddress } from "@/lib/suppression/hash-address";
import { createTestDb, type TestDb } from "../support/db";
import { makeContact, makeStaffUser, unique } from "../factories";

const KEY = "k".repeat(40);
const NOW = new Date("2025-03-10T09:00:00Z");
let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.close());

/** Support staff who record requests and a privacy officer who handles them, the test's own. */
async function setUp() {
  const SUPPORT = { type: "STAFF" as const, id: (await makeStaffUser(t.db, "SUPPORT")).id };
  const OFFICER = { type: "STAFF" as const, id: (await makeStaffUser(t.db, "PRIVACY_OFFICER")).id };
  const record = (input: Record<string, unknown>, now = NOW) =>
    recordStaffRequest({ db: t.db, input, actor: SUPPORT, suppressionKey: KEY, now });
  return { SUPPORT, OFFICER, record };
}

describe("recording a request", () => {
  it("links it to the contact by address, due one month after receipt, audited", async () => {
    const { SUPPORT, record } = await setUp();
    const tag = unique();
    const lena = await makeContact(t.db, {
      email: `lena.svensson.${tag}@nordlys.example`,
      suppressionKey: KEY,
      now: NOW,
    });
    const r = await record({
      type: "ACCESS",
      channel: "PHONE",
      receivedOn: "2025-03-03",
      email: ` Lena.Svensson.${tag}@Nordlys.example `,
      details: "Wants a copy of everything",
    });
    expect(r).toMatchObject({ ok: true, contactId: lena.id });
    if (!r.ok) return;
    expect(r.dueAt.toISOString()).toBe("2025-04-03T00:00:00.000Z");
    const audit = await t.db.auditEvent.findMany({ where: { subjectType: "PrivacyRequest", subjectId: r.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "privacy_request.recorded", actorType: "STAFF", actorId: SUPPORT.id });
  });

  it("keeps only a hash reference for an unknown address, and a free reference without one", async () => {
    const { record } = await setUp();
    const address = `x.${unique()}@y.example`;
    const unknown = await record({ type: "ERASURE", channel: "EMAIL", receivedOn: "2025-03-10", email: address });
    expect(unknown.ok).toBe(true);
    if (!unknown.ok) return;
    const row = await t.db.privacyRequest.findUniqueOrThrow({ where: { id: unknown.id } });
    expect(row).toMatchObject({ contactId: null, subjectRef: hashAddress(address, KEY).slice(0, 12) });

    const letter = await record({ type: "OBJECTION", channel: "LETTER", receivedOn: "2025-01-31", reference: "L-17" });
    expect(letter).toMatchObject({ ok: false, fieldErrors: { receivedOn: "received_too_old" } });
    const letter2 = await record({ type: "OBJECTION", channel: "LETTER", receivedOn: "2025-02-28", reference: "L-17" });
    expect(letter2.ok).toBe(true);
    if (!letter2.ok) return;
    expect(letter2.dueAt.toISOString()).toBe("2025-03-28T00:00:00.000Z");
  });

  it("refuses bad input field by field", async () => {
    const { record } = await setUp();
    expect(await record({ type: "NOPE", channel: "SELF_SERVICE", receivedOn: "10/3", email: "nope" })).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: {
        type: "type_invalid",
        channel: "channel_invalid",
        receivedOn: "received_invalid",
        email: "email_invalid",
      },
    });
    expect(await record({ type: "ACCESS", channel: "EMAIL", receivedOn: "2025-03-11", reference: "r" })).toMatchObject({
      fieldErrors: { receivedOn: "received_in_future" },
    });
    expect(await record({ type: "ACCESS", channel: "EMAIL", receivedOn: "2025-03-10" })).toMatchObject({
      fieldErrors: { email: "subject_required" },
    });
  });
});

const urgencyOf = (board: Awaited<ReturnType<typeof listPrivacyRequests>>, id: string) =>
  board.toHandle.find((x) => x.id === id)?.urgency;

describe("due dates, extension and the list to handle", () => {
  it("marks overdue and due-soon requests; an extension keeps a request to handle but no longer late", async () => {
    const { OFFICER, record } = await setUp();
    const r = await record({ type: "RECTIFICATION", channel: "EMAIL", receivedOn: "2025-02-12", reference: "E-1" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // Due 2025-03-12: two days after NOW.
    let board = await listPrivacyRequests({ db: t.db, now: NOW });
    expect(urgencyOf(board, r.id)).toBe("soon");
    const later = new Date("2025-03-13T00:00:00Z");
    board = await listPrivacyRequests({ db: t.db, now: later });
    expect(urgencyOf(board, r.id)).toBe("overdue");

    expect(
      await extendPrivacyRequest({ db: t.db, id: r.id, input: { months: 2, reason: "short" }, actor: OFFICER }),
    ).toMatchObject({ ok: false, fieldErrors: { reason: "reason_required" } });
    expect(
      await extendPrivacyRequest({
        db: t.db,
        id: r.id,
        input: { months: 3, reason: "Many systems to search" },
        actor: OFFICER,
      }),
    ).toMatchObject({ ok: false, fieldErrors: { months: "months_invalid" } });
    const one = await extendPrivacyRequest({
      db: t.db,
      id: r.id,
      input: { months: "1", reason: "Many systems to search" },
      actor: OFFICER,
      now: later,
    });
    expect(one).toMatchObject({ ok: true });
    if (one.ok) expect(one.extendedDueAt.toISOString()).toBe("2025-04-12T00:00:00.000Z");
    const two = await extendPrivacyRequest({
      db: t.db,
      id: r.id,
      input: { months: 2, reason: "Archive on tape as well" },
      actor: OFFICER,
      now: later,
    });
    expect(two).toMatchObject({ ok: true });
    if (two.ok) expect(two.extendedDueAt.toISOString()).toBe("2025-05-12T00:00:00.000Z");
    // Never beyond two months in total.
    expect(
      await extendPrivacyRequest({
        db: t.db,
        id: r.id,
        input: { months: 2, reason: "Archive on tape as well" },
        actor: OFFICER,
      }),
    ).toMatchObject({ ok: false, fieldErrors: { months: "not_extendable" } });

    board = await listPrivacyRequests({ db: t.db, now: later });
    expect(urgencyOf(board, r.id)).toBe("later");
    const dues = board.toHandle.map((x) => x.effectiveDueAt.getTime());
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    expect(board.toHandle.every((x) => x.completedAt === null && ["RECEIVED", "IN_PROGRESS"].includes(x.status))).toBe(
      true,
    );
    const row = await getPrivacyRequest({ db: t.db, id: r.id });
    expect(row).toMatchObject({ extensionReason: "Archive on tape as well" });
    expect(row!.effectiveDueAt.toISOString()).toBe("2025-05-12T00:00:00.000Z");
  });

  it("sets status, handler and outcome, then closes; filters by status, type and channel", async () => {
    const { OFFICER, record } = await setUp();
    const r = await record({ type: "PORTABILITY", channel: "LETTER", receivedOn: "2025-03-01", reference: "P-9" });
    if (!r.ok) throw new Error("not recorded");
    expect(
      await updatePrivacyRequest({
        db: t.db,
        id: r.id,
        input: { status: "IN_PROGRESS", handlerId: OFFICER.id, outcome: "" },
        actor: OFFICER,
      }),
    ).toEqual({ ok: true, changed: ["status", "handlerId"] });
    expect(
      await updatePrivacyRequest({
        db: t.db,
        id: r.id,
        input: { status: "IN_PROGRESS", handlerId: "nobody" },
        actor: OFFICER,
      }),
    ).toMatchObject({ ok: false, fieldErrors: { handlerId: "handler_invalid" } });
    expect(
      await completePrivacyRequest({
        db: t.db,
        id: r.id,
        input: { status: "COMPLETED", outcome: " " },
        actor: OFFICER,
      }),
    ).toMatchObject({ ok: false, fieldErrors: { outcome: "outcome_required" } });
    expect(
      await completePrivacyRequest({
        db: t.db,
        id: r.id,
        input: { status: "COMPLETED", outcome: "Sent as JSON" },
        actor: OFFICER,
      }),
    ).toEqual({ ok: true });
    expect(
      await completePrivacyRequest({ db: t.db, id: r.id, input: { status: "REJECTED", outcome: "x" }, actor: OFFICER }),
    ).toEqual({ ok: false, code: "conflict", reason: "closed" });

    const letters = await listPrivacyRequests({
      db: t.db,
      now: NOW,
      filter: { channel: "LETTER", status: "COMPLETED" },
    });
    expect(letters.requests.map((x) => x.id)).toEqual([r.id]);
    const open = await listPrivacyRequests({ db: t.db, now: NOW, filter: { status: "OPEN", type: "PORTABILITY" } });
    expect(open.requests).toEqual([]);

    const actions = await t.db.auditEvent.findMany({
      where: { subjectType: "PrivacyRequest", subjectId: r.id },
      orderBy: { seq: "asc" },
      select: { action: true, fields: true },
    });
    expect(actions.map((a) => a.action)).toEqual([
      "privacy_request.recorded",
      "privacy_request.updated",
      "privacy_request.completed",
    ]);
    expect((await verifyAuditChain({ db: t.db })).ok).toBe(true);
  });
});
