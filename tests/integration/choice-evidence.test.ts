// Evidence of every choice (lib/evidence/) against a real database: every channel that changes a subscription, the
// opt-out from all and back, and the legal bases at registration keep when, channel, actor, basis and the notice the
// person saw (stored once, by hash); the person's record and export carry it; staff export it (access decided, audited);
// erasure removes it while the notice texts, which are not personal, stay.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { getContactRecord } from "@/lib/contacts/get-contact-record";
import { eraseContact } from "@/lib/contacts/erase-contact";
import { exportChoiceEvidence } from "@/lib/evidence/export-choice-evidence";
import { noticeHash, noticeText } from "@/lib/evidence/notice-texts";
import { exportContactData } from "@/lib/export/export-contact-data";
import { changeSubscriptionByApi } from "@/lib/subscriptions/change-subscription-by-api";
import { changeSubscriptionByStaff } from "@/lib/subscriptions/change-subscription-by-staff";
import { oneClickUnsubscribe } from "@/lib/subscriptions/one-click-unsubscribe";
import { resubscribe } from "@/lib/subscriptions/resubscribe";
import { setSubscription } from "@/lib/subscriptions/set-subscription";
import { unsubscribeFromAll } from "@/lib/subscriptions/unsubscribe-from-all";
import { optOutAfterComplaint } from "@/lib/webhooks/opt-out-after-complaint";
import { createTestDb, type TestDb } from "../support/db";
import { makeContact, makeOrganisation, makeStaffUser, makeTopic, TEST_SUPPRESSION_KEY, unique } from "../factories";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.close());

async function makePerson() {
  const topic = (await makeTopic(t.db, { defaultCategories: ["CUSTOMER_CONTACT"] })).id;
  const other = (await makeTopic(t.db, { defaultCategories: ["CUSTOMER_CONTACT"] })).id;
  const org = await makeOrganisation(t.db);
  const { id, email } = await makeContact(t.db, {
    email: `evidence.${unique()}@nordlys.example`,
    organisationId: org.id,
    roleType: "TECHNICAL_CONTACT",
    suppressionKey: TEST_SUPPRESSION_KEY,
  });
  return { id, email, topic, other };
}

const evidence = (contactId: string) =>
  t.db.choiceEvidence.findMany({ where: { contactId }, orderBy: [{ at: "asc" }, { id: "asc" }] });

