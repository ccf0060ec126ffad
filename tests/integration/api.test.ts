// The CRM sync API (/api/v1) end to end through its handlers, with real Request objects against a real database
// (PGlite, and PostgreSQL when configured): keys and scopes, validation, upsert with audit, suppression, the changes
// feed (opt-out and erasure, no personal data for the erased), suppression check, privacy requests.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { handleCheckSuppression } from "@/lib/api/check-suppression-handler";
import { handleGetContact } from "@/lib/api/get-contact-handler";
import { handleListChanges } from "@/lib/api/list-changes-handler";
import { handleRecordPrivacyRequest } from "@/lib/api/record-privacy-request-handler";
import { handleUpsertContact } from "@/lib/api/upsert-contact-handler";
import { handleChangeSubscription } from "@/lib/api/change-subscription-handler";
import { handleListTopics } from "@/lib/api/list-topics-handler";
import { handleListContacts } from "@/lib/api/list-contacts-handler";
import { handleSetRole } from "@/lib/api/set-role-handler";
import { handleUpsertOrganisation } from "@/lib/api/upsert-organisation-handler";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { eraseContact } from "@/lib/contacts/erase-contact";
import { privacyRequestDueAt } from "@/lib/privacy-requests/due-date";
import { unsubscribeFromAll } from "@/lib/subscriptions/unsubscribe-from-all";
import { createTestDb, type TestDb } from "../support/db";
import { makeContact, makeOrganisation, makeStaffUser, makeTopic, orgNumber, unique } from "../factories";

const SUPPRESSION_KEY = "k".repeat(40);
const BASE = "https://prefs.example.com/api/v1";
let t: TestDb;

function req(method: string, path: string, opts: { key?: string | null; body?: unknown; raw?: string } = {}) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (opts.key) headers.authorization = `Bearer ${opts.key}`;
  return new Request(`${BASE}${path}`, {
    method,
    headers,
    body: opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
  });
}

const upsert = (key: string | null, body: unknown) =>
  handleUpsertContact({ db: t.db, request: req("PUT", "/contacts", { key, body }), suppressionKey: SUPPRESSION_KEY });
const getContact = (key: string | null, id: string) =>
  handleGetContact({ db: t.db, request: req("GET", `/contacts/${id}`, { key }), id });
const changes = (key: string | null, query: string) =>
  handleListChanges({ db: t.db, request: req("GET", `/changes?${query}`, { key }) });
const check = (key: string | null, body: unknown) =>
  handleCheckSuppression({
    db: t.db,
    request: req("POST", "/suppressions/check", { key, body }),
    suppressionKey: SUPPRESSION_KEY,
  });
const privacyRequest = (key: string | null, body: unknown, now?: Date) =>
  handleRecordPrivacyRequest({
    db: t.db,
    request: req("POST", "/privacy-requests", { key, body }),
    suppressionKey: SUPPRESSION_KEY,
    now,
  });

const changeSubscription = (key: string | null, id: string, body: unknown) =>
  handleChangeSubscription({ db: t.db, request: req("PUT", `/contacts/${id}/subscriptions`, { key, body }), id });
const listContacts = (key: string | null, query: string) =>
  handleListContacts({ db: t.db, request: req("GET", `/contacts?${query}`, { key }) });
const listTopics = (key: string | null) => handleListTopics({ db: t.db, request: req("GET", "/topics", { key }) });

const upsertOrganisation = (key: string | null, body: unknown) =>
  handleUpsertOrganisation({ db: t.db, request: req("PUT", "/organisations", { key, body }) });
const setRole = (key: string | null, id: string, body: unknown) =>
  handleSetRole({ db: t.db, request: req("PUT", `/contacts/${id}/roles`, { key, body }), id });

/** A new contact as a CRM sends it: an address of this test's own, typed with spaces and capitals. */
const newContact = () => {
  const u = unique();
  return {
    email: `  Anna.Berg.${u}@Crm-Customer.example `,
    name: "Anna Berg",
    phone: "070-123 45 99",
    jobTitle: "CTO",
    language: "en",
    category: "CUSTOMER_CONTACT",
    source: { type: "IMPORTED", detail: "CRM sync", date: "2026-11-01" },
  };
};

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.close());

