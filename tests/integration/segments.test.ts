// Segments on registers each test builds with the test factories, most around ten contacts met at one fair of the
// test's own ("Segtest <tag> Expo 2026"): the count and its breakdown (suppressed by reason, opted out, unsubscribed
// from the topic, never subscribed, no legal basis), roles current and ended, source detail, dates; agreement with
// exclusionReasonSql contact by contact; the sample leaks nothing but name, organisation and language; saving and
// archiving are audited; and every path that writes Contact.email also writes Contact.addressHash.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffPrincipal } from "@/lib/auth/permissions";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { confirmEmailChange } from "@/lib/contacts/confirm-email-change";
import { requestEmailChange } from "@/lib/contacts/request-email-change";
import { upsertContact } from "@/lib/contacts/upsert-contact";
import { Prisma } from "@/lib/generated/prisma/client";
import { importContacts } from "@/lib/import/import-contacts";
import { parseImportFile } from "@/lib/import/parse-import-file";
import { suggestColumnMapping } from "@/lib/import/suggest-column-mapping";
import { validateImportRows } from "@/lib/import/validate-import-rows";
import { createTransport } from "@/lib/mail/create-transport";
import { archiveSegment } from "@/lib/segments/archive-segment";
import { backfillAddressHashes } from "@/lib/segments/backfill-address-hashes";
import { countSegment, SUPPRESSION_REASONS, type SegmentCount } from "@/lib/segments/count-segment";
import { EXCLUSION_REASONS, exclusionReasonSql } from "@/lib/segments/exclusion-sql";
import { filterFromForm } from "@/lib/segments/filter-from-form";
import { getSegment } from "@/lib/segments/get-segment";
import { listSegments } from "@/lib/segments/list-segments";
import { parseSegmentFilter } from "@/lib/segments/parse-segment-filter";
import { refreshStaleContactFacts } from "@/lib/segments/refresh-stale-contact-facts";
import { sampleSegment } from "@/lib/segments/sample-segment";
import { saveSegment } from "@/lib/segments/save-segment";
import { segmentFilterSchema, type SegmentFilterInput } from "@/lib/segments/segment-filter";
import { segmentConditionSql, segmentFactsSql } from "@/lib/segments/segment-sql";
import { createContact } from "@/lib/contacts/create-contact";
import { updateContact } from "@/lib/contacts/update-contact";
import { hashAddress } from "@/lib/suppression/hash-address";
import { createTestDb, type TestDb } from "../support/db";
import { makeContact, makeOrganisation, makeStaffUser, makeTopic, TEST_SUPPRESSION_KEY, unique } from "../factories";
import { makeMixedRegister } from "../factories/register";

// The factories' key, so that every contact in the file is hashed with the key the tests check against.
const KEY = TEST_SUPPRESSION_KEY;
const LINK_KEYS = [{ id: "t1", secret: "s".repeat(40) }];
const NOW = new Date("2026-11-24T12:00:00Z");

let t: TestDb;
const filter = (f: SegmentFilterInput = {}) => segmentFilterSchema.parse(f);

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.close());

/**
 * Ten contacts met at this fair (eight at once, one English, one early whose role has ended), all technical contacts
 * at the customer Nordlys, with the test's own newsletter (marketing) and service notices: two suppressed (a hard
 * bounce; a complaint, which also unsubscribed from all marketing and opted out), one opted out, one unsubscribed from
 * the newsletter, one never subscribed to it, one without a basis for marketing; the last one active recently.
 */
