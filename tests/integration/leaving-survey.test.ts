// "Why are you leaving?" (lib/subscriptions/answer-leaving-survey.ts): an answer only for the person's own recent
// unsubscribe on the preference page (never a one-click one), once, with its audit entry in the same transaction;
// bad input refused per field; gone with the contact on erasure; counted per mailing and per topic and month.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eraseContact } from "@/lib/contacts/erase-contact";
import { getContactRecord } from "@/lib/contacts/get-contact-record";
import { toCsv } from "@/lib/export/export-contact-data";
import { countLeavingReasons } from "@/lib/dashboard/count-leaving-reasons";
import { getMailingReport } from "@/lib/mailings/get-mailing-report";
import { markDeliveryUnsubscribed } from "@/lib/mailings/mark-delivery-unsubscribed";
import { answerLeavingSurvey, LEAVING_SURVEY_WINDOW_MS } from "@/lib/subscriptions/answer-leaving-survey";
import { LEAVING_TEXT_MAX } from "@/lib/subscriptions/leaving-survey-input";
import { oneClickUnsubscribe } from "@/lib/subscriptions/one-click-unsubscribe";
import { setSubscription } from "@/lib/subscriptions/set-subscription";
import { unsubscribeFromAll } from "@/lib/subscriptions/unsubscribe-from-all";
import { makeContact, makeMailing, makeSegment, makeStaffUser, makeTopic, TEST_SUPPRESSION_KEY } from "../factories";
import { createTestDb, type TestDb } from "../support/db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

const suppressionKey = TEST_SUPPRESSION_KEY;

/** A contact subscribed to a fresh marketing topic, who then leaves it on the preference page at `at`. */
async function unsubscribedContact(at = new Date()) {
  const topic = await makeTopic(t.db, { defaultCategories: ["CUSTOMER_CONTACT"] });
  const contact = await makeContact(t.db, { category: "CUSTOMER_CONTACT" });
  const r = await setSubscription({
    db: t.db,
    contactId: contact.id,
    topicId: topic.id,
    state: "UNSUBSCRIBED",
    source: "SELF",
    suppressionKey,
    now: at,
  });
  expect(r).toMatchObject({ ok: true, changed: true });
  return { topic, contact, at };
}

const answer = (over: Record<string, unknown>) => ({ reason: "TOO_MANY", text: "", ...over });

describe("answering", () => {
  it("records the answer for the unsubscribe with its audit entry", async () => {
    const { topic, contact, at } = await unsubscribedContact();
    const r = await answerLeavingSurvey({
      db: t.db,
      contactId: contact.id,
      input: answer({ unsubscribedAt: at.toISOString(), topicId: topic.id, text: "  Far too often  " }),
    });
    expect(r.ok).toBe(true);
    const rows = await t.db.leavingAnswer.findMany({ where: { contactId: contact.id } });
    expect(rows).toMatchObject([{ topicId: topic.id, reason: "TOO_MANY", text: "Far too often", mailingId: null }]);
    expect(rows[0]!.unsubscribedAt.getTime()).toBe(at.getTime());
    const audit = await t.db.auditEvent.findFirstOrThrow({
      where: { subjectId: contact.id, action: "subscription.leaving_reason_given" },
    });
    expect(audit.actorType).toBe("CONTACT");
    expect(audit.fields).toEqual(["leavingReason", "leavingText"]);
    expect(audit.personalValues).toMatchObject({ reason: "TOO_MANY", text: "Far too often", topic: topic.key });
  });

  it("answers an unsubscribe from all marketing, and refuses a second answer to the same unsubscribe", async () => {
    const { contact } = await unsubscribedContact(new Date(Date.now() - 60_000));
    const at = new Date();
    const all = await unsubscribeFromAll({ db: t.db, contactId: contact.id, source: "SELF", suppressionKey, now: at });
    expect(all.ok).toBe(true);
    const input = answer({ unsubscribedAt: at.toISOString(), topicId: "", reason: "NEVER_SIGNED_UP" });
    expect((await answerLeavingSurvey({ db: t.db, contactId: contact.id, input })).ok).toBe(true);
    const again = await answerLeavingSurvey({ db: t.db, contactId: contact.id, input: { ...input, reason: "OTHER" } });
    expect(again).toMatchObject({ ok: false, code: "conflict", reason: "already_answered" });
    const rows = await t.db.leavingAnswer.findMany({ where: { contactId: contact.id } });
    expect(rows).toMatchObject([{ topicId: null, reason: "NEVER_SIGNED_UP" }]);
  });

  it("keeps the mailing the link came from", async () => {
    const { topic, contact, at } = await unsubscribedContact();
    const mailing = await makeMailing(t.db, { topicId: topic.id, segmentId: (await makeSegment(t.db)).id });
    const input = answer({ unsubscribedAt: at.toISOString(), topicId: topic.id });
    expect((await answerLeavingSurvey({ db: t.db, contactId: contact.id, mailingId: mailing.id, input })).ok).toBe(
      true,
    );
    expect(await t.db.leavingAnswer.findFirst({ where: { contactId: contact.id } })).toMatchObject({
      mailingId: mailing.id,
    });
  });
});

