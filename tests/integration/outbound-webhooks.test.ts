// Outbound webhooks (GDPR Art. 19) against a real HTTP receiver in this process that verifies every signature with
// the standardwebhooks package: at least once, in order per contact, nothing for a rolled-back change, no personal
// values in or queued behind an erasure, dead letters after the back-off window, the endpoint disabled after its run
// of failures with the admins told, replay, and a rotated secret signing beside the old one. Lanes are driven here
// with a clock the test moves (findDueLanes + deliverLane, what the worker's jobs run); the last test runs the real
// pg-boss worker.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { correctContact } from "@/lib/contacts/correct-contact";
import { eraseContact } from "@/lib/contacts/erase-contact";
import { getContactRecord } from "@/lib/contacts/get-contact-record";
import { exportContactData } from "@/lib/export/export-contact-data";
import { startBoss, type BossTarget } from "@/lib/jobs/boss";
import { startWorkers, type Workers } from "@/lib/jobs/start-workers";
import { createWebhookEndpoint } from "@/lib/outbound-webhooks/create-webhook-endpoint";
import {
  replayDeadDeliveries,
  rotateWebhookSecret,
  setWebhookEndpointEnabled,
} from "@/lib/outbound-webhooks/change-webhook-endpoint";
import { deliverLane } from "@/lib/outbound-webhooks/deliver-lane";
import { OUTBOUND_EVENT_TYPES } from "@/lib/outbound-webhooks/event-types";
import { findDueLanes } from "@/lib/outbound-webhooks/find-due-lanes";
import { upsertContact } from "@/lib/contacts/upsert-contact";
import { loadApiContact } from "@/lib/api/get-contact-handler";
import { unsubscribeFromAll } from "@/lib/subscriptions/unsubscribe-from-all";
import { makeContact, makeStaffUser } from "../factories";
import { createTestDb, type TestDb } from "../support/db";
import { startWebhookReceiver, type WebhookReceiver } from "../support/webhook-receiver";

const KEY = "k".repeat(40);
const SETTINGS = { allowHttp: true, timeoutMs: 1_500, retryBaseMs: 10_000, giveUpAfterMs: 60_000 };
const ADMIN = { type: "STAFF" as const, id: "test-admin" };
let t: TestDb;
const receivers: WebhookReceiver[] = [];

/** The lanes' clock: the wall clock moved on by what the test has skipped (back-off, the give-up window). */
let skipped = 0;
const clock = () => new Date(Date.now() + skipped);
const skip = (ms: number) => (skipped += ms);

/** What the worker's jobs do, until nothing is due. */
async function drain() {
  for (let round = 0; round < 100; round++) {
    const lanes = await findDueLanes({ db: t.db, now: clock(), limit: 1000 });
    if (lanes.length === 0) return;
    await Promise.all(
      lanes.map((l) =>
        deliverLane(
          { db: t.db, settings: SETTINGS, publicUrl: "https://prefs.example.com", now: clock },
          l.endpointId,
          l.lane,
        ),
      ),
    );
  }
  throw new Error("lanes never ran dry");
}

async function endpointWith(receiver: WebhookReceiver, over: { failureThreshold?: number } = {}) {
  const r = await createWebhookEndpoint({
    db: t.db,
    actor: ADMIN,
    allowHttp: true,
    input: { name: `CRM ${receivers.length}`, url: receiver.url, eventTypes: [...OUTBOUND_EVENT_TYPES], ...over },
  });
  if (!r.ok) throw new Error(JSON.stringify(r));
  expect(r.secret).toMatch(/^whsec_/);
  receiver.secrets.push(r.secret);
  return r.id;
}

async function receiver() {
  const r = await startWebhookReceiver({ hangMs: 4_000 });
  receivers.push(r);
  return r;
}

/** The contact's events in the order they happened (seq). */
const eventsOf = async (contactId: string) =>
  t.db.outboundEvent.findMany({ where: { contactId }, orderBy: { seq: "asc" } });

const rename = (contactId: string, name: string) =>
  correctContact({ db: t.db, contactId, input: { name, phone: "", jobTitle: "", language: "sv" } });

beforeAll(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  // Each test's endpoints stop listening, so the next test's lanes are its own.
  await t.db.webhookEndpoint.updateMany({ data: { enabled: false } });
});
afterAll(async () => {
  for (const r of receivers) await r.close();
  await t?.close();
});