/** A READ and a WRITE key of this test's own, created by an admin. */
async function makeKeys() {
  const admin = await makeStaffUser(t.db, "ADMIN");
  const ADMIN = { type: "STAFF" as const, id: admin.id };
  const read = await createApiKey({ db: t.db, input: { name: "CRM read", scope: "READ" }, actor: ADMIN });
  const write = await createApiKey({
    db: t.db,
    input: { name: "CRM write", scope: "WRITE" },
    actor: ADMIN,
    createdById: ADMIN.id,
  });
  if (!read.ok || !write.ok) throw new Error("key creation failed");
  return { ADMIN, readKey: read.key, readKeyId: read.id, writeKey: write.key, writeKeyId: write.id };
}

/** Lena: a customer contact with a role at an organisation, subscribed to a topic by default. */
async function makeLena() {
  await makeTopic(t.db, { defaultCategories: ["CUSTOMER_CONTACT"] });
  const org = await makeOrganisation(t.db);
  const email = `lena.svensson.${unique()}@nordlys.example`;
  const { id } = await makeContact(t.db, {
    name: "Lena Svensson",
    email,
    organisationId: org.id,
    roleType: "COMMERCIAL_CONTACT",
    suppressionKey: SUPPRESSION_KEY,
  });
  return { id, email };
}

/**
 * From `since` on: Lena opts out of all marketing; Mikael changes his job title through the API, then is erased.
 */
async function optOutAndErase(writeKey: string) {
  const lena = await makeLena();
  const ERASED_EMAIL = `mikael.johansson.${unique()}@nordlys.example`;
  const { id: mikael } = await makeContact(t.db, {
    name: "Mikael Johansson",
    email: ERASED_EMAIL,
    suppressionKey: SUPPRESSION_KEY,
  });
  const privacy = await makeStaffUser(t.db, "PRIVACY_OFFICER");
  // Both were in the register before the window opens: more than the feed's one second of slack ago, so their
  // creation (and anything an earlier test wrote) is neither in the window nor after its first entry.
  await new Promise((r) => setTimeout(r, 1100));
  const since = new Date(Date.now() - 1000).toISOString();
  const opt = await unsubscribeFromAll({
    db: t.db,
    contactId: lena.id,
    source: "SELF",
    suppressionKey: SUPPRESSION_KEY,
  });
  expect(opt.ok).toBe(true);
  // Mikael changes something first, then is erased: the earlier change must not show his fields any more.
  await upsert(writeKey, {
    email: ERASED_EMAIL,
    name: "Mikael Johansson",
    jobTitle: "Changed title",
    category: "CUSTOMER_CONTACT",
    source: { type: "IMPORTED" },
  });
  const erased = await eraseContact({
    db: t.db,
    contactId: mikael,
    actor: { type: "STAFF", id: privacy.id },
    channel: "EMAIL",
    suppressionKey: SUPPRESSION_KEY,
  });
  expect(erased.ok).toBe(true);
  return { since, lena, mikael, ERASED_EMAIL };
}

