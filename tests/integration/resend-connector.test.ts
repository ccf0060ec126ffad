// The Resend connector's sync of one person, with the real SDK against the fake Resend API, which checks every
// request against Resend's OpenAPI description: an opt-in creates the person at Resend with only address and topics,
// an unsubscribe and an opt-out from all reach the same Resend contact, an address change replaces it, an erasure
// removes it, someone Resend already holds under the address is adopted, and a 429 comes back as a typed, retryable
// result with Retry-After.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createResendContactsClient } from "@/lib/connectors/resend/resend-contacts-client";
import { syncContactToResend } from "@/lib/connectors/resend/sync-contact-to-resend";
import { eraseContact } from "@/lib/contacts/erase-contact";
import { resubscribe } from "@/lib/subscriptions/resubscribe";
import { setSubscription } from "@/lib/subscriptions/set-subscription";
import { unsubscribeFromAll } from "@/lib/subscriptions/unsubscribe-from-all";
import { createTestDb, type TestDb } from "../support/db";
import { startFakeResend, type FakeResend } from "../support/fake-resend";
import { makeContact, makeTopic, TEST_SUPPRESSION_KEY } from "../factories";

let t: TestDb;
let fake: FakeResend;

beforeAll(async () => {
  t = await createTestDb();
  fake = await startFakeResend();
});
afterAll(async () => {
  await fake?.close();
  await t?.close();
});
afterEach(() => {
  expect(fake.violations).toEqual([]);
});

async function setUp() {
  const newsletter = await makeTopic(t.db, { defaultCategories: ["CUSTOMER_CONTACT"] });
  const events = await makeTopic(t.db, { defaultCategories: ["CUSTOMER_CONTACT"] });
  const unmapped = await makeTopic(t.db, { defaultCategories: ["CUSTOMER_CONTACT"] });
  const resendNewsletter = crypto.randomUUID();
  const resendEvents = crypto.randomUUID();
  for (const [id, name] of [
    [resendNewsletter, "Newsletter"],
    [resendEvents, "Events"],
  ] as const)
    fake.topics.set(id, { id, name, default_subscription: "opt_in" });
  const contact = await makeContact(t.db, { category: "CUSTOMER_CONTACT" });
  const client = createResendContactsClient({
    db: t.db,
    apiKey: "re_test_connector",
    baseUrl: fake.url,
    ratePerSecond: 0,
  });
  const topics = { [newsletter.key]: resendNewsletter, [events.key]: resendEvents };
  const sync = () =>
    syncContactToResend({ db: t.db, client, topics, contactId: contact.id, suppressionKey: TEST_SUPPRESSION_KEY });
  const atResend = () => [...fake.contacts.values()].find((c) => c.email === contact.email);
  return { contact, newsletter, events, unmapped, resendNewsletter, resendEvents, sync, atResend, client };
}

