// The Resend connector plugged into the outbound event delivery: its endpoint kept from the configuration, each change
// to a person (registration, opt-out from all, erasure) written as an event in the change's transaction and carried
// to the fake Resend API by deliverLane in order, a provider outage retried with back-off, and the endpoint neither
// editable nor deletable by an admin. Every request checked against Resend's OpenAPI description.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createResendContactsClient } from "@/lib/connectors/resend/resend-contacts-client";
import { keepResendEndpoint, RESEND_ENDPOINT_NAME } from "@/lib/connectors/resend/keep-resend-endpoint";
import { createResendSend } from "@/lib/connectors/resend/send-to-resend";
import { eraseContact } from "@/lib/contacts/erase-contact";
import { deleteWebhookEndpoint, updateWebhookEndpoint } from "@/lib/outbound-webhooks/change-webhook-endpoint";
import { deliverLane } from "@/lib/outbound-webhooks/deliver-lane";
import { findDueLanes } from "@/lib/outbound-webhooks/find-due-lanes";
import { unsubscribeFromAll } from "@/lib/subscriptions/unsubscribe-from-all";
import { makeContact, makeTopic, TEST_SUPPRESSION_KEY } from "../factories";
import { createTestDb, type TestDb } from "../support/db";
import { startFakeResend, type FakeResend } from "../support/fake-resend";

const SETTINGS = { allowHttp: true, timeoutMs: 1_500, retryBaseMs: 10_000, giveUpAfterMs: 3 * 24 * 3600_000 };
let t: TestDb;
let fake: FakeResend;
let skipped = 0;
const clock = () => new Date(Date.now() + skipped);

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

async function drain(resend: ReturnType<typeof createResendSend>) {
  for (let round = 0; round < 50; round++) {
    const lanes = await findDueLanes({ db: t.db, now: clock(), limit: 1000 });
    if (lanes.length === 0) return;
    for (const l of lanes)
      await deliverLane(
        { db: t.db, settings: SETTINGS, publicUrl: "https://prefs.example.com", now: clock, resend },
        l.endpointId,
        l.lane,
      );
  }
  throw new Error("lanes never ran dry");
}

describe("Resend connector through the outbound event delivery", () => {
  it("carries a registration, an opt-out from all and an erasure to Resend in order, through an outage", async () => {
    await keepResendEndpoint({ db: t.db, enabled: true, apiUrl: fake.url });
    const endpoint = await t.db.webhookEndpoint.findFirstOrThrow({ where: { kind: "RESEND" } });
    expect(endpoint).toMatchObject({ name: RESEND_ENDPOINT_NAME, enabled: true });

    const newsletter = await makeTopic(t.db, { defaultCategories: ["CUSTOMER_CONTACT"] });
    const resendTopic = crypto.randomUUID();
    fake.topics.set(resendTopic, { id: resendTopic, name: "Newsletter", default_subscription: "opt_out" });
    const client = createResendContactsClient({
      db: t.db,
      apiKey: "re_test_connector",
      baseUrl: fake.url,
      ratePerSecond: 0,
    });
    const resend = createResendSend({
      db: t.db,
      client,
      topics: { [newsletter.key]: resendTopic },
      suppressionKey: TEST_SUPPRESSION_KEY,
    });

    // Registered with the topic by default: the event's delivery creates the person at Resend.
    const contact = await makeContact(t.db, { category: "CUSTOMER_CONTACT" });
    await drain(resend);
    const remote = () => [...fake.contacts.values()].find((c) => c.email === contact.email);
    expect(remote()?.topics.get(resendTopic)).toBe("opt_in");
    expect(remote()?.unsubscribed).toBe(false);

    // Resend is down for the opt-out's first attempt: the delivery waits out its back-off and then gets through.
    fake.failNext(1, { status: 503 });
    await unsubscribeFromAll({
      db: t.db,
      contactId: contact.id,
      source: "ONE_CLICK",
      suppressionKey: TEST_SUPPRESSION_KEY,
    });
    await drain(resend);
    expect(remote()?.unsubscribed).toBe(false);
    const waiting = await t.db.webhookDelivery.findFirstOrThrow({
      where: { endpointId: endpoint.id, status: "PENDING" },
    });
    expect(waiting.lastError).toBe("resend_unavailable");
    skipped += 60_000;
    await drain(resend);
    expect(remote()?.unsubscribed).toBe(true);
    expect(remote()?.topics.get(resendTopic)).toBe("opt_out");

    // Erased: the Resend contact goes, and so does the link that found it.
    const id = remote()!.id;
    const erased = await eraseContact({
      db: t.db,
      contactId: contact.id,
      actor: { type: "CONTACT", id: contact.id },
      channel: "SELF_SERVICE",
      suppressionKey: TEST_SUPPRESSION_KEY,
    });
    expect(erased.ok).toBe(true);
    await drain(resend);
    expect(fake.contacts.has(id)).toBe(false);
    expect(await t.db.resendContactLink.count({ where: { contactId: contact.id } })).toBe(0);
    const deliveries = await t.db.webhookDelivery.findMany({
      where: { endpointId: endpoint.id, lane: contact.id },
      orderBy: { seq: "asc" },
      include: { event: { select: { type: true } } },
    });
    expect(deliveries.map((d) => [d.event.type, d.status])).toEqual([
      ["contact.created", "DELIVERED"],
      ["contact.opted_out", "DELIVERED"],
      ["contact.erased", "DELIVERED"],
    ]);
  });

  it("keeps the endpoint from the configuration: not editable or deletable by an admin, off when unconfigured", async () => {
    await keepResendEndpoint({ db: t.db, enabled: true, apiUrl: fake.url });
    const endpoint = await t.db.webhookEndpoint.findFirstOrThrow({ where: { kind: "RESEND" } });
    expect(await t.db.webhookEndpoint.count({ where: { kind: "RESEND" } })).toBe(1);
    const actor = { type: "STAFF" as const, id: "test-admin" };
    const update = await updateWebhookEndpoint({
      db: t.db,
      id: endpoint.id,
      actor,
      allowHttp: true,
      input: { name: "Elsewhere", url: "http://127.0.0.1:9/", eventTypes: ["contact.created"], failureThreshold: 5 },
    });
    expect(update.ok).toBe(false);
    expect((await deleteWebhookEndpoint({ db: t.db, id: endpoint.id, actor })).ok).toBe(false);

    await keepResendEndpoint({ db: t.db, enabled: false, apiUrl: fake.url });
    expect(await t.db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).toMatchObject({
      enabled: false,
      disabledReason: "configuration",
    });
    await keepResendEndpoint({ db: t.db, enabled: true, apiUrl: fake.url });
    expect(await t.db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).toMatchObject({
      enabled: true,
      disabledReason: null,
    });
  });
});
