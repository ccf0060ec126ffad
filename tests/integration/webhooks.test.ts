// Resend webhooks end to end below the route (lib/webhooks/handle-resend-webhook.ts with a real Request), on people
// and mailings each test makes with the test factories, with payloads signed by the official Standard Webhooks library (what Svix and Resend use): a verified
// event is applied once however often it is delivered; a bad signature, a stale timestamp or a body we cannot read
// changes nothing.
import { randomUUID } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import type { DeliveryStatus } from "@/lib/generated/prisma/enums";
import { oneClickUnsubscribe } from "@/lib/subscriptions/one-click-unsubscribe";
import { hashAddress } from "@/lib/suppression/hash-address";
import { handleResendWebhook } from "@/lib/webhooks/handle-resend-webhook";
import { createTestDb, type TestDb } from "../support/db";
import { makeContact, makeSegment, makeTopic } from "../factories";

const KEY = "k".repeat(40);
const SECRET = `whsec_${Buffer.from("resend-webhook-test-secret-32-bytes!").toString("base64")}`;
const OTHER_SECRET = `whsec_${Buffer.from("some-other-endpoint-secret-32-byte!!").toString("base64")}`;

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.close());

/**
 * A customer contact of the test's own, subscribed by default to the test's newsletter (marketing) and service notices
 * (not marketing).
 */
async function makePerson() {
  const NEWSLETTER = (await makeTopic(t.db, { defaultCategories: ["CUSTOMER_CONTACT"] })).id;
  const SERVICE_NOTICES = (await makeTopic(t.db, { isMarketing: false, defaultCategories: ["CUSTOMER_CONTACT"] })).id;
  const { id, email } = await makeContact(t.db, { suppressionKey: KEY });
  return { id, email, NEWSLETTER, SERVICE_NOTICES };
}

/** A sent delivery of a fresh mailing on the topic (a newsletter of its own unless given), with its provider message id. */
async function sentDelivery(
  contactId: string | null,
  opts: { sentAt?: Date; status?: DeliveryStatus; topicId?: string } = {},
) {
  const topicId = opts.topicId ?? (await makeTopic(t.db)).id;
  const { id: segmentId } = await makeSegment(t.db, { name: "Webhook test" });
  const mailing = await t.db.mailing.create({
    data: { name: "Test mailing", topicId, segmentId, status: "SENDING" },
    select: { id: true },
  });
  const emailId = randomUUID();
  const delivery = await t.db.delivery.create({
    data: {
      mailingId: mailing.id,
      contactId,
      batch: 0,
      status: opts.status ?? "SENT",
      attempts: 1,
      providerMessageId: emailId,
      sentAt: opts.sentAt ?? new Date(),
    },
    select: { id: true },
  });
  return { id: delivery.id, emailId };
}

const event = (type: string, emailId: string, to: string[], extra: Record<string, unknown> = {}) => ({
  type,
  created_at: new Date().toISOString(),
  data: {
    created_at: new Date().toISOString(),
    email_id: emailId,
    from: "Tillit <news@tillit.example>",
    to,
    subject: "Nyhetsbrev",
    ...extra,
  },
});

function signed(
  payload: unknown,
  opts: { id?: string; at?: Date; signer?: Webhook; headers?: Record<string, string | null> } = {},
) {
  const body = typeof payload === "string" ? payload : JSON.stringify(payload);
  const id = opts.id ?? `msg_${randomUUID()}`;
  const at = opts.at ?? new Date();
  const headers = new Headers({
    "content-type": "application/json",
    "svix-id": id,
    "svix-timestamp": String(Math.floor(at.getTime() / 1000)),
    "svix-signature": (opts.signer ?? new Webhook(SECRET)).sign(id, at, body),
  });
  for (const [name, value] of Object.entries(opts.headers ?? {})) {
    if (value === null) headers.delete(name);
    else headers.set(name, value);
  }
  return { id, request: new Request("http://localhost:3000/api/webhooks/resend", { method: "POST", headers, body }) };
}