async function makeFair() {
  const tag = unique();
  const FAIR = `Segtest ${tag} Expo 2026`;
  const ADMIN: StaffPrincipal = await makeStaffUser(t.db, "ADMIN");
  const NEWSLETTER = (await makeTopic(t.db, { defaultCategories: ["CUSTOMER_CONTACT", "PARTNER_CONTACT", "PROSPECT"] }))
    .id;
  const SERVICE = (await makeTopic(t.db, { isMarketing: false, defaultCategories: ["CUSTOMER_CONTACT"] })).id;
  const nordlys = await makeOrganisation(t.db, { name: `Nordlys ${tag} Energi AB`, accountManagerId: ADMIN.id });
  const kvarnby = await makeOrganisation(t.db, { name: `Kvarnby ${tag} kommun` });
  const ids: Record<string, string> = {};
  const email = (key: string) => `${key}.${tag}@segtest.example`;

  async function fairContact(key: string, over: Record<string, unknown> = {}, now = NOW) {
    const r = await createContact({
      db: t.db,
      staff: ADMIN,
      suppressionKey: KEY,
      now,
      input: {
        name: `Segtest ${key}`,
        email: email(key),
        language: "sv",
        category: "CUSTOMER_CONTACT",
        sourceType: "MET_AT_EVENT",
        sourceDetail: FAIR,
        sourceDate: now.toISOString().slice(0, 10),
        organisationId: nordlys.id,
        roleType: "TECHNICAL_CONTACT",
        ...over,
      },
    });
    if (!r.ok) throw new Error(JSON.stringify(r));
    ids[key] = r.id;
    return r.id;
  }

  for (const key of ["ok1", "bounced", "complained", "optedout", "unsubscribed", "notsubscribed", "nobasis", "ok10"])
    await fairContact(key);
  await fairContact("english", { language: "en" });
  await fairContact("early", {}, new Date("2026-06-01T10:00:00Z"));

  const hash = (key: string) => hashAddress(email(key), KEY);
  await t.db.suppression.createMany({
    data: [
      { addressHash: hash("bounced"), reason: "HARD_BOUNCE", scope: "ALL" },
      // A complaint also unsubscribes from all marketing: two rows, reported once, by the first reason.
      { addressHash: hash("complained"), reason: "COMPLAINT", scope: "MARKETING" },
      { addressHash: hash("complained"), reason: "UNSUBSCRIBED_ALL", scope: "MARKETING" },
    ],
  });
  await t.db.contact.update({ where: { id: ids.complained }, data: { marketingOptOutAt: NOW } });
  await t.db.contact.update({ where: { id: ids.optedout }, data: { marketingOptOutAt: NOW } });
  await t.db.subscription.update({
    where: { contactId_topicId: { contactId: ids.unsubscribed!, topicId: NEWSLETTER } },
    data: { state: "UNSUBSCRIBED" },
  });
  await t.db.subscription.delete({
    where: { contactId_topicId: { contactId: ids.notsubscribed!, topicId: NEWSLETTER } },
  });
  await t.db.contactLegalBasis.delete({
    where: { contactId_purpose: { contactId: ids.nobasis!, purpose: "MARKETING_MAILINGS" } },
  });
  // The early contact's role ended last month; the last one was active recently.
  await t.db.contactRole.updateMany({ where: { contactId: ids.early }, data: { endsOn: new Date("2026-10-01") } });
  await t.db.contact.update({ where: { id: ids.ok10 }, data: { lastActivityAt: new Date("2026-11-20T09:00:00Z") } });

  const fair = (f: SegmentFilterInput = {}) => filter({ sourceDetail: `segtest ${tag} expo`, ...f });
  async function count(f: SegmentFilterInput, topicId?: string): Promise<SegmentCount> {
    const r = await countSegment({ db: t.db, filter: fair(f), topicId, today: NOW });
    if (!r.ok) throw new Error(r.code);
    return r.count;
  }
  const total = async (f: SegmentFilterInput) => (await count(f)).total;
  return {
    tag,
    ADMIN,
    NEWSLETTER,
    SERVICE,
    NORDLYS: nordlys.id,
    NORDLYS_NAME: nordlys.name,
    KVARNBY: kvarnby.id,
    ids,
    email,
    fair,
    count,
    total,
  };
}

