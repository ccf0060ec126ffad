// Topics as marketing edit them: created and changed with audit entries (field names), keys unique and well-formed,
// archiving kept as one date, and only roles with topics.manage may do it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffPrincipal } from "@/lib/auth/permissions";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { getTopic, listTopics } from "@/lib/topics/list-topics";
import { saveTopic } from "@/lib/topics/save-topic";
import { createTestDb, type TestDb } from "../support/db";
import { makeContact, makeStaffUser, makeTopic, unique } from "../factories";

const NOW = new Date("2026-11-24T12:00:00Z");

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.close());

const webinarInput = (over: Record<string, unknown> = {}) => ({
  key: "webinars",
  nameSv: "Webbinarier",
  nameEn: "Webinars",
  descriptionSv: "Inbjudningar till webbinarier.",
  descriptionEn: "Invitations to webinars.",
  purpose: "MARKETING_MAILINGS",
  isMarketing: "on",
  defaultCategories: ["PROSPECT"],
  sortOrder: "5",
  ...over,
});

describe("saveTopic", () => {
  it("refuses roles without topics.manage", async () => {
    const ACCOUNT_MANAGER: StaffPrincipal = await makeStaffUser(t.db, "ACCOUNT_MANAGER");
    expect(await saveTopic({ db: t.db, staff: ACCOUNT_MANAGER, input: webinarInput() })).toEqual({
      ok: false,
      code: "forbidden",
    });
  });

  it("reports invalid fields by code", async () => {
    const MARKETING: StaffPrincipal = await makeStaffUser(t.db, "MARKETING");
    const newsletter = await makeTopic(t.db);
    const r = await saveTopic({
      db: t.db,
      staff: MARKETING,
      input: webinarInput({
        key: "Bad Key",
        nameEn: " ",
        purpose: "SPAM",
        defaultCategories: ["NOPE"],
        sortOrder: "x",
      }),
    });
    expect(r).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: {
        key: "key_invalid",
        nameEn: "name_required",
        purpose: "purpose_invalid",
        defaultCategories: "category_invalid",
        sortOrder: "sort_order_invalid",
      },
    });
    expect(await saveTopic({ db: t.db, staff: MARKETING, input: webinarInput({ key: newsletter.key }) })).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { key: "key_taken" },
    });
  });

  it("creates, edits and archives a topic, each change audited with its field names", async () => {
    const MARKETING: StaffPrincipal = await makeStaffUser(t.db, "MARKETING");
    const key = `webinars-${unique()}`;
    const webinar = (over: Record<string, unknown> = {}) => webinarInput({ key, ...over });
    const created = await saveTopic({ db: t.db, staff: MARKETING, input: webinar(), now: NOW });
    if (!created.ok) throw new Error(JSON.stringify(created));
    expect(await getTopic({ db: t.db, id: created.id })).toMatchObject({
      key,
      isMarketing: true,
      defaultCategories: ["PROSPECT"],
      sortOrder: 5,
      archivedAt: null,
      subscribed: 0,
    });
    const unchanged = await saveTopic({ db: t.db, staff: MARKETING, id: created.id, input: webinar() });
    expect(unchanged).toMatchObject({ ok: true, changed: [] });
    const edited = await saveTopic({
      db: t.db,
      staff: MARKETING,
      id: created.id,
      input: webinar({ nameEn: "Webinars and talks", defaultCategories: ["PROSPECT", "CUSTOMER_CONTACT"] }),
    });
    expect(edited).toMatchObject({ ok: true, changed: ["nameEn", "defaultCategories"] });
    const archived = await saveTopic({
      db: t.db,
      staff: MARKETING,
      id: created.id,
      input: webinar({
        nameEn: "Webinars and talks",
        defaultCategories: ["CUSTOMER_CONTACT", "PROSPECT"],
        archived: "on",
        isMarketing: "",
      }),
      now: NOW,
    });
    expect(archived).toMatchObject({ ok: true, changed: ["isMarketing", "archivedAt"] });
    expect((await getTopic({ db: t.db, id: created.id }))?.archivedAt).toEqual(NOW);
    expect((await listTopics({ db: t.db })).map((x) => x.key)).not.toContain(key);
    expect((await listTopics({ db: t.db, includeArchived: true })).map((x) => x.key)).toContain(key);

    const audit = await t.db.auditEvent.findMany({
      where: { subjectType: "Topic", subjectId: created.id },
      orderBy: { seq: "asc" },
    });
    expect(audit.map((a) => [a.action, a.actorId, a.fields])).toEqual([
      [
        "topic.created",
        MARKETING.id,
        [
          "key",
          "nameSv",
          "nameEn",
          "descriptionSv",
          "descriptionEn",
          "purpose",
          "isMarketing",
          "offeredAtSignup",
          "defaultCategories",
          "sortOrder",
        ],
      ],
      ["topic.updated", MARKETING.id, ["nameEn", "defaultCategories"]],
      ["topic.updated", MARKETING.id, ["isMarketing", "archivedAt"]],
    ]);
    expect((await verifyAuditChain({ db: t.db })).ok).toBe(true);
  });

  it("counts the subscribers of a topic", async () => {
    // Customer contacts get it by default; one of them has left it, and a prospect never had it.
    const topic = await makeTopic(t.db, { defaultCategories: ["CUSTOMER_CONTACT"] });
    for (let i = 0; i < 3; i++) await makeContact(t.db);
    const left = await makeContact(t.db);
    await t.db.subscription.update({
      where: { contactId_topicId: { contactId: left.id, topicId: topic.id } },
      data: { state: "UNSUBSCRIBED" },
    });
    await makeContact(t.db, { category: "PROSPECT" });
    const topics = await listTopics({ db: t.db });
    const newsletter = topics.find((x) => x.key === topic.key);
    expect(newsletter?.subscribed).toBe(
      await t.db.subscription.count({ where: { topicId: topic.id, state: "SUBSCRIBED" } }),
    );
    expect(newsletter?.subscribed).toBeGreaterThan(0);
  });
});