describe("Resend connector", () => {
  it("creates a subscribed person at Resend with the address and the mapped topics only", async () => {
    const s = await setUp();
    const result = await s.sync();
    expect(result).toEqual({ ok: true, data: "created" });
    const remote = s.atResend()!;
    expect(remote.unsubscribed).toBe(false);
    expect(remote.first_name).toBeUndefined();
    expect(Object.fromEntries(remote.topics)).toEqual({ [s.resendNewsletter]: "opt_in", [s.resendEvents]: "opt_in" });
    const create = fake.requests.find((r) => r.operationId === "contacts/create")!;
    expect(Object.keys(create.body as object).sort()).toEqual(["email", "topics", "unsubscribed"]);
    const link = await t.db.resendContactLink.findUniqueOrThrow({ where: { contactId: s.contact.id } });
    expect(link.resendId).toBe(remote.id);
  });

  it("carries an unsubscribe from one topic and an opt-out from all to the same Resend contact, and an opt-in back", async () => {
    const s = await setUp();
    await s.sync();
    const id = s.atResend()!.id;

    await setSubscription({
      db: t.db,
      contactId: s.contact.id,
      topicId: s.events.id,
      state: "UNSUBSCRIBED",
      source: "SELF",
      suppressionKey: TEST_SUPPRESSION_KEY,
    });
    expect(await s.sync()).toEqual({ ok: true, data: "synced" });
    expect(fake.contacts.get(id)!.topics.get(s.resendEvents)).toBe("opt_out");
    expect(fake.contacts.get(id)!.topics.get(s.resendNewsletter)).toBe("opt_in");

    await unsubscribeFromAll({
      db: t.db,
      contactId: s.contact.id,
      source: "ONE_CLICK",
      suppressionKey: TEST_SUPPRESSION_KEY,
    });
    expect(await s.sync()).toEqual({ ok: true, data: "synced" });
    expect(fake.contacts.get(id)!.unsubscribed).toBe(true);
    expect(fake.contacts.get(id)!.topics.get(s.resendNewsletter)).toBe("opt_out");

    const back = await resubscribe({ db: t.db, contactId: s.contact.id, suppressionKey: TEST_SUPPRESSION_KEY });
    expect(back.ok).toBe(true);
    expect(await s.sync()).toEqual({ ok: true, data: "synced" });
    expect(fake.contacts.get(id)!.unsubscribed).toBe(false);
    expect(fake.contacts.size).toBeGreaterThan(0);
    expect([...fake.contacts.values()].filter((c) => c.email === s.contact.email)).toHaveLength(1);
  });

  it("does not create someone at Resend only to record an opt-out, but adopts one Resend already holds", async () => {
    const s = await setUp();
    await unsubscribeFromAll({
      db: t.db,
      contactId: s.contact.id,
      source: "SELF",
      suppressionKey: TEST_SUPPRESSION_KEY,
    });
    expect(await s.sync()).toEqual({ ok: true, data: "not_at_resend" });
    expect(s.atResend()).toBeUndefined();

    // Marketing imported the address into Resend by hand: the opt-out must reach that contact.
    const created = await s.client.createContact({ email: s.contact.email, unsubscribed: false, topics: [] });
    expect(created.ok).toBe(true);
    expect(await s.sync()).toEqual({ ok: true, data: "synced" });
    expect(s.atResend()!.unsubscribed).toBe(true);
    expect(Object.fromEntries(s.atResend()!.topics)).toEqual({
      [s.resendNewsletter]: "opt_out",
      [s.resendEvents]: "opt_out",
    });
  });

  it("replaces the Resend contact when the address changed, and removes it when the person is erased", async () => {
    const s = await setUp();
    await s.sync();
    const oldId = s.atResend()!.id;
    const newEmail = `moved.${s.contact.id}@customer.example`;
    await t.db.contact.update({ where: { id: s.contact.id }, data: { email: newEmail } });
    expect(await s.sync()).toEqual({ ok: true, data: "created" });
    expect(fake.contacts.has(oldId)).toBe(false);
    const moved = [...fake.contacts.values()].find((c) => c.email === newEmail)!;
    expect(moved).toBeDefined();

    const erased = await eraseContact({
      db: t.db,
      contactId: s.contact.id,
      actor: { type: "CONTACT", id: s.contact.id },
      channel: "SELF_SERVICE",
      suppressionKey: TEST_SUPPRESSION_KEY,
    });
    expect(erased.ok).toBe(true);
    // The link outlives the contact until the connector has removed the Resend contact through it.
    expect(await t.db.resendContactLink.count({ where: { contactId: s.contact.id } })).toBe(1);
    expect(await s.sync()).toEqual({ ok: true, data: "removed" });
    expect(fake.contacts.has(moved.id)).toBe(false);
    expect(await t.db.resendContactLink.count({ where: { contactId: s.contact.id } })).toBe(0);
    // Again (a redelivery): nothing left to remove, not an error.
    expect(await s.sync()).toEqual({ ok: true, data: "not_at_resend" });
  });

  it("gives a rate-limited answer back as a typed, retryable result with the wait Resend asked for", async () => {
    const s = await setUp();
    fake.failNext(1, { status: 429, retryAfter: "7" });
    const result = await s.sync();
    expect(result).toMatchObject({ ok: false, code: "rate_limited", retry: true, retryAfterMs: 7000, status: 429 });
    fake.failNext(1, { status: 503 });
    expect(await s.sync()).toMatchObject({ ok: false, code: "unavailable", retry: true });
    expect(await s.sync()).toEqual({ ok: true, data: "created" });
  });
});