describe("refusals", () => {
  it("refuses without a preceding unsubscribe of the person's own", async () => {
    const contact = await makeContact(t.db);
    const topic = await makeTopic(t.db);
    const r = await answerLeavingSurvey({
      db: t.db,
      contactId: contact.id,
      input: answer({ unsubscribedAt: new Date().toISOString(), topicId: topic.id }),
    });
    expect(r).toMatchObject({ ok: false, code: "not_found", reason: "no_unsubscribe" });
    // Another person's unsubscribe cannot be answered either.
    const other = await unsubscribedContact();
    const theirs = await answerLeavingSurvey({
      db: t.db,
      contactId: contact.id,
      input: answer({ unsubscribedAt: other.at.toISOString(), topicId: other.topic.id }),
    });
    expect(theirs).toMatchObject({ ok: false, code: "not_found" });
    expect(await t.db.leavingAnswer.count({ where: { contactId: contact.id } })).toBe(0);
  });

  it("refuses for a one-click unsubscribe (RFC 8058) and for one older than the window", async () => {
    const topic = await makeTopic(t.db, { defaultCategories: ["CUSTOMER_CONTACT"] });
    const contact = await makeContact(t.db, { category: "CUSTOMER_CONTACT" });
    const at = new Date();
    const oc = await oneClickUnsubscribe({
      db: t.db,
      contactId: contact.id,
      target: { kind: "topic", topicId: topic.id },
      suppressionKey,
      now: at,
    });
    expect(oc).toMatchObject({ ok: true, changed: true });
    const r = await answerLeavingSurvey({
      db: t.db,
      contactId: contact.id,
      input: answer({ unsubscribedAt: at.toISOString(), topicId: topic.id }),
    });
    expect(r).toMatchObject({ ok: false, code: "not_found", reason: "no_unsubscribe" });

    const old = await unsubscribedContact(new Date(Date.now() - LEAVING_SURVEY_WINDOW_MS - 60_000));
    const late = await answerLeavingSurvey({
      db: t.db,
      contactId: old.contact.id,
      input: answer({ unsubscribedAt: old.at.toISOString(), topicId: old.topic.id }),
    });
    expect(late).toMatchObject({ ok: false, code: "not_found", reason: "no_unsubscribe" });
    expect(await t.db.leavingAnswer.count({ where: { contactId: { in: [contact.id, old.contact.id] } } })).toBe(0);
  });

  it("refuses bad input with a code per field", async () => {
    const { topic, contact, at } = await unsubscribedContact();
    const base = { unsubscribedAt: at.toISOString(), topicId: topic.id };
    const r = await answerLeavingSurvey({
      db: t.db,
      contactId: contact.id,
      input: { ...base, reason: "BORED", text: "x".repeat(LEAVING_TEXT_MAX + 1) },
    });
    expect(r).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { reason: "reason_required", text: "text_too_long" },
    });
    const missing = await answerLeavingSurvey({ db: t.db, contactId: contact.id, input: { ...base } });
    expect(missing).toMatchObject({ ok: false, code: "invalid", fieldErrors: { reason: "reason_required" } });
    const badTime = await answerLeavingSurvey({
      db: t.db,
      contactId: contact.id,
      input: answer({ unsubscribedAt: "yesterday", topicId: topic.id }),
    });
    expect(badTime).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { unsubscribedAt: "unsubscribe_unknown" },
    });
    // Exactly the limit is fine.
    const ok = await answerLeavingSurvey({
      db: t.db,
      contactId: contact.id,
      input: answer({ ...base, text: "x".repeat(LEAVING_TEXT_MAX) }),
    });
    expect(ok.ok).toBe(true);
  });
});

describe("the person's own record", () => {
  it("lists the answer with its text on their page and in their export, reason in words", async () => {
    const { topic, contact, at } = await unsubscribedContact();
    const input = answer({
      unsubscribedAt: at.toISOString(),
      topicId: topic.id,
      reason: "CHANGED_ROLE",
      text: "New job",
    });
    expect((await answerLeavingSurvey({ db: t.db, contactId: contact.id, input })).ok).toBe(true);
    const record = await getContactRecord({ db: t.db, contactId: contact.id });
    expect(record?.leavingAnswers).toMatchObject([
      { reason: "CHANGED_ROLE", text: "New job", topic: { en: expect.any(String) } },
    ]);
    const csv = toCsv(record!, "en");
    expect(csv).toContain("leavingAnswers,1,reason,CHANGED_ROLE,I have changed job or role");
    expect(csv).toContain("leavingAnswers,1,text,New job");
  });
});