async function post(request: Request, opts: { secret?: string } = { secret: SECRET }) {
  const response = await handleResendWebhook({ db: t.db, request, secret: opts.secret, suppressionKey: KEY });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Everything a webhook could change, to show that a refused one changed none of it. */
async function snapshot() {
  return {
    events: await t.db.webhookEvent.count(),
    suppressions: await t.db.suppression.count(),
    audit: await t.db.auditEvent.count(),
    subscriptionChanges: await t.db.subscriptionChange.count(),
    deliveries: await t.db.delivery.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true } }),
    optedOut: await t.db.contact.count({ where: { marketingOptOutAt: { not: null } } }),
  };
}

const statusOf = async (id: bigint) => (await t.db.delivery.findUniqueOrThrow({ where: { id } })).status;
const suppressionsOf = (address: string) =>
  t.db.suppression.findMany({ where: { addressHash: hashAddress(address, KEY) }, orderBy: { reason: "asc" } });

describe("signature and format", () => {
  it("applies a verified event once, however often it is delivered (same svix-id)", async () => {
    const bjorn = await makeContact(t.db, { suppressionKey: KEY });
    const d = await sentDelivery(bjorn.id);
    const payload = event("email.delivered", d.emailId, [bjorn.email]);
    const first = signed(payload);
    expect(await post(first.request)).toEqual({ status: 200, body: { ok: true, outcome: "applied" } });
    expect(await statusOf(d.id)).toBe("DELIVERED");

    // Put the row back: a second application would show, a redelivery must not.
    await t.db.delivery.update({ where: { id: d.id }, data: { status: "SENT" } });
    const again = signed(payload, { id: first.id });
    expect(await post(again.request)).toEqual({ status: 200, body: { ok: true, outcome: "duplicate" } });
    expect(await statusOf(d.id)).toBe("SENT");
    expect(await t.db.webhookEvent.findMany({ where: { id: first.id } })).toEqual([
      expect.objectContaining({ id: first.id, type: "email.delivered" }),
    ]);
  });

  it("applies an event once when two deliveries of it arrive at the same moment", async () => {
    const someone = await makePerson();
    const d = await sentDelivery(someone.id, { topicId: someone.NEWSLETTER });
    const payload = event("email.complained", d.emailId, ["someone.twice@example.com"]);
    const a = signed(payload);
    const b = signed(payload, { id: a.id });
    const results = await Promise.all([post(a.request), post(b.request)]);
    expect(results.map((r) => r.body.outcome).sort()).toEqual(["applied", "duplicate"]);
    expect(await suppressionsOf("someone.twice@example.com")).toHaveLength(1);
    expect(await t.db.auditEvent.count({ where: { subjectId: someone.id, action: "contact.marketing_opt_out" } })).toBe(
      1,
    );
  });

  it("refuses a bad signature, a tampered body and missing headers, changing nothing", async () => {
    const maria = await makePerson();
    const d = await sentDelivery(maria.id, { topicId: maria.NEWSLETTER });
    const payload = event("email.complained", d.emailId, [maria.email]);
    const before = await snapshot();

    const wrongKey = signed(payload, { signer: new Webhook(OTHER_SECRET) });
    expect(await post(wrongKey.request)).toMatchObject({ status: 401, body: { error: { code: "invalid_signature" } } });

    const good = signed(payload);
    const tampered = new Request(good.request.url, {
      method: "POST",
      headers: good.request.headers,
      body: JSON.stringify(event("email.complained", d.emailId, ["someone.else@example.com"])),
    });
    expect(await post(tampered)).toMatchObject({ status: 401, body: { error: { code: "invalid_signature" } } });

    const garbled = signed(payload, { headers: { "svix-signature": "v1,AAAA" } });
    expect(await post(garbled.request)).toMatchObject({ status: 401, body: { error: { code: "invalid_signature" } } });

    const unsigned = signed(payload, { headers: { "svix-signature": null } });
    expect(await post(unsigned.request)).toMatchObject({ status: 401, body: { error: { code: "missing_signature" } } });

    expect(await snapshot()).toEqual(before);
    expect(await statusOf(d.id)).toBe("SENT");
  });

  it("refuses a timestamp ten minutes old (or ahead), even correctly signed, changing nothing", async () => {
    const d = await sentDelivery((await makeContact(t.db, { suppressionKey: KEY })).id);
    const payload = event("email.bounced", d.emailId, ["x@example.com"], { bounce: { type: "Permanent" } });
    const before = await snapshot();
    for (const at of [new Date(Date.now() - 10 * 60_000), new Date(Date.now() + 10 * 60_000)]) {
      const r = await post(signed(payload, { at }).request);
      expect(r).toMatchObject({
        status: 401,
        body: { error: { code: "stale_timestamp", message: expect.any(String) } },
      });
    }
    expect(await snapshot()).toEqual(before);
  });

  it("answers 400 with a code for malformed JSON or an unexpected shape behind a valid signature", async () => {
    const before = await snapshot();
    const broken = await post(signed('{"type": "email.delivered", "data": {').request);
    expect(broken).toEqual({
      status: 400,
      body: { error: { code: "invalid_json", message: "The request body is not valid JSON." } },
    });
    const shapeless = await post(signed({ type: "email.bounced", data: { to: "nobody" } }).request);
    expect(shapeless).toMatchObject({ status: 400, body: { error: { code: "invalid_payload" } } });
    const notAnEvent = await post(signed([1, 2, 3]).request);
    expect(notAnEvent).toMatchObject({ status: 400, body: { error: { code: "invalid_payload" } } });
    expect(await snapshot()).toEqual(before);
  });

  it("answers 503 while no usable secret is configured", async () => {
    const { request } = signed(event("email.delivered", randomUUID(), []));
    expect(await post(request, {})).toMatchObject({
      status: 503,
      body: { error: { code: "webhook_not_configured" } },
    });
    const again = signed(event("email.delivered", randomUUID(), []));
    expect(await post(again.request, { secret: "whsec_" })).toMatchObject({
      status: 503,
      body: { error: { code: "webhook_not_configured" } },
    });
  });
});

