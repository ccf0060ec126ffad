// A reply to the person from a privacy request: queued in the person's language with the template's opening, the
// handler's words and the reference, Reply-To the privacy contact, in one transaction with its audit entry (which
// names the template, never the text); refused per field, for an erased person, and for "extended" before an
// extension; listed on the request.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listRequestReplies } from "@/lib/privacy-requests/list-request-replies";
import { replyToPrivacyRequest } from "@/lib/privacy-requests/reply-to-privacy-request";
import { getPolicy } from "@/lib/policy/current-policy";
import { createTestDb, type TestDb } from "../support/db";
import { makeContact, makeStaffUser, unique } from "../factories";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t.close());

async function request(opts: { language: "sv" | "en"; withContact?: boolean; extended?: boolean }) {
  const person = await makeContact(t.db, { name: `Ada ${unique()}`, language: opts.language });
  const received = new Date("2026-11-20T09:00:00Z");
  const row = await t.db.privacyRequest.create({
    data: {
      type: "ACCESS",
      channel: "EMAIL",
      receivedAt: received,
      dueAt: new Date("2026-12-20T09:00:00Z"),
      ...(opts.extended
        ? { extendedDueAt: new Date("2027-02-20T09:00:00Z"), extensionReason: "Many systems to search through." }
        : {}),
      contactId: opts.withContact === false ? null : person.id,
    },
  });
  return { id: row.id, person };
}

const mailsTo = (email: string) => t.db.queuedMail.findMany({ where: { to: { has: email } } });
const replies = (id: string) =>
  t.db.auditEvent.findMany({ where: { subjectId: id, action: "privacy_request.replied" } });

describe("replyToPrivacyRequest", () => {
  it("queues the reply in the person's language with its audit entry", async () => {
    const handler = await makeStaffUser(t.db, "PRIVACY_OFFICER");
    const { id, person } = await request({ language: "en" });
    const r = await replyToPrivacyRequest({
      db: t.db,
      id,
      input: { template: "received", message: "We are collecting your data from three systems." },
      actor: { type: "STAFF", id: handler.id },
    });
    expect(r).toEqual({ ok: true, template: "received" });
    const [mail] = await mailsTo(person.email);
    expect(mail?.subject).toBe("We have received your request");
    expect(mail?.text).toContain("We have received your request for access");
    expect(mail?.text).toContain("2026-12-20");
    expect(mail?.text).toContain("We are collecting your data from three systems.");
    expect(mail?.text).toContain(id);
    expect(mail?.headers).toMatchObject({ "Reply-To": getPolicy().controller.privacyContact });
    const [entry] = await replies(id);
    expect(entry).toMatchObject({ actorId: handler.id, subjectType: "PrivacyRequest", fields: ["template"] });
    expect(entry?.personalValues).toEqual({ template: "received", withMessage: true });
    expect(JSON.stringify(entry?.personalValues)).not.toContain("three systems");
    const listed = await listRequestReplies({ db: t.db, requestId: id });
    expect(listed).toEqual([{ at: entry!.at, template: "received", by: handler.name }]);
  });

  it("writes Swedish to a Swedish person, with the new date and reason of an extension", async () => {
    const handler = await makeStaffUser(t.db, "SUPPORT");
    const { id, person } = await request({ language: "sv", extended: true });
    const r = await replyToPrivacyRequest({
      db: t.db,
      id,
      input: { template: "extended" },
      actor: { type: "STAFF", id: handler.id },
    });
    expect(r.ok).toBe(true);
    const [mail] = await mailsTo(person.email);
    expect(mail?.subject).toBe("Vi behöver mer tid för din begäran");
    expect(mail?.text).toContain("2027-02-20");
    expect(mail?.text).toContain("Many systems to search through.");
    expect(mail?.text).toContain("Hej Ada");
  });

  it("refuses per field and sends nothing", async () => {
    const handler = await makeStaffUser(t.db, "PRIVACY_OFFICER");
    const { id, person } = await request({ language: "sv" });
    const actor = { type: "STAFF" as const, id: handler.id };
    expect(await replyToPrivacyRequest({ db: t.db, id, input: { template: "clarify", message: " " }, actor })).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { message: "message_required" },
    });
    expect(await replyToPrivacyRequest({ db: t.db, id, input: { template: "nonsense" }, actor })).toMatchObject({
      code: "invalid",
      fieldErrors: { template: "template_invalid" },
    });
    expect(
      await replyToPrivacyRequest({ db: t.db, id, input: { template: "received", message: "x".repeat(4001) }, actor }),
    ).toMatchObject({ code: "invalid", fieldErrors: { message: "message_too_long" } });
    expect(await replyToPrivacyRequest({ db: t.db, id, input: { template: "extended" }, actor })).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { template: "not_extended" },
    });
    expect(await mailsTo(person.email)).toEqual([]);
    expect(await replies(id)).toEqual([]);
  });

  it("has no one to answer when the person is erased or unknown, and no request to answer when it is gone", async () => {
    const handler = await makeStaffUser(t.db, "PRIVACY_OFFICER");
    const actor = { type: "STAFF" as const, id: handler.id };
    const { id } = await request({ language: "sv", withContact: false });
    expect(await replyToPrivacyRequest({ db: t.db, id, input: { template: "received" }, actor })).toEqual({
      ok: false,
      code: "conflict",
      reason: "no_address",
    });
    expect(await replies(id)).toEqual([]);
    expect(await replyToPrivacyRequest({ db: t.db, id: "no-such", input: { template: "received" }, actor })).toEqual({
      ok: false,
      code: "not_found",
    });
  });
});