describe("API keys", () => {
  it("have the documented shape and are stored only as prefix and hash", async () => {
    const { ADMIN, readKeyId, writeKey, writeKeyId } = await makeKeys();
    expect(writeKey).toMatch(/^tk_[a-z0-9]{8}_[A-Za-z0-9_-]{43}$/);
    const secret = writeKey.split("_").slice(2).join("_");
    const row = await t.db.apiKey.findUniqueOrThrow({ where: { id: writeKeyId } });
    expect(writeKey.startsWith(`${row.prefix}_`)).toBe(true);
    expect(row.secretHash).toMatch(/^[0-9a-f]{64}$/);
    // No column of any ApiKey row holds the secret or the full key.
    const hits = await t.raw.query(`SELECT id FROM "ApiKey" WHERE row_to_json("ApiKey")::text LIKE $1`, [
      `%${secret}%`,
    ]);
    expect(hits).toEqual([]);
    const listed = (await listApiKeys({ db: t.db })).filter((k) => [readKeyId, writeKeyId].includes(k.id));
    expect(listed).toHaveLength(2);
    for (const k of listed) expect(Object.keys(k)).not.toContain("secretHash");
    const audit = await t.db.auditEvent.findFirst({ where: { action: "api_key.created", subjectId: writeKeyId } });
    expect(audit).toMatchObject({ actorType: "STAFF", actorId: ADMIN.id });
  });

  it("refuses a creation request with an invalid scope", async () => {
    const { ADMIN } = await makeKeys();
    const r = await createApiKey({ db: t.db, input: { name: "", scope: "ADMIN" }, actor: ADMIN });
    expect(r).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { name: "name_required", scope: "scope_invalid" },
    });
  });

  it("answers 401 without a key, with a malformed or unknown key, and with a wrong secret", async () => {
    const { writeKey } = await makeKeys();
    const lena = await makeLena();
    const [prefix] = writeKey.split("_").slice(0, 2).join("_").split(" ");
    const wrongSecret = `${prefix}_${"A".repeat(43)}`;
    for (const key of [null, "nonsense", `tk_zzzzzzzz_${"A".repeat(43)}`, wrongSecret]) {
      const r = await getContact(key, lena.id);
      expect(r.status).toBe(401);
      expect(r.headers.get("www-authenticate")).toContain("Bearer");
      expect(await r.json()).toEqual({ error: { code: "unauthorized", message: expect.any(String) } });
    }
    const basic = await handleGetContact({
      db: t.db,
      request: new Request(`${BASE}/contacts/x`, { headers: { authorization: `Basic ${writeKey}` } }),
      id: "x",
    });
    expect(basic.status).toBe(401);
  });

  it("answers 403 to a READ key on every write", async () => {
    const { readKey } = await makeKeys();
    const lena = await makeLena();
    expect((await upsert(readKey, newContact())).status).toBe(403);
    const r = await privacyRequest(readKey, { type: "ACCESS", channel: "EMAIL", contactId: lena.id });
    expect(r.status).toBe(403);
    expect((await r.json()).error.code).toBe("forbidden");
  });

  it("records the last use at most once a minute", async () => {
    const { writeKey, writeKeyId } = await makeKeys();
    const lena = await makeLena();
    await t.db.apiKey.update({ where: { id: writeKeyId }, data: { lastUsedAt: null } });
    const r1 = await getContact(writeKey, lena.id);
    expect(r1.status).toBe(200);
    const first = (await t.db.apiKey.findUniqueOrThrow({ where: { id: writeKeyId } })).lastUsedAt;
    expect(first).toBeInstanceOf(Date);
    await getContact(writeKey, lena.id);
    const second = (await t.db.apiKey.findUniqueOrThrow({ where: { id: writeKeyId } })).lastUsedAt;
    expect(second).toEqual(first);
    const later = new Date(first!.getTime() + 61_000);
    await handleGetContact({
      db: t.db,
      request: req("GET", `/contacts/${lena.id}`, { key: writeKey }),
      id: lena.id,
      now: later,
    });
    expect((await t.db.apiKey.findUniqueOrThrow({ where: { id: writeKeyId } })).lastUsedAt).toEqual(later);
  });
});

