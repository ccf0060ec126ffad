// The one place a contact is born: every path (staff, API, import, seeds) goes through createContactsWithDefaults, so
// what a new contact gets is tested here once, on PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContactsWithDefaults, sqlOf, type NewContact } from "@/lib/contacts/create-contacts-with-defaults";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { defaultLegalBases } from "@/lib/policy/purposes";
import { loadPolicyFile } from "@/lib/policy/file/load-policy-file";
import { hashAddress } from "@/lib/suppression/hash-address";
import { createTestDb, type TestDb } from "../support/db";

const KEY = "test-suppression-key";
const now = new Date("2026-03-01T10:00:00Z");
let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
  await t.db.organisation.create({ data: { id: "org_cc", name: "Create Contacts AB", relationship: "CUSTOMER" } });
  await t.db.topic.createMany({
    data: [
      {
        id: "t_news",
        key: "cc-news",
        nameSv: "Nyheter",
        nameEn: "News",
        descriptionSv: "",
        descriptionEn: "",
        purpose: "MARKETING_MAILINGS",
        isMarketing: true,
        defaultCategories: ["CUSTOMER_CONTACT", "PROSPECT"],
      },
      {
        id: "t_ops",
        key: "cc-ops",
        nameSv: "Drift",
        nameEn: "Operations",
        descriptionSv: "",
        descriptionEn: "",
        purpose: "SERVICE_NOTICES",
        isMarketing: false,
        defaultCategories: ["CUSTOMER_CONTACT"],
      },
      {
        id: "t_old",
        key: "cc-old",
        nameSv: "Gammal",
        nameEn: "Old",
        descriptionSv: "",
        descriptionEn: "",
        purpose: "SERVICE_NOTICES",
        isMarketing: false,
        defaultCategories: ["CUSTOMER_CONTACT"],
        archivedAt: now,
      },
    ],
  });
});
afterAll(async () => t.close());

const person = (email: string, extra: Partial<NewContact> = {}): NewContact => ({
  name: "Ada Andersson",
  email,
  phone: null,
  jobTitle: null,
  language: "sv",
  category: "CUSTOMER_CONTACT",
  source: { type: "STAFF_ENTRY", detail: null, date: null, staffId: null, organisationId: null },
  legalBasisNote: "Default for the category (test)",
  ...extra,
});

const create = (contacts: NewContact[], action: "contact.created" | "contact.imported" = "contact.created") =>
  t.db.$transaction((tx) =>
    createContactsWithDefaults(sqlOf(tx), {
      contacts,
      suppressionKey: KEY,
      subscriptionSource: "DEFAULT",
      audit: { actor: { type: "SYSTEM", id: "test" }, action },
      now,
    }),
  );

describe("createContactsWithDefaults", () => {
  it("writes the contact with its address hash, the category's legal bases, live default topics and facts", async () => {
    const r = await create([
      person("ada@example.se", {
        roles: [{ organisationId: "org_cc", type: "SYSTEM_OWNER", title: null, startsOn: now }],
      }),
    ]);
    expect(r.ids).toHaveLength(1);
    const id = r.ids[0]!;
    const contact = await t.db.contact.findUniqueOrThrow({
      where: { id },
      include: { legalBases: true, roles: true, subscriptions: true },
    });
    expect(contact.addressHash).toBe(hashAddress("ada@example.se", KEY));
    expect(contact.createdAt.toISOString()).toBe(now.toISOString());
    expect(contact.legalBases.map((b) => [b.purpose, b.basis]).sort()).toEqual(
      defaultLegalBases("CUSTOMER_CONTACT")
        .map((b) => [b.purpose, b.basis])
        .sort(),
    );
    expect(contact.roles.map((x) => [x.organisationId, x.type])).toEqual([["org_cc", "SYSTEM_OWNER"]]);
    expect(contact.subscriptions.map((s) => [s.topicId, s.state, s.source]).sort()).toEqual([
      ["t_news", "SUBSCRIBED", "DEFAULT"],
      ["t_ops", "SUBSCRIBED", "DEFAULT"],
    ]);
    expect(await t.db.subscriptionChange.count({ where: { contactId: id } })).toBe(2);
    const facts = await t.raw.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "ContactFacts" WHERE "contactId" = $1`,
      [id],
    );
    expect(facts[0]!.n).toBe(1);
    expect(r.topics).toEqual([2]);
    expect(r.audit).toEqual([
      expect.objectContaining({
        action: "contact.created",
        subject: { type: "Contact", id },
        personalValues: { source: "STAFF_ENTRY", topics: 2 },
      }),
    ]);
  });

  it("subscribes a contact admitted over a tombstone to no marketing topic and keeps its opt-out", async () => {
    const r = await create([person("back@example.se", { overridden: true, marketingOptOutAt: now })]);
    const c = await t.db.contact.findUniqueOrThrow({ where: { id: r.ids[0]! }, include: { subscriptions: true } });
    expect(c.subscriptions.map((s) => s.topicId)).toEqual(["t_ops"]);
    expect(c.marketingOptOutAt?.toISOString()).toBe(now.toISOString());
    expect(r.topics).toEqual([1]);
  });

  it("creates many in one go, each with its own defaults and an import entry naming what the file gave", async () => {
    const r = await create(
      [
        person("p1@example.se", { category: "PROSPECT", phone: "+46701234567" }),
        person("p2@example.se", { category: "PARTNER_CONTACT" }),
      ],
      "contact.imported",
    );
    const subs = await t.db.subscription.findMany({ where: { contactId: { in: r.ids } }, orderBy: { topicId: "asc" } });
    expect(subs.map((s) => [r.ids.indexOf(s.contactId), s.topicId])).toEqual([[0, "t_news"]]);
    expect(r.audit.map((a) => a.fields)).toEqual([
      ["name", "email", "language", "category", "source", "legalBases", "subscriptions", "phone"],
      ["name", "email", "language", "category", "source", "legalBases", "subscriptions"],
    ]);
  });

  it("refuses a second contact with the same address as a unique violation, writing nothing", async () => {
    const before = await t.db.contact.count();
    const e = await create([person("ada@example.se")]).catch((x: unknown) => x);
    expect(isUniqueViolation(e)).toBe(true);
    expect(await t.db.contact.count()).toBe(before);
  });
});

describe("default legal bases", () => {
  it("are the policy file's: the reference customer's, or another deployment's", () => {
    expect(defaultLegalBases("PROSPECT")).toEqual([
      { purpose: "MARKETING_MAILINGS", basis: "LEGITIMATE_INTEREST" },
      { purpose: "SEGMENTATION_ANALYSIS", basis: "LEGITIMATE_INTEREST" },
      { purpose: "PROSPECTING", basis: "LEGITIMATE_INTEREST" },
    ]);
    const fictional = loadPolicyFile("lib/policy/files/fictional-example.yaml");
    expect(defaultLegalBases("PROSPECT", fictional)).toEqual([{ purpose: "MARKETING_MAILINGS", basis: "CONSENT" }]);
    expect(defaultLegalBases("CUSTOMER_CONTACT", fictional)).toEqual([
      { purpose: "CUSTOMER_SERVICE", basis: "CONTRACT" },
      { purpose: "MARKETING_MAILINGS", basis: "LEGITIMATE_INTEREST" },
    ]);
    expect(defaultLegalBases("SUPPLIER_CONTACT", fictional)).toEqual([]);
  });
});