describe("countSegment", () => {
  it("breaks a marketing topic's segment down by the first reason each person is left out", async () => {
    const { count, NEWSLETTER } = await makeFair();
    const c = await count({}, NEWSLETTER);
    expect(c).toMatchObject({
      total: 10,
      eligible: 4, // ok1, ok10, english, early (the role filter is not used here)
      excluded: { SUPPRESSED: 2, OPTED_OUT: 1, PAUSED: 0, UNSUBSCRIBED_TOPIC: 1, NOT_SUBSCRIBED: 1, NO_BASIS: 1 },
      suppressedBy: { ERASED: 0, UNSUBSCRIBED_ALL: 0, HARD_BOUNCE: 1, COMPLAINT: 1, MANUAL: 0 },
    });
  });

  it("leaves marketing opt-outs and marketing-only suppressions in for a service notice", async () => {
    const { count, SERVICE } = await makeFair();
    const c = await count({}, SERVICE);
    expect(c).toMatchObject({
      total: 10,
      eligible: 9,
      excluded: { SUPPRESSED: 1, OPTED_OUT: 0, PAUSED: 0, UNSUBSCRIBED_TOPIC: 0, NOT_SUBSCRIBED: 0, NO_BASIS: 0 },
      suppressedBy: { HARD_BOUNCE: 1, COMPLAINT: 0 },
    });
  });

  it("counts only the total without a topic, and refuses an unknown topic", async () => {
    const { count, fair } = await makeFair();
    expect(await count({})).toEqual({ total: 10, topic: null });
    expect(await countSegment({ db: t.db, filter: fair(), topicId: "nope", today: NOW })).toEqual({
      ok: false,
      code: "not_found",
      reason: "topic_not_found",
    });
  });

  it("filters on roles: current, ended or any; role type, organisation and relationship", async () => {
    const { count, total, NEWSLETTER, NORDLYS, KVARNBY } = await makeFair();
    expect(await total({ roleTypes: ["TECHNICAL_CONTACT"] })).toBe(9);
    expect(await total({ roleTypes: ["TECHNICAL_CONTACT"], roleStatus: "ended" })).toBe(1);
    expect(await total({ roleTypes: ["TECHNICAL_CONTACT"], roleStatus: "any" })).toBe(10);
    expect(await total({ roleTypes: ["BILLING_CONTACT"], roleStatus: "any" })).toBe(0);
    expect(await total({ organisationIds: [NORDLYS] })).toBe(9);
    expect(await total({ organisationIds: [KVARNBY], roleStatus: "any" })).toBe(0);
    expect(await total({ relationships: ["CUSTOMER"] })).toBe(9);
    expect(await total({ relationships: ["PARTNER", "SUPPLIER"], roleStatus: "any" })).toBe(0);
    // The ended role still counts for the breakdown: eligible among current roles only.
    const current = await count({ roleTypes: ["TECHNICAL_CONTACT"] }, NEWSLETTER);
    expect(current).toMatchObject({ total: 9, eligible: 3 });
  });

  it("filters on category, language, source, subscription and dates", async () => {
    const { total, NEWSLETTER, SERVICE } = await makeFair();
    expect(await total({ categories: ["CUSTOMER_CONTACT"] })).toBe(10);
    expect(await total({ categories: ["PROSPECT", "SUPPLIER_CONTACT"] })).toBe(0);
    expect(await total({ languages: ["en"] })).toBe(1);
    expect(await total({ sourceTypes: ["MET_AT_EVENT"] })).toBe(10);
    expect(await total({ sourceTypes: ["STAFF_ENTRY", "IMPORTED"] })).toBe(0);
    expect(await total({ topicIds: [NEWSLETTER] })).toBe(8); // not: unsubscribed, never subscribed
    expect(await total({ topicIds: [NEWSLETTER, SERVICE] })).toBe(10);
    expect(await total({ createdFrom: "2026-11-24" })).toBe(9);
    expect(await total({ createdTo: "2026-06-30" })).toBe(1);
    expect(await total({ createdFrom: "2026-06-01", createdTo: "2026-06-01" })).toBe(1);
    expect(await total({ lastActivityFrom: "2026-11-15" })).toBe(1);
    expect(await total({ lastActivityTo: "2026-11-19" })).toBe(0);
  });

  it("finds a register's fair by part of the event name, case-insensitively", async () => {
    const { tag, metAtEvent } = await makeMixedRegister(t.db, { now: NOW });
    const r = await countSegment({ db: t.db, filter: filter({ sourceDetail: `cloud ${tag} SUMMIT` }), today: NOW });
    const expected = metAtEvent.length;
    expect(expected).toBeGreaterThan(0);
    expect(r).toEqual({ ok: true, count: { total: expected, topic: null } });
    // Wildcards in the text are taken literally.
    expect((await countSegment({ db: t.db, filter: filter({ sourceDetail: "%" }), today: NOW })).ok).toBe(true);
    expect(await countSegment({ db: t.db, filter: filter({ sourceDetail: "%" }), today: NOW })).toMatchObject({
      count: { total: 0 },
    });
  });

  it("agrees with exclusionReasonSql contact by contact on the whole register", async () => {
    await makeMixedRegister(t.db, { now: NOW });
    await makeFair();
    const topics = await t.db.topic.findMany({
      select: { id: true, purpose: true, isMarketing: true, isRequired: true },
    });
    const filters: SegmentFilterInput[] = [
      {},
      { categories: ["PROSPECT"] },
      { relationships: ["CUSTOMER", "FORMER_CUSTOMER"], roleStatus: "any" },
      { languages: ["en"] },
    ];
    for (const topic of topics)
      for (const f of filters) {
        const rows = await t.db.$queryRaw<{ reason: string | null; n: number }[]>(Prisma.sql`
          SELECT ${exclusionReasonSql(topic, NOW)} AS reason, count(*)::int AS n FROM "Contact" c
          WHERE ${segmentConditionSql(filter(f), NOW)} GROUP BY 1`);
        const r = await countSegment({ db: t.db, filter: filter(f), topicId: topic.id, today: NOW });
        if (!r.ok || !r.count.topic) throw new Error("no breakdown");
        const byReason = Object.fromEntries(rows.map((x) => [x.reason ?? "eligible", x.n]));
        expect({ topic: topic.id, f, eligible: r.count.eligible, ...r.count.excluded }).toEqual({
          topic: topic.id,
          f,
          eligible: byReason.eligible ?? 0,
          ...Object.fromEntries(EXCLUSION_REASONS.map((x) => [x, byReason[x] ?? 0])),
        });
        expect(r.count.total).toBe(rows.reduce((s, x) => s + x.n, 0));
      }
  });
});