describe("PUT /contacts", () => {
  it("answers 422 with per-field details", async () => {
    const { writeKey } = await makeKeys();
    const r = await upsert(writeKey, {
      email: "not-an-address",
      name: "",
      phone: "12",
      category: "BOSS",
      source: { type: "GUESS", date: "yesterday" },
      extra: 1,
    });
    expect(r.status).toBe(422);
    const body = await r.json();
    expect(body.error.code).toBe("validation_failed");
    expect(Object.keys(body.error.fields).sort()).toEqual(
      ["_", "category", "email", "name", "phone", "source.date", "source.type"].sort(),
    );
    expect(body.error.fields.email).toEqual(["email_invalid"]);
    expect(body.error.fields.name).toEqual(["name_required"]);
  });

  it("answers 400 to a body that is not JSON", async () => {
    const { writeKey } = await makeKeys();
    const r = await handleUpsertContact({
      db: t.db,
      request: req("PUT", "/contacts", { key: writeKey, raw: "{nope" }),
      suppressionKey: SUPPRESSION_KEY,
    });
    expect(r.status).toBe(400);
    expect((await r.json()).error.code).toBe("invalid_json");
  });

  it("creates a contact with default legal bases, subscriptions and an API audit entry", async () => {
    const { writeKey, writeKeyId } = await makeKeys();
    await makeTopic(t.db, { defaultCategories: ["CUSTOMER_CONTACT"] });
    const NEW_CONTACT = newContact();
    const r = await upsert(writeKey, NEW_CONTACT);
    expect(r.status).toBe(201);
    const body = await r.json();
    expect(body).toMatchObject({ created: true });
    const createdId: string = body.id;
    const c = await t.db.contact.findUniqueOrThrow({
      where: { id: createdId },
      include: { legalBases: true, subscriptions: true },
    });
    expect(c).toMatchObject({
      email: NEW_CONTACT.email.trim().toLowerCase(),
      phone: "+46701234599",
      language: "en",
      sourceType: "IMPORTED",
    });
    expect(c.legalBases.length).toBeGreaterThan(0);
    expect(c.subscriptions.length).toBeGreaterThan(0);
    expect(c.subscriptions.every((s) => s.source === "DEFAULT" && s.state === "SUBSCRIBED")).toBe(true);
    const audit = await t.db.auditEvent.findMany({ where: { subjectId: createdId } });
    expect(audit.map((a) => [a.action, a.actorType, a.actorId])).toEqual([["contact.created", "API", writeKeyId]]);
  });

  it("updates the same contact by address, auditing only what changed", async () => {
    const { writeKey } = await makeKeys();
    const NEW_CONTACT = newContact();
    const created = await upsert(writeKey, NEW_CONTACT);
    expect(created.status).toBe(201);
    const createdId: string = (await created.json()).id;
    const r = await upsert(writeKey, {
      ...NEW_CONTACT,
      email: NEW_CONTACT.email.trim().toLowerCase(),
      jobTitle: "CIO",
    });
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ id: createdId, created: false, changedFields: ["jobTitle"] });
    const again = await upsert(writeKey, { ...NEW_CONTACT, jobTitle: "CIO" });
    expect(await again.json()).toEqual({ id: createdId, created: false, changedFields: [] });
    const audit = await t.db.auditEvent.findMany({ where: { subjectId: createdId }, orderBy: { seq: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["contact.created", "contact.updated"]);
    expect(audit[1]).toMatchObject({ fields: ["jobTitle"], personalValues: { jobTitle: { from: "CTO", to: "CIO" } } });
    expect(await verifyAuditChain({ db: t.db })).toMatchObject({ ok: true });
  });

  it("answers both of two simultaneous creates of one new address: one creates, the other updates", async () => {
    const { writeKey } = await makeKeys();
    const NEW_CONTACT = newContact();
    const body = { ...NEW_CONTACT, email: `same.time.${unique()}@crm-customer.example` };
    const results = await Promise.all([upsert(writeKey, body), upsert(writeKey, { ...body, jobTitle: "CIO" })]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 201]);
    expect(await t.db.contact.count({ where: { email: body.email } })).toBe(1);
  });

  it("GET /contacts/{id} returns fields, roles and subscriptions; 404 for an unknown id", async () => {
    const { readKey } = await makeKeys();
    const lena = await makeLena();
    const r = await getContact(readKey, lena.id);
    expect(r.status).toBe(200);
    const c = await r.json();
    expect(c).toMatchObject({ id: lena.id, email: lena.email, marketingOptOutAt: null });
    expect(c.roles.length).toBeGreaterThan(0);
    expect(c.roles[0].organisation).toMatchObject({ id: expect.any(String), name: expect.any(String) });
    expect(c.subscriptions.length).toBeGreaterThan(0);
    const missing = await getContact(readKey, "no_such_contact");
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe("not_found");
  });
});