describe("evidence of every choice", () => {
  it("registration records the default subscriptions and the legal bases, by the system, without a notice", async () => {
    const p = await makePerson();
    const rows = await evidence(p.id);
    const topics = rows.filter((r) => r.subject === "TOPIC");
    expect(topics.map((r) => r.topicId)).toEqual(expect.arrayContaining([p.topic, p.other]));
    expect(topics.every((r) => r.channel === "REGISTRATION_DEFAULT" && r.state === "SUBSCRIBED")).toBe(true);
    expect(topics.every((r) => r.purpose === "MARKETING_MAILINGS" && r.legalBasis === "LEGITIMATE_INTEREST")).toBe(
      true,
    );
    const bases = rows.filter((r) => r.subject === "LEGAL_BASIS");
    expect(bases.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.noticeHash === null && !r.migrated)).toBe(true);
  });

  it("the preference page records the notice the person saw, in the page's language, stored once", async () => {
    const p = await makePerson();
    const now = new Date();
    const r = await setSubscription({
      db: t.db,
      contactId: p.id,
      topicId: p.topic,
      state: "UNSUBSCRIBED",
      source: "SELF",
      suppressionKey: TEST_SUPPRESSION_KEY,
      language: "en",
      now,
    });
    expect(r.ok).toBe(true);
    const row = (await evidence(p.id)).find((e) => e.channel === "PREFERENCE_PAGE")!;
    expect(row).toMatchObject({ subject: "TOPIC", topicId: p.topic, state: "UNSUBSCRIBED", actorType: "PERSON" });
    const text = noticeText("PREFERENCE_TOPICS", "en");
    expect(row.noticeHash).toBe(noticeHash(text));
    const notice = await t.db.noticeText.findUniqueOrThrow({ where: { hash: row.noticeHash! } });
    expect(notice).toMatchObject({ kind: "PREFERENCE_TOPICS", language: "en", text });

    // A second person's change on the same page in the same language refers to the same row.
    const q = await makePerson();
    await setSubscription({
      db: t.db,
      contactId: q.id,
      topicId: q.topic,
      state: "UNSUBSCRIBED",
      source: "SELF",
      suppressionKey: TEST_SUPPRESSION_KEY,
      language: "en",
    });
    expect(await t.db.noticeText.count({ where: { hash: row.noticeHash! } })).toBe(1);
    // Swedish is another text, so another hash.
    expect(noticeHash(noticeText("PREFERENCE_TOPICS", "sv"))).not.toBe(row.noticeHash);
  });

  it("unsubscribe from all and back in: a row per topic and one for all marketing, each way", async () => {
    const p = await makePerson();
    await unsubscribeFromAll({
      db: t.db,
      contactId: p.id,
      source: "SELF",
      suppressionKey: TEST_SUPPRESSION_KEY,
      language: "sv",
    });
    let rows = (await evidence(p.id)).filter((e) => e.channel === "PREFERENCE_PAGE");
    const left = rows.filter((e) => e.subject === "TOPIC" && e.state === "UNSUBSCRIBED").map((e) => e.topicId);
    expect(left).toEqual(expect.arrayContaining([p.topic, p.other]));
    const all = rows.find((e) => e.subject === "ALL_MARKETING")!;
    expect(all).toMatchObject({ state: "UNSUBSCRIBED", purpose: "MARKETING_MAILINGS", actorType: "PERSON" });
    expect(all.noticeHash).toBe(noticeHash(noticeText("PREFERENCE_ALL", "sv")));

    await resubscribe({ db: t.db, contactId: p.id, suppressionKey: TEST_SUPPRESSION_KEY, language: "sv" });
    rows = (await evidence(p.id)).filter((e) => e.channel === "PREFERENCE_PAGE");
    expect(rows.filter((e) => e.subject === "ALL_MARKETING").map((e) => e.state)).toEqual([
      "UNSUBSCRIBED",
      "SUBSCRIBED",
    ]);
    const back = rows.filter((e) => e.subject === "TOPIC" && e.state === "SUBSCRIBED").map((e) => e.topicId);
    expect(back).toEqual(expect.arrayContaining([p.topic, p.other]));
  });

  it("the one-click unsubscribe records the channel and no notice (the mail client shows nothing of ours)", async () => {
    const p = await makePerson();
    await oneClickUnsubscribe({
      db: t.db,
      contactId: p.id,
      target: { kind: "all" },
      suppressionKey: TEST_SUPPRESSION_KEY,
    });
    const rows = (await evidence(p.id)).filter((e) => e.channel === "ONE_CLICK");
    expect(rows.filter((e) => e.subject === "ALL_MARKETING")).toHaveLength(1);
    expect(rows.map((e) => e.topicId)).toEqual(expect.arrayContaining([p.topic, p.other]));
    expect(rows.every((e) => e.noticeHash === null && e.actorType === "PERSON")).toBe(true);
  });

  it("staff on the person's request and an API key are named as the actor", async () => {
    const p = await makePerson();
    const officer = await makeStaffUser(t.db, "PRIVACY_OFFICER");
    const staff = await changeSubscriptionByStaff({
      db: t.db,
      staff: officer,
      contactId: p.id,
      input: { topicId: p.topic, state: "UNSUBSCRIBED" },
    });
    expect(staff.ok).toBe(true);
    const admin = await makeStaffUser(t.db, "ADMIN");
    const key = await createApiKey({
      db: t.db,
      input: { name: "CRM evidence", scope: "WRITE" },
      actor: { type: "STAFF", id: admin.id },
      createdById: admin.id,
    });
    if (!key.ok) throw new Error("key");
    const topicKey = (await t.db.topic.findUniqueOrThrow({ where: { id: p.other } })).key;
    const api = await changeSubscriptionByApi({
      db: t.db,
      keyId: key.id,
      contactId: p.id,
      input: { topic: topicKey, state: "UNSUBSCRIBED", requestedVia: "PHONE" },
    });
    expect(api.ok).toBe(true);
    const rows = await evidence(p.id);
    expect(rows.find((e) => e.channel === "STAFF_ON_REQUEST")).toMatchObject({
      actorType: "STAFF",
      actorId: officer.id,
      topicId: p.topic,
    });
    expect(rows.find((e) => e.channel === "API")).toMatchObject({
      actorType: "API_KEY",
      actorId: key.id,
      actorName: "CRM evidence",
      topicId: p.other,
    });
  });

  it("a spam complaint is the system acting, with the opt-out from all", async () => {
    const p = await makePerson();
    await t.db.$transaction((tx) =>
      optOutAfterComplaint(tx, {
        contactId: p.id,
        actor: { type: "SYSTEM" },
        cause: { event: "evt", deliveryId: "d" },
        now: new Date(),
      }),
    );
    const rows = (await evidence(p.id)).filter((e) => e.channel === "COMPLAINT");
    expect(rows.filter((e) => e.subject === "ALL_MARKETING")).toHaveLength(1);
    expect(rows.map((e) => e.topicId)).toEqual(expect.arrayContaining([p.topic, p.other]));
    expect(rows.every((e) => e.actorType === "SYSTEM")).toBe(true);
  });

  it("the person's record and export carry the evidence with the notice text; staff appear by kind only", async () => {
    const p = await makePerson();
    const officer = await makeStaffUser(t.db, "PRIVACY_OFFICER");
    await changeSubscriptionByStaff({
      db: t.db,
      staff: officer,
      contactId: p.id,
      input: { topicId: p.other, state: "UNSUBSCRIBED" },
    });
    await setSubscription({
      db: t.db,
      contactId: p.id,
      topicId: p.topic,
      state: "UNSUBSCRIBED",
      source: "SELF",
      suppressionKey: TEST_SUPPRESSION_KEY,
      language: "en",
    });
    const record = (await getContactRecord({ db: t.db, contactId: p.id }))!;
    const own = record.evidence.find((e) => e.channel === "PREFERENCE_PAGE")!;
    expect(own.notice?.text).toBe(noticeText("PREFERENCE_TOPICS", "en"));
    const byStaff = record.evidence.find((e) => e.channel === "STAFF_ON_REQUEST")!;
    expect(byStaff.actor).toEqual({ type: "STAFF", name: null });
    expect(JSON.stringify(record.evidence)).not.toContain(officer.id);

    const json = await exportContactData({ db: t.db, contactId: p.id, format: "json", lang: "en" });
    if (!json.ok) throw new Error("export");
    const parsed = JSON.parse(json.body) as { evidence: { channel: string; notice: { text: string } | null }[] };
    expect(parsed.evidence.find((e) => e.channel === "PREFERENCE_PAGE")?.notice?.text).toBe(
      noticeText("PREFERENCE_TOPICS", "en"),
    );
    const csv = await exportContactData({ db: t.db, contactId: p.id, format: "csv", lang: "en" });
    if (!csv.ok) throw new Error("export");
    expect(csv.body).toContain("evidence");
    expect(csv.body).toContain("PREFERENCE_PAGE");
  });

  it("staff export it as JSON or CSV when their role may read the full record, audited; marketing may not", async () => {
    const p = await makePerson();
    const officer = await makeStaffUser(t.db, "PRIVACY_OFFICER");
    const json = await exportChoiceEvidence({ db: t.db, staff: officer, contactId: p.id, format: "json" });
    if (!json.ok) throw new Error(json.code);
    const body = JSON.parse(json.body) as { evidence: { channel: string }[] };
    expect(body.evidence.length).toBe(await t.db.choiceEvidence.count({ where: { contactId: p.id } }));
    const csv = await exportChoiceEvidence({ db: t.db, staff: officer, contactId: p.id, format: "csv" });
    if (!csv.ok) throw new Error(csv.code);
    expect(csv.body.split("\r\n")[0]).toContain("at;subject;topic;state;purpose;legalBasis;channel");
    const audits = await t.db.auditEvent.findMany({
      where: { subjectId: p.id, action: "contact.evidence_exported" },
    });
    expect(audits.map((a) => a.fields[0]).sort()).toEqual(["csv", "json"]);

    const marketing = await makeStaffUser(t.db, "MARKETING");
    expect(await exportChoiceEvidence({ db: t.db, staff: marketing, contactId: p.id, format: "json" })).toEqual({
      ok: false,
      code: "forbidden",
    });
    expect(await exportChoiceEvidence({ db: t.db, staff: officer, contactId: "nobody", format: "json" })).toEqual({
      ok: false,
      code: "not_found",
    });
  });

  it("erasure removes the person's evidence; the notice texts stay", async () => {
    const p = await makePerson();
    await setSubscription({
      db: t.db,
      contactId: p.id,
      topicId: p.topic,
      state: "UNSUBSCRIBED",
      source: "SELF",
      suppressionKey: TEST_SUPPRESSION_KEY,
      language: "sv",
    });
    const hash = noticeHash(noticeText("PREFERENCE_TOPICS", "sv"));
    expect(await t.db.choiceEvidence.count({ where: { contactId: p.id } })).toBeGreaterThan(0);
    const erased = await eraseContact({
      db: t.db,
      contactId: p.id,
      actor: { type: "CONTACT", id: p.id },
      channel: "SELF_SERVICE",
      suppressionKey: TEST_SUPPRESSION_KEY,
    });
    expect(erased.ok).toBe(true);
    expect(await t.db.choiceEvidence.count({ where: { contactId: p.id } })).toBe(0);
    expect(await t.db.noticeText.count({ where: { hash } })).toBe(1);
  });
});