describe("sampleSegment", () => {
  it("shows only people who may be mailed, and only their name, organisation and language", async () => {
    const { fair, NEWSLETTER, NORDLYS_NAME } = await makeFair();
    const r = await sampleSegment({ db: t.db, filter: fair(), topicId: NEWSLETTER, today: NOW });
    if (!r.ok) throw new Error(r.code);
    expect(r.rows.map((x) => x.name).sort()).toEqual(
      ["Segtest early", "Segtest english", "Segtest ok1", "Segtest ok10"].sort(),
    );
    for (const row of r.rows) {
      expect(Object.keys(row).sort()).toEqual(["language", "name", "organisation"]);
      expect(row.organisation).toBe(NORDLYS_NAME); // the ended role's organisation when there is no other
    }
    expect(r.rows.find((x) => x.name === "Segtest english")?.language).toBe("en");
    const json = JSON.stringify(r);
    expect(json).not.toContain("@");
    expect(json).not.toContain("+46");
  });

  it("without a topic samples the segment, at most the limit", async () => {
    const { fair } = await makeFair();
    const r = await sampleSegment({ db: t.db, filter: fair(), limit: 3, today: NOW });
    expect(r.ok && r.rows.length).toBe(3);
  });
});

describe("the filter from the builder form", () => {
  it("reads repeated fields as lists and leaves empty fields out", () => {
    const form = new URLSearchParams(
      "categories=PROSPECT&categories=CUSTOMER_CONTACT&languages=&sourceDetail=+Cloud+&createdFrom=&topic=x&roleStatus=any",
    );
    expect(filterFromForm(form)).toEqual({
      categories: ["PROSPECT", "CUSTOMER_CONTACT"],
      sourceDetail: "Cloud",
      roleStatus: "any",
    });
  });

  it("reports errors per field", () => {
    expect(parseSegmentFilter({ categories: ["NOPE"], createdFrom: "2026-13-01", roleStatus: "later" })).toEqual({
      ok: false,
      fieldErrors: { categories: "option_invalid", createdFrom: "date_invalid", roleStatus: "option_invalid" },
    });
    expect(parseSegmentFilter({ createdFrom: "2026-05-02", createdTo: "2026-05-01" })).toEqual({
      ok: false,
      fieldErrors: { createdTo: "range_invalid" },
    });
    expect(parseSegmentFilter({ sourceDetail: "x".repeat(201) })).toEqual({
      ok: false,
      fieldErrors: { sourceDetail: "too_long" },
    });
  });
});