describe("opt-out, erasure, suppression and the changes feed", () => {
  it("shows an opt-out and an erasure, the erased contact only as id and 'erased'", async () => {
    const { readKey, writeKey } = await makeKeys();
    const { since, lena, mikael, ERASED_EMAIL } = await optOutAndErase(writeKey);
    const r = await changes(readKey, `since=${encodeURIComponent(since)}&limit=100`);
    expect(r.status).toBe(200);
    const text = await r.clone().text();
    expect(text).not.toContain(ERASED_EMAIL);
    expect(text).not.toContain("Mikael");
    const body = await r.json();
    const forLena = body.changes.filter((c: { contactId: string }) => c.contactId === lena.id);
    expect(forLena.map((c: { change: string }) => c.change)).toContain("marketing_opt_out");
    const forMikael = body.changes.filter((c: { contactId: string }) => c.contactId === mikael);
    expect(forMikael).toEqual([
      { seq: expect.any(String), at: expect.any(String), change: "erased", contactId: mikael },
    ]);
    const requests = body.changes.filter((c: { change: string }) => c.change === "privacy_request");
    expect(requests.map((c: { privacyRequest: { type: string } }) => c.privacyRequest.type).sort()).toEqual([
      "ERASURE",
      "OBJECTION",
    ]);
    expect(body.next).toBe(body.changes.at(-1).seq);
    expect(body.hasMore).toBe(false);
  });

  it("pages with the cursor", async () => {
    const { readKey, writeKey } = await makeKeys();
    const { since } = await optOutAndErase(writeKey);
    const all = await (await changes(readKey, `since=${encodeURIComponent(since)}`)).json();
    const first = await (await changes(readKey, `since=${encodeURIComponent(since)}&limit=2`)).json();
    expect(first.hasMore).toBe(true);
    const rest = await (await changes(readKey, `cursor=${first.next}&limit=500`)).json();
    const seqs = [...first.changes, ...rest.changes].map((c: { seq: string }) => c.seq);
    expect(seqs).toEqual(all.changes.map((c: { seq: string }) => c.seq));
    const empty = await (await changes(readKey, `cursor=${all.next}`)).json();
    expect(empty).toEqual({ changes: [], next: all.next, hasMore: false });
  });

  it("answers 422 to a feed request without since or cursor, or with a bad time", async () => {
    const { readKey } = await makeKeys();
    const r = await changes(readKey, "limit=10");
    expect(r.status).toBe(422);
    expect((await r.json()).error.fields).toEqual({ since: ["since_or_cursor_required"] });
    const bad = await changes(readKey, "since=yesterday&limit=0");
    expect(Object.keys((await bad.json()).error.fields).sort()).toEqual(["limit", "since"]);
  });

  it("refuses to re-create an erased address (409 with reason and date)", async () => {
    const { writeKey } = await makeKeys();
    const { ERASED_EMAIL } = await optOutAndErase(writeKey);
    const r = await upsert(writeKey, { ...newContact(), email: ERASED_EMAIL, name: "Mikael Johansson" });
    expect(r.status).toBe(409);
    const body = await r.json();
    expect(body.error).toMatchObject({
      code: "suppressed",
      reasons: [{ reason: "ERASED", scope: "ALL", since: expect.any(String) }],
    });
    expect(await t.db.contact.count({ where: { email: ERASED_EMAIL } })).toBe(0);
  });

  it("checks addresses against the suppression list without echoing anything else", async () => {
    const { readKey, writeKey } = await makeKeys();
    const { lena: opted, ERASED_EMAIL } = await optOutAndErase(writeKey);
    const hit = await check(readKey, { email: ` ${ERASED_EMAIL.toUpperCase()} ` });
    expect(hit.status).toBe(200);
    expect(await hit.json()).toEqual({
      suppressed: true,
      reasons: [{ reason: "ERASED", scope: "ALL", since: expect.any(String) }],
    });
    const lena = await (await check(readKey, { email: opted.email })).json();
    expect(lena).toEqual({
      suppressed: true,
      reasons: [{ reason: "UNSUBSCRIBED_ALL", scope: "MARKETING", since: expect.any(String) }],
    });
    expect(await (await check(readKey, { email: "nobody@nowhere.example" })).json()).toEqual({
      suppressed: false,
      reasons: [],
    });
    const bad = await check(readKey, { email: "x" });
    expect(bad.status).toBe(422);
  });
});

describe("POST /privacy-requests", () => {
  it("records a request as RECEIVED, due one month later, audited as the API key", async () => {
    const { writeKey, writeKeyId } = await makeKeys();
    const { id: sofia } = await makeContact(t.db, { suppressionKey: SUPPRESSION_KEY });
    const now = new Date("2026-01-31T10:00:00Z");
    const r = await privacyRequest(
      writeKey,
      { type: "ACCESS", channel: "LETTER", contactId: sofia, details: "Letter dated 28 January" },
      now,
    );
    expect(r.status).toBe(201);
    const body = await r.json();
    expect(body).toMatchObject({
      type: "ACCESS",
      channel: "LETTER",
      status: "RECEIVED",
      contactId: sofia,
      receivedAt: now.toISOString(),
      dueAt: privacyRequestDueAt(now).toISOString(),
    });
    expect(body.dueAt).toBe("2026-02-28T10:00:00.000Z");
    const audit = await t.db.auditEvent.findFirst({ where: { subjectId: body.id } });
    expect(audit).toMatchObject({ action: "privacy_request.recorded", actorType: "API", actorId: writeKeyId });
  });

  it("resolves an address to the contact, keeps only a reference for an unknown one", async () => {
    const { writeKey } = await makeKeys();
    const lena = await makeLena();
    const known = await (
      await privacyRequest(writeKey, { type: "OBJECTION", channel: "PHONE", email: lena.email.replace("lena", "LENA") })
    ).json();
    expect(known.contactId).toBe(lena.id);
    const unknown = await (
      await privacyRequest(writeKey, { type: "ACCESS", channel: "EMAIL", email: "stranger@elsewhere.example" })
    ).json();
    expect(unknown.contactId).toBeNull();
    const row = await t.db.privacyRequest.findUniqueOrThrow({ where: { id: unknown.id } });
    expect(row.subjectRef).toMatch(/^[0-9a-f]{12}$/);
  });

  it("answers 422 per field and 404 for an unknown contact id", async () => {
    const { writeKey } = await makeKeys();
    const r = await privacyRequest(writeKey, { type: "WISH", channel: "SELF_SERVICE" });
    expect(r.status).toBe(422);
    expect(Object.keys((await r.json()).error.fields).sort()).toEqual(["channel", "type"]);
    const both = await privacyRequest(writeKey, { type: "ACCESS", channel: "EMAIL" });
    expect((await both.json()).error.fields).toEqual({ contactId: ["contact_id_or_email_required"] });
    const missing = await privacyRequest(writeKey, { type: "ACCESS", channel: "EMAIL", contactId: "nope" });
    expect(missing.status).toBe(404);
  });
});