describe("delivery events", () => {
  it("moves a delivery through delayed and delivered, never backwards", async () => {
    const d = await sentDelivery((await makeContact(t.db, { suppressionKey: KEY })).id);
    const to = ["someone@example.com"];
    expect((await post(signed(event("email.delivery_delayed", d.emailId, to)).request)).status).toBe(200);
    expect(await statusOf(d.id)).toBe("DELAYED");
    expect((await post(signed(event("email.delivered", d.emailId, to)).request)).status).toBe(200);
    expect(await statusOf(d.id)).toBe("DELIVERED");
    // Resend does not promise order: a late "delayed" does not undo "delivered".
    expect((await post(signed(event("email.delivery_delayed", d.emailId, to)).request)).status).toBe(200);
    expect(await statusOf(d.id)).toBe("DELIVERED");
  });

  it("marks a failed delivery with the reason, without the address", async () => {
    const d = await sentDelivery((await makeContact(t.db, { suppressionKey: KEY })).id);
    const failed = event("email.failed", d.emailId, ["someone@example.com"], {
      failed: { reason: "Recipient someone@example.com rejected by policy" },
    });
    expect(await post(signed(failed).request)).toEqual({ status: 200, body: { ok: true, outcome: "applied" } });
    expect(await t.db.delivery.findUniqueOrThrow({ where: { id: d.id } })).toMatchObject({
      status: "FAILED",
      error: "Recipient [address] rejected by policy",
    });
  });

  it("marks a delivery Resend refused to send (its own suppression list) as failed", async () => {
    const d = await sentDelivery((await makeContact(t.db, { suppressionKey: KEY })).id);
    const suppressed = event("email.suppressed", d.emailId, ["someone@example.com"], {
      suppressed: { type: "OnAccountSuppressionList", message: "Resend has suppressed sending to this address" },
    });
    expect((await post(signed(suppressed).request)).body).toEqual({ ok: true, outcome: "applied" });
    expect(await t.db.delivery.findUniqueOrThrow({ where: { id: d.id } })).toMatchObject({
      status: "FAILED",
      error: "suppressed by provider: OnAccountSuppressionList",
    });
  });

  it("records an event for an unknown email id (a transactional mail) and changes nothing else", async () => {
    const lena = await makeContact(t.db, { suppressionKey: KEY });
    const before = await snapshot();
    const { id, request } = signed(
      event("email.bounced", randomUUID(), [lena.email], { bounce: { type: "Permanent" } }),
    );
    expect(await post(request)).toEqual({ status: 200, body: { ok: true, outcome: "unmatched" } });
    expect(await snapshot()).toEqual({ ...before, events: before.events + 1 });
    expect(await t.db.webhookEvent.findUnique({ where: { id } })).toMatchObject({ type: "email.bounced" });
  });

  it("records and ignores events it does not act on (opens and clicks are not tracked)", async () => {
    const d = await sentDelivery((await makeContact(t.db, { suppressionKey: KEY })).id);
    const before = await snapshot();
    const r = await post(signed(event("email.opened", d.emailId, ["someone@example.com"])).request);
    expect(r).toEqual({ status: 200, body: { ok: true, outcome: "ignored" } });
    expect(await snapshot()).toEqual({ ...before, events: before.events + 1 });
  });
});