describe("saved segments", () => {
  it("saves, edits and archives a segment with audit entries; marketing may, support may not", async () => {
    const MARKETING: StaffPrincipal = await makeStaffUser(t.db, "MARKETING");
    const SUPPORT: StaffPrincipal = await makeStaffUser(t.db, "SUPPORT");
    const tag = unique();
    expect(await saveSegment({ db: t.db, staff: SUPPORT, input: { name: "x", filter: {} } })).toEqual({
      ok: false,
      code: "forbidden",
    });
    expect(
      await saveSegment({ db: t.db, staff: MARKETING, input: { name: " ", filter: { createdFrom: "nope" } } }),
    ).toEqual({ ok: false, code: "invalid", fieldErrors: { name: "name_required", createdFrom: "date_invalid" } });

    const created = await saveSegment({
      db: t.db,
      staff: MARKETING,
      input: {
        name: `Segtest ${tag} customers`,
        filter: { sourceDetail: "segtest", categories: ["CUSTOMER_CONTACT"] },
      },
      now: NOW,
    });
    if (!created.ok) throw new Error(JSON.stringify(created));
    expect(created).toMatchObject({ created: true, changed: ["name", "filter"] });
    const stored = await getSegment({ db: t.db, id: created.id });
    expect(stored?.filter).toMatchObject({ sourceDetail: "segtest", categories: ["CUSTOMER_CONTACT"] });

    const same = await saveSegment({
      db: t.db,
      staff: MARKETING,
      id: created.id,
      input: {
        name: `Segtest ${tag} customers`,
        filter: { sourceDetail: "segtest", categories: ["CUSTOMER_CONTACT"] },
      },
    });
    expect(same).toMatchObject({ ok: true, changed: [] });
    const renamed = await saveSegment({
      db: t.db,
      staff: MARKETING,
      id: created.id,
      input: { name: `Segtest ${tag}, renamed`, filter: { sourceDetail: "segtest", categories: ["CUSTOMER_CONTACT"] } },
    });
    expect(renamed).toMatchObject({ ok: true, changed: ["name"] });

    expect((await listSegments({ db: t.db })).map((s) => s.name)).toContain(`Segtest ${tag}, renamed`);
    expect(await archiveSegment({ db: t.db, staff: MARKETING, id: created.id, archived: true })).toEqual({
      ok: true,
      changed: true,
    });
    expect((await listSegments({ db: t.db })).map((s) => s.id)).not.toContain(created.id);
    expect((await listSegments({ db: t.db, includeArchived: true })).map((s) => s.id)).toContain(created.id);

    const audit = await t.db.auditEvent.findMany({
      where: { subjectType: "Segment", subjectId: created.id },
      orderBy: { seq: "asc" },
    });
    expect(audit.map((a) => [a.action, a.actorId, a.fields])).toEqual([
      ["segment.created", MARKETING.id, ["name", "filter"]],
      ["segment.updated", MARKETING.id, ["name"]],
      ["segment.archived", MARKETING.id, ["archivedAt"]],
    ]);
    expect((await verifyAuditChain({ db: t.db })).ok).toBe(true);
  });
});

