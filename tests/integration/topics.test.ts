// Topics as marketing edit them: created and changed with audit entries (field names), keys unique and well-formed,
// archiving kept as one date, and only roles with topics.manage may do it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffPrincipal } from "@/lib/auth/permissions";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { getTopic, listTopics } from "@/lib/topics/list-topics";
import { saveTopic } from "@/lib/topics/save-topic";
import { seedDemo } from "@/prisma/seed-demo";
import { createTestDb, type TestDb } from "../support/db";

const MARKETING: StaffPrincipal = { id: "demo_staff_marketing", role: "MARKETING" };
const ACCOUNT_MANAGER: StaffPrincipal = { id: "demo_staff_am1", role: "ACCOUNT_MANAGER" };
const NOW = new Date("2026-11-24T12:00:00Z");

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await seedDemo({ db: t.db, now: NOW, suppressionKey: "topics-test-key" });
});
afterAll(async () => t?.close());

const webinar = (over: Record<string, unknown> = {}) => ({
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
    expect(await saveTopic({ db: t.db, staff: ACCOUNT_MANAGER, input: webinar() })).toEqual({
      ok: false,
      code: "forbidden",
    });
  });

  it("reports invalid fields by code", async () => {
    const r = await saveTopic({
      db: t.db,
      staff: MARKETING,
      input: webinar({ key: "Bad Key", nameEn: " ", purpose: "SPAM", defaultCategories: ["NOPE"], sortOrder: "x" }),
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
    expect(await saveTopic({ db: t.db, staff: MARKETING, input: webinar({ key: "newsletter" }) })).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { key: "key_taken" },
    });
  });

  it("creates, edits and archives a topic, each change audited with its field names", async () => {
    const created = await saveTopic({ db: t.db, staff: MARKETING, input: webinar(), now: NOW });
    if (!created.ok) throw new Error(JSON.stringify(created));
    expect(await getTopic({ db: t.db, id: created.id })).toMatchObject({
      key: "webinars",
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
    expect((await listTopics({ db: t.db })).map((x) => x.key)).not.toContain("webinars");
    expect((await listTopics({ db: t.db, includeArchived: true })).map((x) => x.key)).toContain("webinars");

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
          "defaultCategories",
          "sortOrder",
        ],
      ],
      ["topic.updated", MARKETING.id, ["nameEn", "defaultCategories"]],
      ["topic.updated", MARKETING.id, ["isMarketing", "archivedAt"]],
    ]);
    expect((await verifyAuditChain({ db: t.db })).ok).toBe(true);
  });

  it("counts the subscribers of the demo topics", async () => {
    const topics = await listTopics({ db: t.db });
    const newsletter = topics.find((x) => x.key === "newsletter");
    expect(newsletter?.subscribed).toBe(
      await t.db.subscription.count({ where: { topicId: "demo_topic_newsletter", state: "SUBSCRIBED" } }),
    );
    expect(newsletter?.subscribed).toBeGreaterThan(0);
  });
});