describe("bounces", () => {
  it("a permanent bounce marks the delivery bounced and suppresses the address for all mail", async () => {
    const { id: MIKAEL, email: address } = await makeContact(t.db, { suppressionKey: KEY });
    const d = await sentDelivery(MIKAEL);
    const bounced = event("email.bounced", d.emailId, [`Mikael Johansson <${address.toUpperCase()}>`], {
      bounce: { type: "Permanent", subType: "General", message: `550 5.1.1 <${address}>: user unknown` },
    });
    const first = signed(bounced);
    expect(await post(first.request)).toEqual({ status: 200, body: { ok: true, outcome: "applied" } });
    expect(await t.db.delivery.findUniqueOrThrow({ where: { id: d.id } })).toMatchObject({
      status: "BOUNCED",
      error: "Permanent/General",
    });
    const rows = await suppressionsOf(address);
    expect(rows).toEqual([expect.objectContaining({ reason: "HARD_BOUNCE", scope: "ALL" })]);
    expect(await t.db.auditEvent.findMany({ where: { action: "suppression.added", subjectId: rows[0]!.id } })).toEqual([
      expect.objectContaining({ actorType: "SYSTEM", actorId: "resend-webhook", subjectType: "Suppression" }),
    ]);

    // A redelivery, and a second mailing's bounce for the same address, add nothing.
    expect((await post(signed(bounced, { id: first.id }).request)).body).toEqual({ ok: true, outcome: "duplicate" });
    const other = await sentDelivery(MIKAEL);
    const second = event("email.bounced", other.emailId, [address], { bounce: { type: "Permanent" } });
    expect((await post(signed(second).request)).body).toEqual({ ok: true, outcome: "applied" });
    expect(await suppressionsOf(address)).toHaveLength(1);
    expect(await statusOf(other.id)).toBe("BOUNCED");
  });

  it("a transient bounce only updates the delivery", async () => {
    const sofia = await makeContact(t.db, { suppressionKey: KEY });
    const d = await sentDelivery(sofia.id);
    const before = await t.db.suppression.count();
    const bounced = event("email.bounced", d.emailId, [sofia.email], {
      bounce: { type: "Transient", subType: "MailboxFull" },
    });
    expect((await post(signed(bounced).request)).status).toBe(200);
    expect(await t.db.delivery.findUniqueOrThrow({ where: { id: d.id } })).toMatchObject({
      status: "BOUNCED",
      error: "Transient/MailboxFull",
    });
    expect(await t.db.suppression.count()).toBe(before);
  });
});