describe("Contact.addressHash", () => {
  it("is hashAddress(email) on every contact, whichever path wrote the address", async () => {
    const before = await t.db.contact.count();
    const { tag, ADMIN, ids } = await makeFair();
    // Import (raw SQL inserts).
    const csv = `Namn;E-post;Språk\nImporterad Person;imported.person.${tag}@segtest.example;sv\n`;
    const parsed = parseImportFile({ content: csv });
    if (!parsed.ok) throw new Error(parsed.error.code);
    const preview = await validateImportRows({
      db: t.db,
      rows: parsed.data.rows,
      mapping: suggestColumnMapping({ headers: parsed.data.headers }),
      options: { category: "PROSPECT", sourceType: "IMPORTED", sourceDetail: "Segtest CRM", duplicates: "skip" },
      suppressionKey: KEY,
      staff: ADMIN,
    });
    if (!preview.ok) throw new Error(JSON.stringify(preview));
    const imported = await importContacts({
      db: t.db,
      rows: preview.data.rows,
      options: preview.data.options,
      staff: ADMIN,
      suppressionKey: KEY,
    });
    expect(imported).toMatchObject({ created: 1 });

    // CRM sync (API upsert).
    const upserted = await upsertContact({
      db: t.db,
      input: {
        email: `synced.${tag}@segtest.example`,
        name: "Synced Person",
        category: "PROSPECT",
        source: { type: "IMPORTED" },
      },
      actor: { type: "API", id: "test" },
      suppressionKey: KEY,
    });
    expect(upserted).toMatchObject({ ok: true, created: true });

    // Staff change an address.
    const edited = await updateContact({
      db: t.db,
      staff: ADMIN,
      contactId: ids.ok1!,
      suppressionKey: KEY,
      input: {
        name: "Segtest ok1",
        email: `ok1.new.${tag}@segtest.example`,
        language: "sv",
        category: "CUSTOMER_CONTACT",
      },
    });
    expect(edited).toMatchObject({ ok: true });

    // The person changes their own address (confirmed from the new address).
    const outbox = createTransport({ config: { transport: "outbox", from: "t@tillit.test" }, db: t.db });
    await requestEmailChange({
      db: t.db,
      contactId: ids.english!,
      input: { email: `english.new.${tag}@segtest.example` },
      config: { publicUrl: "https://prefs.example.com", linkKeys: LINK_KEYS },
      transport: outbox,
    });
    const mail = await t.db.outboxMessage.findFirstOrThrow({
      where: { to: { has: `english.new.${tag}@segtest.example` } },
    });
    const token = /https:\/\/prefs\.example\.com\/e\/([A-Za-z0-9_.-]+)/.exec(mail.text)![1]!;
    expect(await confirmEmailChange({ db: t.db, token, keys: LINK_KEYS, suppressionKey: KEY })).toMatchObject({
      ok: true,
    });

    const contacts = await t.db.contact.findMany({ select: { id: true, email: true, addressHash: true } });
    expect(contacts.length).toBe(before + 10 + 2);
    const wrong = contacts.filter((c) => c.addressHash !== hashAddress(c.email, KEY));
    expect(wrong).toEqual([]);
    const emails = contacts.map((c) => c.email);
    expect(emails).toEqual(
      expect.arrayContaining([`ok1.new.${tag}@segtest.example`, `english.new.${tag}@segtest.example`]),
    );
  });

  it("is filled in for contacts written before the column existed", async () => {
    const { ids } = await makeFair();
    const other = await makeContact(t.db, { suppressionKey: KEY });
    await t.db
      .$executeRaw`UPDATE "Contact" SET "addressHash" = NULL WHERE id IN (${ids.ok10}, ${ids.early}, ${other.id})`;
    expect(await backfillAddressHashes({ db: t.db, suppressionKey: KEY, batchSize: 2 })).toBe(3);
    expect(await backfillAddressHashes({ db: t.db, suppressionKey: KEY })).toBe(0);
    const contacts = await t.db.contact.findMany({ select: { email: true, addressHash: true } });
    expect(contacts.filter((c) => c.addressHash !== hashAddress(c.email, KEY))).toEqual([]);
  });
});