describe("erasure", () => {
  it("erases the answer (and its text) with the contact, and clears the audit values", async () => {
    const { topic, contact, at } = await unsubscribedContact();
    const TEXT = `Ask Lena Eriksson ${contact.id}`;
    const input = answer({ unsubscribedAt: at.toISOString(), topicId: topic.id, text: TEXT });
    expect((await answerLeavingSurvey({ db: t.db, contactId: contact.id, input })).ok).toBe(true);
    const erased = await eraseContact({
      db: t.db,
      contactId: contact.id,
      actor: { type: "CONTACT", id: contact.id },
      channel: "SELF_SERVICE",
      suppressionKey,
    });
    expect(erased.ok).toBe(true);
    expect(await t.db.leavingAnswer.count({ where: { contactId: contact.id } })).toBe(0);
    expect(await t.db.leavingAnswer.count({ where: { text: TEXT } })).toBe(0);
    const audit = await t.db.auditEvent.findFirstOrThrow({
      where: { subjectId: contact.id, action: "subscription.leaving_reason_given" },
    });
    expect(audit.personalValues).toBeNull();
  });
});

describe("figures", () => {
  it("counts reasons per mailing for the report, text never included", async () => {
    const staff = await makeStaffUser(t.db, "MARKETING");
    const topic = await makeTopic(t.db, { defaultCategories: ["CUSTOMER_CONTACT"] });
    const mailing = await makeMailing(t.db, { topicId: topic.id, segmentId: (await makeSegment(t.db)).id });
    const reasons = ["TOO_MANY", "TOO_MANY", "CHANGED_ROLE"] as const;
    for (const [i, reason] of reasons.entries()) {
      const contact = await makeContact(t.db, { category: "CUSTOMER_CONTACT" });
      const at = new Date(Date.now() - i * 1000);
      await setSubscription({
        db: t.db,
        contactId: contact.id,
        topicId: topic.id,
        state: "UNSUBSCRIBED",
        source: "SELF",
        suppressionKey,
        now: at,
      });
      const input = answer({ unsubscribedAt: at.toISOString(), topicId: topic.id, reason, text: i ? "" : "why" });
      expect((await answerLeavingSurvey({ db: t.db, contactId: contact.id, mailingId: mailing.id, input })).ok).toBe(
        true,
      );
    }
    const r = await getMailingReport({
      db: t.db,
      staff: { id: staff.id, role: "MARKETING" },
      mailingId: mailing.id,
    });
    if (!r.ok) throw new Error(r.code);
    expect(r.report.leaving).toEqual({
      reasons: { TOO_MANY: 2, NOT_RELEVANT: 0, NEVER_SIGNED_UP: 0, CHANGED_ROLE: 1, OTHER: 0 },
      answers: 3,
      withComment: 1,
    });
    expect(JSON.stringify(r.report)).not.toContain("why");
  });

  it("counts an unsubscribe from a mailing's footer link in the mailing's tally, once", async () => {
    const staff = await makeStaffUser(t.db, "MARKETING");
    const { topic, contact, at } = await unsubscribedContact();
    const mailing = await makeMailing(t.db, { topicId: topic.id, segmentId: (await makeSegment(t.db)).id });
    await t.db.delivery.create({
      data: { mailingId: mailing.id, contactId: contact.id, batch: 0, status: "DELIVERED", sentAt: at },
    });
    await markDeliveryUnsubscribed({ db: t.db, contactId: contact.id, mailingId: mailing.id, now: at });
    await markDeliveryUnsubscribed({ db: t.db, contactId: contact.id, mailingId: mailing.id, now: new Date() });
    const r = await getMailingReport({ db: t.db, staff: { id: staff.id, role: "MARKETING" }, mailingId: mailing.id });
    if (!r.ok) throw new Error(r.code);
    expect(r.report.totals).toMatchObject({ delivered: 1, unsubscribed: 1 });
  });

  it("counts reasons per Stockholm month and per topic, all marketing as its own row", async () => {
    const now = new Date();
    const before = await countLeavingReasons({ db: t.db, now });
    const { topic, contact, at } = await unsubscribedContact(now);
    const input = answer({ unsubscribedAt: at.toISOString(), topicId: topic.id, reason: "NOT_RELEVANT" });
    expect((await answerLeavingSurvey({ db: t.db, contactId: contact.id, input, now })).ok).toBe(true);
    const after = await countLeavingReasons({ db: t.db, now });
    expect(after.byMonth).toHaveLength(6);
    const last = (x: typeof after) => x.byMonth[x.byMonth.length - 1]!;
    expect(last(after).NOT_RELEVANT).toBe(last(before).NOT_RELEVANT + 1);
    expect(after.byTopic.find((x) => x.topicId === topic.id)).toMatchObject({ NOT_RELEVANT: 1, TOO_MANY: 0 });
    expect(after.byTopic.find((x) => x.topicId === null)).toMatchObject({ NEVER_SIGNED_UP: 1 });
    // An answer from seven months ago is outside the window.
    const old = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 7, 15));
    await t.db.leavingAnswer.updateMany({ where: { contactId: contact.id }, data: { createdAt: old } });
    const later = await countLeavingReasons({ db: t.db, now });
    expect(later.byTopic.find((x) => x.topicId === topic.id)).toBeUndefined();
  });
});