describe("complaints", () => {
  it("suppresses the address for marketing and opts the person out of all marketing, audited, once", async () => {
    const { id: LENA, email: address, NEWSLETTER, SERVICE_NOTICES } = await makePerson();
    const d = await sentDelivery(LENA, { topicId: NEWSLETTER });
    const complained = event("email.complained", d.emailId, [address]);
    const first = signed(complained);
    expect(await post(first.request)).toEqual({ status: 200, body: { ok: true, outcome: "applied" } });

    expect(await statusOf(d.id)).toBe("COMPLAINED");
    expect(await suppressionsOf(address)).toEqual([
      expect.objectContaining({ reason: "COMPLAINT", scope: "MARKETING" }),
    ]);
    const lena = await t.db.contact.findUniqueOrThrow({
      where: { id: LENA },
      include: { subscriptions: { include: { topic: { select: { isMarketing: true } } } } },
    });
    expect(lena.marketingOptOutAt).toBeInstanceOf(Date);
    const marketing = lena.subscriptions.filter((s) => s.topic.isMarketing);
    expect(marketing.length).toBeGreaterThan(0);
    for (const s of marketing) expect(s).toMatchObject({ state: "UNSUBSCRIBED", source: "COMPLAINT" });
    // Service notices are not marketing.
    expect(lena.subscriptions.find((s) => s.topicId === SERVICE_NOTICES)).toMatchObject({ state: "SUBSCRIBED" });
    expect(
      await t.db.subscriptionChange.count({ where: { contactId: LENA, source: "COMPLAINT", state: "UNSUBSCRIBED" } }),
    ).toBe(marketing.length);

    const optOut = await t.db.auditEvent.findMany({ where: { action: "contact.marketing_opt_out", subjectId: LENA } });
    expect(optOut).toEqual([
      expect.objectContaining({
        actorType: "SYSTEM",
        actorId: "resend-webhook",
        fields: ["marketingOptOutAt", "subscriptions"],
        personalValues: expect.objectContaining({ source: "COMPLAINT", event: "email.complained" }),
      }),
    ]);
    expect(await t.db.auditEvent.count({ where: { action: "suppression.added", subjectType: "Suppression" } })).toBe(
      await t.db.suppression.count({ where: { reason: { in: ["HARD_BOUNCE", "COMPLAINT"] } } }),
    );

    const before = await snapshot();
    expect((await post(signed(complained, { id: first.id }).request)).body).toEqual({ ok: true, outcome: "duplicate" });
    expect(await snapshot()).toEqual(before);
    expect(await verifyAuditChain({ db: t.db })).toMatchObject({ ok: true });
  });

  it("for an erased person (delivery without contact) writes only the suppression", async () => {
    const d = await sentDelivery(null);
    const gone = "erased.person@example.com";
    const before = await snapshot();
    expect((await post(signed(event("email.complained", d.emailId, [gone])).request)).status).toBe(200);
    expect(await suppressionsOf(gone)).toEqual([expect.objectContaining({ reason: "COMPLAINT", scope: "MARKETING" })]);
    const after = await snapshot();
    expect(after).toMatchObject({
      events: before.events + 1,
      suppressions: before.suppressions + 1,
      audit: before.audit + 1,
      subscriptionChanges: before.subscriptionChanges,
      optedOut: before.optedOut,
    });
  });
});

describe("one-click unsubscribe from a mailing", () => {
  it("marks the person's latest delivery on that topic as unsubscribed", async () => {
    const { id: AHMED, NEWSLETTER } = await makePerson();
    const older = await sentDelivery(AHMED, {
      sentAt: new Date(Date.now() - 7 * 86_400_000),
      status: "DELIVERED",
      topicId: NEWSLETTER,
    });
    const latest = await sentDelivery(AHMED, { sentAt: new Date(Date.now() - 60_000), topicId: NEWSLETTER });
    const r = await oneClickUnsubscribe({
      db: t.db,
      contactId: AHMED,
      target: { kind: "topic", topicId: NEWSLETTER },
      suppressionKey: KEY,
    });
    expect(r).toMatchObject({ ok: true, target: "topic", changed: true });
    const rows = await t.db.delivery.findMany({
      where: { id: { in: [older.id, latest.id] } },
      select: { id: true, unsubscribedAt: true },
    });
    expect(rows.find((x) => x.id === latest.id)?.unsubscribedAt).toBeInstanceOf(Date);
    expect(rows.find((x) => x.id === older.id)?.unsubscribedAt).toBeNull();

    // Repeating it keeps the first time.
    const first = rows.find((x) => x.id === latest.id)!.unsubscribedAt;
    await oneClickUnsubscribe({
      db: t.db,
      contactId: AHMED,
      target: { kind: "topic", topicId: NEWSLETTER },
      suppressionKey: KEY,
    });
    expect((await t.db.delivery.findUniqueOrThrow({ where: { id: latest.id } })).unsubscribedAt).toEqual(first);
  });
});