describe("ContactFacts, the narrow copy the count scans (kept by triggers)", () => {
  // Recomputed here from the normalised tables in JavaScript, independently of the migration's SQL.
  async function wrongFacts(): Promise<unknown[]> {
    const [contacts, facts, subs, bases, topics, suppressions] = await Promise.all([
      t.db.contact.findMany(),
      t.db.contactFacts.findMany(),
      t.db.subscription.findMany(),
      t.db.contactLegalBasis.findMany(),
      t.db.topic.findMany({ select: { id: true, number: true } }),
      t.db.suppression.findMany(),
    ]);
    const numberOf = new Map(topics.map((x) => [x.id, x.number]));
    const byId = new Map(facts.map((f) => [f.contactId, f]));
    const sorted = <T>(xs: T[]) => [...xs].sort();
    const first = (hash: string | null, anyScope: boolean) =>
      SUPPRESSION_REASONS.find((reason) =>
        suppressions.some((x) => x.addressHash === hash && x.reason === reason && (anyScope || x.scope === "ALL")),
      ) ?? null;
    const wrong: unknown[] =
      facts.length === contacts.length ? [] : [{ facts: facts.length, contacts: contacts.length }];
    for (const c of contacts) {
      const mine = (state: string) =>
        sorted(subs.filter((x) => x.contactId === c.id && x.state === state).map((x) => numberOf.get(x.topicId)!));
      const expected = {
        contactId: c.id,
        createdAt: c.createdAt,
        lastActivityAt: c.lastActivityAt,
        category: c.category,
        language: c.language,
        sourceType: c.sourceType,
        optedOut: c.marketingOptOutAt !== null,
        pausedUntil: c.marketingPausedUntil,
        suppressedAll: first(c.addressHash, false),
        suppressedAny: first(c.addressHash, true),
        topicsOn: mine("SUBSCRIBED"),
        topicsOff: mine("UNSUBSCRIBED"),
        purposes: sorted(bases.filter((x) => x.contactId === c.id).map((x) => x.purpose)),
        sourceDetailLower: c.sourceDetail?.toLowerCase() ?? null,
      };
      const f = byId.get(c.id);
      const actual = f && {
        ...Object.fromEntries(Object.keys(expected).map((k) => [k, f[k as keyof typeof f]])),
        topicsOn: sorted(f.topicsOn),
        topicsOff: sorted(f.topicsOff),
        purposes: sorted(f.purposes),
      };
      try {
        expect(actual).toEqual(expected);
      } catch {
        wrong.push({ expected, actual });
      }
    }
    return wrong;
  }

  it("agree with the normalised tables after every kind of write in this file and a few more", async () => {
    // A register of the demo's size (more than 27 contacts) and shape, with the fair's kinds of writes.
    const { ids, SERVICE } = await makeFair();
    const register = await makeMixedRegister(t.db, { now: NOW });
    const someone = await t.db.contact.findFirstOrThrow({
      where: { id: { in: [...Object.values(ids), ...register.contacts] }, subscriptions: { some: {} } },
    });
    // Update, delete and insert on subscriptions, legal bases, suppressions; contact columns; a topic's removal.
    await t.db.subscription.updateMany({ where: { contactId: someone.id }, data: { state: "UNSUBSCRIBED" } });
    await t.db.subscription.deleteMany({ where: { contactId: someone.id, topicId: SERVICE } });
    await t.db.contactLegalBasis.deleteMany({ where: { contactId: someone.id, purpose: "MARKETING_MAILINGS" } });
    await t.db.contactLegalBasis.create({
      data: { contactId: someone.id, purpose: "MARKETING_MAILINGS", basis: "CONSENT" },
    });
    const hash = someone.addressHash!;
    await t.db.suppression.create({ data: { addressHash: hash, reason: "MANUAL", scope: "MARKETING" } });
    await t.db.suppression.create({ data: { addressHash: hash, reason: "HARD_BOUNCE", scope: "ALL" } });
    expect(await wrongFacts()).toEqual([]);
    await t.db.suppression.updateMany({
      where: { addressHash: hash, reason: "HARD_BOUNCE" },
      data: { scope: "MARKETING" },
    });
    await t.db.suppression.deleteMany({ where: { addressHash: hash, reason: "MANUAL" } });
    await t.db.contact.update({
      where: { id: someone.id },
      data: {
        category: "PARTNER_CONTACT",
        language: "en",
        sourceDetail: "Ändrad KÄLLA",
        marketingOptOutAt: NOW,
        marketingPausedUntil: new Date(NOW.getTime() + 86_400_000),
      },
    });
    const topic = await t.db.topic.create({
      data: {
        key: "facts-test",
        nameSv: "x",
        nameEn: "x",
        descriptionSv: "x",
        descriptionEn: "x",
        purpose: "MARKETING_MAILINGS",
        subscriptions: { create: { contactId: someone.id, state: "SUBSCRIBED", source: "STAFF" } },
      },
    });
    expect(await wrongFacts()).toEqual([]);
    await t.db.topic.delete({ where: { id: topic.id } });
    expect(await wrongFacts()).toEqual([]);
    expect(await t.db.contactFacts.count()).toBeGreaterThan(27);
  });

  it("rows past their span of role dates are recomputed by the daily refresh", async () => {
    const { ids } = await makeFair();
    // As if days had passed since the rows were computed: their spans have ended.
    const someone = ids.ok1!;
    const before = await t.db.contactFacts.findUniqueOrThrow({ where: { contactId: someone } });
    await t.db.$executeRaw`UPDATE "ContactFacts" SET "rolesUntil" = DATE '2000-01-02', "currentRoleKeys" = '{}'
      WHERE "contactId" IN (${someone}, ${ids.ok10})`;
    expect(await refreshStaleContactFacts({ db: t.db, batchSize: 1 })).toBe(2);
    expect(await t.db.contactFacts.findUniqueOrThrow({ where: { contactId: someone } })).toEqual(before);
    expect(await refreshStaleContactFacts({ db: t.db })).toBe(0);
    expect(await wrongFacts()).toEqual([]);
  });

  it("select the same contacts as the normalised tables for every role filter, on any day", async () => {
    const { ids, tag, NEWSLETTER, SERVICE, NORDLYS } = await makeFair();
    const register = await makeMixedRegister(t.db, { now: NOW });
    // Roles that start and end on various days, so that some days fall outside the span the facts were computed for
    // (the count then asks ContactRole) and an organisation whose relationship changes.
    const someone = ids.ok1!;
    await t.db.contactRole.create({
      data: {
        contactId: someone,
        organisationId: NORDLYS,
        type: "BILLING_CONTACT",
        startsOn: new Date("2030-01-01"),
      },
    });
    await t.db.contactRole.create({
      data: {
        contactId: ids.ok10!,
        organisationId: NORDLYS,
        type: "SYSTEM_OWNER",
        startsOn: new Date("2020-01-01"),
        endsOn: new Date("2029-06-30"),
      },
    });
    const org = await t.db.organisation.findUniqueOrThrow({ where: { id: register.organisations.prospect } });
    await t.db.organisation.update({ where: { id: org.id }, data: { relationship: "CUSTOMER" } });
    expect(await wrongFacts()).toEqual([]);

    const roleDates = await t.db.contactRole.findMany({ select: { startsOn: true, endsOn: true } });
    const days = new Set(["2000-01-01", "2026-11-24", "2029-06-29", "2029-06-30", "2030-01-01", "2040-01-01"]);
    for (const r of roleDates) {
      for (const d of [r.startsOn, r.endsOn]) {
        if (!d) continue;
        days.add(d.toISOString().slice(0, 10));
        days.add(new Date(d.getTime() - 86_400_000).toISOString().slice(0, 10));
      }
    }
    const filters: SegmentFilterInput[] = [];
    for (const roleStatus of ["current", "ended", "any"] as const) {
      filters.push({ roleTypes: ["TECHNICAL_CONTACT"], roleStatus });
      filters.push({ roleTypes: ["BILLING_CONTACT", "SYSTEM_OWNER"], roleStatus });
      filters.push({ relationships: ["CUSTOMER"], roleStatus });
      filters.push({
        relationships: ["FORMER_CUSTOMER", "SUPPLIER"],
        roleTypes: ["OTHER", "COMMERCIAL_CONTACT"],
        roleStatus,
      });
      filters.push({ organisationIds: [NORDLYS], roleTypes: ["SYSTEM_OWNER"], roleStatus });
    }
    filters.push({ topicIds: [NEWSLETTER, SERVICE], sourceDetail: `SEGTEST ${tag} expo`, languages: ["sv"] });
    let compared = 0;
    for (const day of days)
      for (const f of filters) {
        const today = new Date(`${day}T12:00:00Z`);
        const [fromContacts, fromFacts] = await Promise.all([
          t.db.$queryRaw<{ id: string }[]>(Prisma.sql`
            SELECT c."id" FROM "Contact" c WHERE ${segmentConditionSql(filter(f), today)} ORDER BY 1`),
          t.db.$queryRaw<{ id: string }[]>(Prisma.sql`
            SELECT c."contactId" AS id FROM ${segmentFactsSql(filter(f), today)} c
            ORDER BY 1`),
        ]);
        expect({ day, f, ids: fromFacts.map((x) => x.id) }).toEqual({ day, f, ids: fromContacts.map((x) => x.id) });
        compared += fromContacts.length;
      }
    expect(compared).toBeGreaterThan(100); // the filters match people, not only empty sets
  });
});