describe("topics and subscription changes on the person's behalf", () => {
  it("GET /topics lists every topic with its purpose, archived ones marked; READ keys suffice", async () => {
    const { readKey } = await makeKeys();
    const live = await makeTopic(t.db);
    const archived = await makeTopic(t.db, { archivedAt: new Date() });
    expect((await listTopics(null)).status).toBe(401);
    const res = await listTopics(readKey);
    expect(res.status).toBe(200);
    const { topics } = (await res.json()) as { topics: { key: string; archived: boolean; purpose: string }[] };
    expect(topics.find((x) => x.key === live.key)).toMatchObject({ archived: false, purpose: "MARKETING_MAILINGS" });
    expect(topics.find((x) => x.key === archived.key)).toMatchObject({ archived: true });
  });

  it("PUT /contacts/{id}/subscriptions records the change as the key's, with how the person asked", async () => {
    const { readKey, writeKey, writeKeyId } = await makeKeys();
    const topic = await makeTopic(t.db, { defaultCategories: [] });
    const { id } = await makeContact(t.db, { suppressionKey: SUPPRESSION_KEY });
    const body = { topic: topic.key, state: "SUBSCRIBED", requestedVia: "PHONE", note: "Asked in a support call" };
    expect((await changeSubscription(readKey, id, body)).status).toBe(403);

    const res = await changeSubscription(writeKey, id, body);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ topic: topic.key, state: "SUBSCRIBED", changed: true });
    const again = await changeSubscription(writeKey, id, body);
    expect(await again.json()).toEqual({ topic: topic.key, state: "SUBSCRIBED", changed: false });

    const sub = await t.db.subscription.findUniqueOrThrow({
      where: { contactId_topicId: { contactId: id, topicId: topic.id } },
    });
    expect(sub).toMatchObject({ state: "SUBSCRIBED", source: "API" });
    expect(await t.db.subscriptionChange.count({ where: { contactId: id, topicId: topic.id, source: "API" } })).toBe(1);
    const audit = await t.db.auditEvent.findMany({
      where: { subjectType: "Contact", subjectId: id, action: "subscription.subscribed" },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorType: "API", actorId: writeKeyId });
    expect(audit[0]!.personalValues).toMatchObject({
      topic: topic.key,
      from: null,
      to: "SUBSCRIBED",
      source: "API",
      apiKey: "CRM write",
      requestedVia: "PHONE",
      note: "Asked in a support call",
    });
  });

  it("answers 422 per field, 404 for an unknown contact, 409 for a person who opted out of all marketing", async () => {
    const { writeKey } = await makeKeys();
    const topic = await makeTopic(t.db, { defaultCategories: [] });
    const { id } = await makeContact(t.db, { suppressionKey: SUPPRESSION_KEY });
    const bad = await changeSubscription(writeKey, id, { topic: "", state: "MAYBE", requestedVia: "PIGEON" });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { error: { fields: Record<string, string[]> } }).error.fields).toEqual({
      topic: ["topic_required"],
      state: ["state_invalid"],
      requestedVia: ["requested_via_invalid"],
    });
    const unknownTopic = await changeSubscription(writeKey, id, {
      topic: "no-such-topic",
      state: "SUBSCRIBED",
      requestedVia: "EMAIL",
    });
    expect(unknownTopic.status).toBe(422);
    expect(((await unknownTopic.json()) as { error: { fields: unknown } }).error.fields).toEqual({
      topic: ["topic_unknown"],
    });
    const ok = { topic: topic.key, state: "SUBSCRIBED", requestedVia: "EMAIL" };
    expect((await changeSubscription(writeKey, "no-such-contact", ok)).status).toBe(404);

    const opted = await unsubscribeFromAll({
      db: t.db,
      contactId: id,
      source: "SELF",
      suppressionKey: SUPPRESSION_KEY,
    });
    expect(opted.ok).toBe(true);
    const refused = await changeSubscription(writeKey, id, ok);
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ error: { code: "conflict", reason: "opted_out" } });
    const notice = await t.db.topic.create({
      data: {
        key: `notice-${unique()}`,
        nameSv: "Besked",
        nameEn: "Notice",
        descriptionSv: "Ett besked.",
        descriptionEn: "A notice.",
        purpose: "SERVICE_NOTICES",
        isMarketing: false,
        isRequired: true,
      },
    });
    const required = await changeSubscription(writeKey, id, { ...ok, topic: notice.key, state: "UNSUBSCRIBED" });
    expect(required.status).toBe(422);
    expect(((await required.json()) as { error: { fields: unknown } }).error.fields).toEqual({
      topic: ["topic_not_optional"],
    });
    // Leaving stays possible.
    const leave = await changeSubscription(writeKey, id, { ...ok, state: "UNSUBSCRIBED" });
    expect(leave.status).toBe(200);
  });
});