describe("outbound webhooks", () => {
  it("a receiver that fails, times out and recovers gets every event, in order per contact, signed", async () => {
    const rx = await receiver();
    await endpointWith(rx);
    const a = await makeContact(t.db, { suppressionKey: KEY });
    const b = await makeContact(t.db, { suppressionKey: KEY });
    expect(await rename(a.id, "Anna Andersson")).toMatchObject({ ok: true });
    expect(await unsubscribeFromAll({ db: t.db, contactId: a.id, source: "SELF", suppressionKey: KEY })).toMatchObject({
      ok: true,
    });
    expect(await rename(b.id, "Bertil Berg")).toMatchObject({ ok: true });

    rx.script([500, "hang"], 200);
    await drain(); // each lane's head fails (500 or the timeout) and the lane waits
    expect(rx.accepted()).toEqual([]);
    expect(rx.received.map((r) => r.answered).sort()).toEqual([500, "hang"].sort());
    const failed = await t.db.webhookDelivery.findMany({ where: { attempts: 1, status: "PENDING" } });
    expect(failed.map((d) => d.lastError).sort()).toEqual(["http_500", "timeout"]);
    expect(failed.find((d) => d.lastError === "http_500")!.lastResponse!.length).toBeLessThanOrEqual(1000);

    skip(11_000); // past the first back-off
    await drain();
    for (const contact of [a, b]) {
      const events = await eventsOf(contact.id);
      const got = rx.received.filter((r) => r.body.data.contact?.id === contact.id);
      // Every event at least once, and never one before its predecessor was accepted.
      expect(
        new Set(
          rx
            .accepted()
            .filter((r) => r.body.data.contact?.id === contact.id)
            .map((r) => r.id),
        ),
      ).toEqual(new Set(events.map((e) => e.id)));
      const acceptedBefore = new Set<string>();
      for (const r of got) {
        const index = events.findIndex((e) => e.id === r.id);
        for (const earlier of events.slice(0, index)) expect(acceptedBefore).toContain(earlier.id);
        if (r.answered === 200) acceptedBefore.add(r.id);
      }
    }
    expect(rx.received.every((r) => r.verifiedBy.length === 1)).toBe(true);
    const typesOfA = (await eventsOf(a.id)).map((e) => e.type);
    expect(typesOfA[0]).toBe("contact.created");
    expect(typesOfA).toContain("contact.corrected");
    expect(typesOfA).toContain("contact.opted_out");
    const corrected = rx
      .accepted()
      .find((r) => r.body.type === "contact.corrected" && r.body.data.contact?.id === b.id)!;
    expect(corrected.body.data).toEqual({
      contact: { id: b.id, crmId: null, supportDeskId: null },
      fields: ["name"],
      values: { name: "Bertil Berg" },
    });
    expect(await t.db.webhookDelivery.count({ where: { status: { not: "DELIVERED" } } })).toBe(0);

    // Art. 19, second sentence: the person's page and export name the system and what it was told, and when.
    const record = (await getContactRecord({ db: t.db, contactId: a.id }))!;
    const endpointName = (await t.db.webhookEndpoint.findFirstOrThrow({ where: { url: rx.url } })).name;
    expect(record.recipients.systems).toContain(endpointName);
    expect(record.recipients.sent.map((s) => s.event)).toEqual([...typesOfA].reverse());
    expect(record.recipients.sent.every((s) => s.system === endpointName && s.status === "DELIVERED")).toBe(true);
    const exported = await exportContactData({ db: t.db, contactId: a.id, format: "json", lang: "en" });
    if (!exported.ok) throw new Error("no export");
    expect(JSON.parse(exported.body).recipients.sent[0]).toMatchObject({ system: endpointName, status: "DELIVERED" });
  });

  it("the CRM API records the external ids, and events carry them; a change of them is a correction", async () => {
    const rx = await receiver();
    await endpointWith(rx);
    const email = `ext.${Date.now()}@customer.example`;
    const input = {
      email,
      name: "Erik Ext",
      category: "CUSTOMER_CONTACT" as const,
      source: { type: "IMPORTED" as const },
    };
    const created = await upsertContact({
      db: t.db,
      input: { ...input, crmId: "CRM-1" },
      actor: { type: "API", id: "key" },
      suppressionKey: KEY,
    });
    if (!created.ok) throw new Error("not created");
    await upsertContact({
      db: t.db,
      input: { ...input, supportDeskId: "ZD-1" },
      actor: { type: "API", id: "key" },
      suppressionKey: KEY,
    });
    await drain();
    expect(rx.accepted().map((r) => r.body.data)).toEqual([
      { contact: { id: created.id, crmId: "CRM-1", supportDeskId: null } },
      {
        contact: { id: created.id, crmId: "CRM-1", supportDeskId: "ZD-1" },
        fields: ["supportDeskId"],
        values: { supportDeskId: "ZD-1" },
      },
    ]);
    // And the API's contact read gives them back.
    expect(await loadApiContact(t.db, created.id)).toMatchObject({ crmId: "CRM-1", supportDeskId: "ZD-1" });
  });

  it("a rolled-back change emits nothing", async () => {
    const rx = await receiver();
    await endpointWith(rx);
    const c = await makeContact(t.db, { suppressionKey: KEY });
    const before = await t.db.outboundEvent.count();
    await expect(
      t.db.$transaction(async (tx) => {
        await tx.contact.update({ where: { id: c.id }, data: { name: "Never Happened" } });
        await recordAuditEvent(tx, {
          actor: ADMIN,
          action: "contact.updated",
          subject: { type: "Contact", id: c.id },
          fields: ["name"],
        });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await t.db.outboundEvent.count()).toBe(before);
    await drain();
    expect(rx.received.map((r) => r.body.type)).toEqual(["contact.created"]);
  });

  it("an erasure tells only ids and the fact, and leaves no values in the person's queued events", async () => {
    const rx = await receiver();
    await endpointWith(rx);
    const c = await makeContact(t.db, { suppressionKey: KEY });
    await t.db.contact.update({ where: { id: c.id }, data: { crmId: "CRM-42", supportDeskId: "ZD-7" } });
    rx.script([], 500); // the receiver is down while the person corrects and then erases
    await drain();
    expect(await rename(c.id, "Cecilia Carlsson")).toMatchObject({ ok: true });
    const queued = (await eventsOf(c.id)).find((e) => e.type === "contact.corrected")!;
    expect(JSON.stringify(queued.payload)).toContain("Cecilia Carlsson");

    const erased = await eraseContact({
      db: t.db,
      contactId: c.id,
      actor: { type: "CONTACT", id: c.id },
      channel: "SELF_SERVICE",
      suppressionKey: KEY,
    });
    expect(erased).toMatchObject({ ok: true });
    const after = await eventsOf(c.id);
    for (const e of after) {
      expect(JSON.stringify(e.payload)).not.toContain("Cecilia");
      expect(JSON.stringify(e.payload)).not.toContain(c.email);
    }
    expect(after.at(-1)!.payload).toMatchObject({
      type: "contact.erased",
      data: { contact: { id: c.id, crmId: "CRM-42", supportDeskId: "ZD-7" }, erased: true },
    });

    rx.script([], 200);
    skip(11_000);
    await drain();
    const told = rx.accepted().filter((r) => r.body.data.contact?.id === c.id);
    expect(told.map((r) => r.body.type)).toEqual(["contact.created", "contact.corrected", "contact.erased"]);
    expect(told[1]!.body.data).toEqual({
      contact: { id: c.id, crmId: "CRM-42", supportDeskId: "ZD-7" },
      fields: ["name"],
    });
    for (const r of told) expect(r.raw).not.toContain(c.email);
  });

  it("a retention deletion is told as such, with ids only", async () => {
    const rx = await receiver();
    await endpointWith(rx);
    const c = await makeContact(t.db, { suppressionKey: KEY });
    await t.db.contact.update({ where: { id: c.id }, data: { crmId: "CRM-9" } });
    const r = await eraseContact({
      db: t.db,
      contactId: c.id,
      actor: { type: "RETENTION" },
      channel: "SELF_SERVICE", // as run-retention.ts passes it; retention records no privacy request
      suppressionKey: KEY,
      reason: "retention",
    });
    expect(r).toMatchObject({ ok: true });
    await drain();
    expect(rx.accepted().at(-1)!.body).toMatchObject({
      type: "contact.retention_deleted",
      data: { contact: { id: c.id, crmId: "CRM-9", supportDeskId: null }, erased: true },
    });
  });

  it("dead letters after the back-off window; the endpoint is disabled at its threshold, admins told; replay", async () => {
    const admin = await makeStaffUser(t.db, "ADMIN");
    const rx = await receiver();
    const endpointId = await endpointWith(rx, { failureThreshold: 3 });
    const d = await makeContact(t.db, { suppressionKey: KEY });
    await rename(d.id, "Dag Dahl");
    await rename(d.id, "Dag Dahlin");
    rx.script([], 500);
    await drain();
    expect(await t.db.webhookDelivery.count({ where: { endpointId, status: "DEAD" } })).toBe(0);

    skip(61_000); // past the give-up window: the head dies, the lane goes on, and each failure counts
    await drain();
    const endpoint = await t.db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId } });
    expect(endpoint).toMatchObject({ enabled: false, disabledReason: "failures", consecutiveFailures: 3 });
    // Two died (the first tried twice, the second once); the third waits: the endpoint went off before its turn.
    expect(await t.db.webhookDelivery.count({ where: { endpointId, status: "DEAD" } })).toBe(2);
    expect(await t.db.webhookDelivery.count({ where: { endpointId, status: "PENDING" } })).toBe(1);
    const mail = await t.db.queuedMail.findFirstOrThrow({ where: { to: { has: admin.email } } });
    expect(mail.subject).toContain(endpoint.name);
    expect(mail.text).toContain(`/staff/webhooks/${endpointId}`);

    // Nothing goes while it is off.
    rx.script([], 200);
    const sent = rx.received.length;
    await drain();
    expect(rx.received.length).toBe(sent);

    expect(await replayDeadDeliveries({ db: t.db, id: endpointId, actor: ADMIN })).toEqual({ ok: true, replayed: 2 });
    expect(await setWebhookEndpointEnabled({ db: t.db, id: endpointId, enabled: true, actor: ADMIN })).toEqual({
      ok: true,
      changed: true,
    });
    await drain();
    const events = await eventsOf(d.id);
    expect(rx.accepted().map((r) => r.id)).toEqual(events.map((e) => e.id));
    expect(await t.db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId } })).toMatchObject({
      enabled: true,
      consecutiveFailures: 0,
    });
    const audited = await t.db.auditEvent.findMany({ where: { subjectId: endpointId }, orderBy: { seq: "asc" } });
    expect(audited.map((a) => a.action)).toEqual(["webhook.created", "webhook.replayed", "webhook.enabled"]);
  });

  it("after a rotation both the new and the previous secret verify, until the overlap ends", async () => {
    const rx = await receiver();
    const endpointId = await endpointWith(rx);
    const rotated = await rotateWebhookSecret({ db: t.db, id: endpointId, actor: ADMIN });
    if (!rotated.ok) throw new Error("not rotated");
    rx.secrets.push(rotated.secret);
    await makeContact(t.db, { suppressionKey: KEY });
    await drain();
    expect(rx.received).toHaveLength(1);
    expect(rx.received[0]!.verifiedBy).toEqual([0, 1]);

    // The overlap ends (moved here rather than waited for; the receiver checks the signature's timestamp).
    await t.db.webhookEndpoint.update({ where: { id: endpointId }, data: { previousSecretUntil: new Date() } });
    await makeContact(t.db, { suppressionKey: KEY });
    await drain();
    expect(rx.received[1]!.verifiedBy).toEqual([1]);
  });

  describe("the pg-boss worker", () => {
    let workers: Workers | undefined;
    afterEach(async () => {
      await workers?.stop();
      workers = undefined;
    });

    it("delivers every event, lanes side by side, each in order", async () => {
      skipped = 0;
      const rx = await receiver();
      await endpointWith(rx);
      const people = await Promise.all(Array.from({ length: 5 }, () => makeContact(t.db, { suppressionKey: KEY })));
      for (const p of people) await rename(p.id, `Renamed ${p.id}`);
      const boss = await startBoss(t.target as BossTarget, { superviseIntervalSeconds: 1 });
      workers = await startWorkers({
        db: t.db,
        boss,
        config: {
          publicUrl: "https://prefs.example.com",
          linkKeys: [{ id: "t1", secret: "s".repeat(40) }],
          suppressionKey: KEY,
          mail: { transport: "outbox" },
          jobs: {
            inProcess: true,
            concurrency: 2,
            leaseSeconds: 30,
            sendRatePerSecond: 0,
            naiveRender: false,
            retentionHour: 4,
          },
          webhooks: SETTINGS,
        },
        dispatchIntervalMs: 100,
        webhookIntervalMs: 50,
        log: () => {},
      });
      const until = Date.now() + 30_000;
      while (rx.accepted().length < 10 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      for (const p of people) {
        const got = rx.accepted().filter((r) => r.body.data.contact?.id === p.id);
        expect(got.map((r) => r.body.type)).toEqual(["contact.created", "contact.corrected"]);
      }
    });
  });
});