describe("GET /contacts: updated since, in keyset pages", () => {
  it("pages through the contacts changed since a time, oldest change first, a changed one moving to the end", async () => {
    const { readKey, writeKey } = await makeKeys();
    await new Promise((r) => setTimeout(r, 20));
    const since = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 5));
    const a = await makeContact(t.db, { suppressionKey: SUPPRESSION_KEY });
    const b = await makeContact(t.db, { suppressionKey: SUPPRESSION_KEY });
    const c = await makeContact(t.db, { suppressionKey: SUPPRESSION_KEY });
    // a changes its name: it is now the latest change.
    const changed = await upsert(writeKey, {
      email: a.email,
      name: "Anna Ändrad",
      category: "CUSTOMER_CONTACT",
      source: { type: "IMPORTED" },
    });
    expect(changed.status).toBe(200);
    type Page = { contacts: { id: string; email: string; name: string }[]; next: string | null };
    const first = (await (await listContacts(readKey, `updatedSince=${since}&limit=2`)).json()) as Page;
    expect(first.contacts.map((x) => x.id)).toEqual([b.id, c.id]);
    expect(first.next).not.toBeNull();
    const second = (await (
      await listContacts(readKey, `cursor=${encodeURIComponent(first.next!)}&limit=2`)
    ).json()) as Page;
    expect(second.contacts.map((x) => x.id)).toEqual([a.id]);
    expect(second.contacts[0]).toMatchObject({ name: "Anna Ändrad" });
    expect(second.next).toBeNull();
  });

  it("answers 422 per field to a bad time, cursor or limit, and 401 without a key", async () => {
    const { readKey } = await makeKeys();
    expect((await listContacts(null, "limit=1")).status).toBe(401);
    const bad = await listContacts(readKey, "updatedSince=yesterday&limit=9999");
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { error: { fields: object } }).error.fields).toEqual({
      updatedSince: ["updated_since_invalid"],
      limit: ["limit_invalid"],
    });
    const forged = await listContacts(readKey, "cursor=bm90LWEtY3Vyc29y");
    expect(forged.status).toBe(422);
    expect(((await forged.json()) as { error: { fields: object } }).error.fields).toEqual({
      cursor: ["cursor_invalid"],
    });
  });
});

describe("organisations and roles from the CRM", () => {
  it("PUT /organisations creates by organisation number, then changes only what differs; ending starts the clock", async () => {
    const { readKey, writeKey, writeKeyId } = await makeKeys();
    const number = orgNumber();
    const body = { orgNumber: number.replace("-", ""), name: "Fjärrvärme i Norr AB", relationship: "CUSTOMER" };
    expect((await upsertOrganisation(readKey, body)).status).toBe(403);
    const created = await upsertOrganisation(writeKey, { ...body, relationshipStart: "2020-01-01" });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const org = await t.db.organisation.findUniqueOrThrow({ where: { id } });
    expect(org).toMatchObject({ orgNumber: number, name: "Fjärrvärme i Norr AB", accountManagerId: null });

    const same = await upsertOrganisation(writeKey, body);
    expect(same.status).toBe(200);
    expect(await same.json()).toEqual({ id, created: false, changedFields: [] });
    const ended = await upsertOrganisation(writeKey, {
      ...body,
      relationship: "FORMER_CUSTOMER",
      relationshipEnd: "2026-11-30",
    });
    expect(await ended.json()).toEqual({ id, created: false, changedFields: ["relationship", "relationshipEnd"] });
    const audit = await t.db.auditEvent.findMany({
      where: { subjectType: "Organisation", subjectId: id },
      orderBy: { seq: "asc" },
    });
    expect(audit.map((a) => [a.action, a.actorType, a.actorId])).toEqual([
      ["organisation.created", "API", writeKeyId],
      ["organisation.relationship_ended", "API", writeKeyId],
    ]);

    const bad = await upsertOrganisation(writeKey, {
      orgNumber: "123",
      name: "",
      relationship: "FRIEND",
      relationshipStart: "2026-02-01",
      relationshipEnd: "2026-01-01",
    });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { error: { fields: Record<string, string[]> } }).error.fields).toMatchObject({
      orgNumber: ["org_number_invalid"],
      name: ["name_required"],
      relationship: ["relationship_invalid"],
    });
  });

  it("PUT /contacts/{id}/roles adds a role, changes its title, ends it; the same role sent again changes nothing", async () => {
    const { writeKey } = await makeKeys();
    const number = orgNumber();
    await upsertOrganisation(writeKey, { orgNumber: number, name: "Roll AB", relationship: "CUSTOMER" });
    const { id } = await makeContact(t.db, { suppressionKey: SUPPRESSION_KEY });
    const role = { organisation: number, type: "TECHNICAL_CONTACT", title: "Drift", startsOn: "2025-03-01" };
    const added = await setRole(writeKey, id, role);
    expect(added.status).toBe(201);
    const { roleId } = (await added.json()) as { roleId: string };
    expect(await (await setRole(writeKey, id, role)).json()).toEqual({ roleId, created: false, changedFields: [] });
    expect(await (await setRole(writeKey, id, { ...role, title: "Drift och nät" })).json()).toEqual({
      roleId,
      created: false,
      changedFields: ["title"],
    });
    const renamed = { ...role, title: "Drift och nät" };
    expect(await (await setRole(writeKey, id, { ...renamed, endsOn: "2026-11-30" })).json()).toEqual({
      roleId,
      created: false,
      changedFields: ["endsOn"],
    });
    // Sent again after it ended: the same role (same start), not a new one.
    expect(await (await setRole(writeKey, id, { ...renamed, endsOn: "2026-11-30" })).json()).toMatchObject({
      roleId,
      changedFields: [],
    });
    const rows = await t.db.contactRole.findMany({ where: { contactId: id, organisation: { orgNumber: number } } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ title: "Drift och nät", endsOn: new Date("2026-11-30T00:00:00Z") });
    const actions = await t.db.auditEvent.findMany({
      where: { subjectType: "Contact", subjectId: id, action: { startsWith: "contact.role" } },
      orderBy: { seq: "asc" },
      select: { action: true, actorType: true },
    });
    expect(actions.map((a) => `${a.action} ${a.actorType}`)).toEqual([
      "contact.role_added API",
      "contact.role_changed API",
      "contact.role_ended API",
    ]);
  });

  it("answers 404 for an unknown contact and 422 per field for an unknown organisation or bad dates", async () => {
    const { writeKey } = await makeKeys();
    const { id } = await makeContact(t.db, { suppressionKey: SUPPRESSION_KEY });
    const role = { organisation: orgNumber(), type: "TECHNICAL_CONTACT", startsOn: "2025-03-01" };
    expect((await setRole(writeKey, "no-such-contact", role)).status).toBe(404);
    const unknown = await setRole(writeKey, id, role);
    expect(unknown.status).toBe(422);
    expect(((await unknown.json()) as { error: { fields: unknown } }).error.fields).toEqual({
      organisation: ["organisation_unknown"],
    });
    const bad = await setRole(writeKey, id, { ...role, type: "BOSS", startsOn: "2025-13-01", endsOn: "yesterday" });
    expect(bad.status).toBe(422);
    expect(Object.keys(((await bad.json()) as { error: { fields: object } }).error.fields).sort()).toEqual([
      "endsOn",
      "startsOn",
      "type",
    ]);
  });
});

describe("revocation", () => {
  it("refuses a revoked key at once, and the audit chain still verifies", async () => {
    const { ADMIN, writeKey, writeKeyId } = await makeKeys();
    const lena = await makeLena();
    expect(await revokeApiKey({ db: t.db, id: writeKeyId, actor: ADMIN })).toEqual({ ok: true, changed: true });
    const r = await getContact(writeKey, lena.id);
    expect(r.status).toBe(401);
    expect((await upsert(writeKey, newContact())).status).toBe(401);
    expect(await revokeApiKey({ db: t.db, id: writeKeyId, actor: ADMIN })).toEqual({ ok: true, changed: false });
    expect(await verifyAuditChain({ db: t.db })).toMatchObject({ ok: true });
  });
});
