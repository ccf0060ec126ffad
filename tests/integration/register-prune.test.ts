// Each prune rule at a fixed moment: a row just past the rule's period is deleted, one just inside it is kept, and
// nothing else of the table is touched. Then the whole list over a backlog larger than one statement's batch.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pruneRegister } from "@/lib/maintenance/prune-register";
import {
  ABANDONED_QUEUED_MAIL_MS,
  IMPORT_PROGRESS_KEEP_MS,
  OUTBOX_KEEP_MS,
  PAST_EXPIRY_MS,
  PRUNE_RULES,
  RATE_LIMIT_PAST_WINDOW_MS,
  RETENTION_TOMBSTONE_KEEP_MS,
  WEBHOOK_DELIVERY_KEEP_MS,
  WEBHOOK_EVENT_KEEP_MS,
  WORKER_HEARTBEAT_KEEP_MS,
} from "@/lib/maintenance/prune-rules";
import { createTestDb, type TestDb } from "../support/db";
import { makeContact, makeStaffUser, unique } from "../factories";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.close());

const NOW = new Date("2026-06-15T12:00:00Z");
/** The two moments around a rule's cutoff: one second past the period (deleted) and one second inside it (kept). */
const around = (keepMs: number) => ({
  old: new Date(NOW.getTime() - keepMs - 1000),
  kept: new Date(NOW.getTime() - keepMs + 1000),
});
const prune = (table: string) => {
  const rule = PRUNE_RULES.find((r) => r.table === table);
  if (!rule) throw new Error(`no rule for ${table}`);
  return rule.prune(t.db, NOW);
};

describe("prune rules", () => {
  it("SpentLinkToken: deleted an hour after the link expired", async () => {
    const { old, kept } = around(PAST_EXPIRY_MS);
    const [a, b] = [unique(), unique()];
    await t.db.spentLinkToken.createMany({
      data: [
        { id: a, contactId: "c1", expiresAt: old },
        { id: b, contactId: "c1", expiresAt: kept },
      ],
    });
    expect(await prune("SpentLinkToken")).toBe(1);
    expect((await t.db.spentLinkToken.findMany({ select: { id: true } })).map((r) => r.id)).toEqual([b]);
  });

  it("RateLimit: deleted an hour after its window ended; a bucket without expiry stays", async () => {
    const { old, kept } = around(RATE_LIMIT_PAST_WINDOW_MS);
    const [a, b, c] = [unique(), unique(), unique()];
    await t.db.rateLimit.createMany({
      data: [
        { key: a, points: 1, expire: BigInt(old.getTime()) },
        { key: b, points: 1, expire: BigInt(kept.getTime()) },
        { key: c, points: 1, expire: null },
      ],
    });
    expect(await prune("RateLimit")).toBe(1);
    expect((await t.db.rateLimit.findMany({ select: { key: true } })).map((r) => r.key).sort()).toEqual([b, c].sort());
  });

  it("WorkerHeartbeat: a killed worker's row a day after its last beat", async () => {
    const { old, kept } = around(WORKER_HEARTBEAT_KEEP_MS);
    const [a, b] = [unique(), unique()];
    await t.db.workerHeartbeat.createMany({
      data: [
        { id: a, host: "h", pid: 1, mode: "worker", startedAt: old, beatAt: old },
        { id: b, host: "h", pid: 2, mode: "worker", startedAt: old, beatAt: kept },
      ],
    });
    expect(await prune("WorkerHeartbeat")).toBe(1);
    expect((await t.db.workerHeartbeat.findMany({ select: { id: true } })).map((r) => r.id)).toEqual([b]);
  });

  it("ImportProgress: deleted a day after its last change, running or not", async () => {
    const { old, kept } = around(IMPORT_PROGRESS_KEEP_MS);
    const [a, b, c] = [unique(), unique(), unique()];
    await t.db.importProgress.createMany({
      data: [
        { id: a, staffUserId: "s1", state: "FINISHED", updatedAt: old },
        { id: b, staffUserId: "s1", state: "RUNNING", updatedAt: old },
        { id: c, staffUserId: "s1", state: "RUNNING", updatedAt: kept },
      ],
    });
    expect(await prune("ImportProgress")).toBe(2);
    expect((await t.db.importProgress.findMany({ select: { id: true } })).map((r) => r.id)).toEqual([c]);
  });

  it("WebhookEvent: deleted 90 days after receipt", async () => {
    const { old, kept } = around(WEBHOOK_EVENT_KEEP_MS);
    const [a, b] = [unique(), unique()];
    await t.db.webhookEvent.createMany({
      data: [
        { id: a, type: "email.delivered", receivedAt: old },
        { id: b, type: "email.delivered", receivedAt: kept },
      ],
    });
    expect(await prune("WebhookEvent")).toBe(1);
    expect((await t.db.webhookEvent.findMany({ select: { id: true } })).map((r) => r.id)).toEqual([b]);
  });

  it("WebhookDelivery and OutboundEvent: delivered and dead rows after 90 days, pending ones never; then the event", async () => {
    const { old, kept } = around(WEBHOOK_DELIVERY_KEEP_MS);
    const endpoint = await t.db.webhookEndpoint.create({
      data: { name: "CRM", url: "https://crm.example.com/hook", eventTypes: ["contact.created"], secret: "whsec_x" },
    });
    const events = [unique(), unique(), unique(), unique()];
    await t.db.outboundEvent.createMany({
      data: events.map((id) => ({ id, type: "contact.created", contactId: null, payload: {}, occurredAt: old })),
    });
    const row = (eventId: string, status: "DELIVERED" | "DEAD" | "PENDING", updatedAt: Date) => ({
      endpointId: endpoint.id,
      eventId,
      seq: 1n,
      lane: eventId,
      status,
      updatedAt,
    });
    await t.db.webhookDelivery.createMany({
      data: [
        row(events[0]!, "DELIVERED", old),
        row(events[1]!, "DEAD", old),
        row(events[2]!, "DELIVERED", kept),
        row(events[3]!, "PENDING", old),
      ],
    });
    expect(await prune("WebhookDelivery")).toBe(2);
    expect(await prune("OutboundEvent")).toBe(2);
    expect((await t.db.outboundEvent.findMany({ select: { id: true } })).map((r) => r.id).sort()).toEqual(
      [events[2]!, events[3]!].sort(),
    );
    await t.db.webhookEndpoint.delete({ where: { id: endpoint.id } });
    await t.db.outboundEvent.deleteMany();
  });

  it("OutboxMessage: deleted after 30 days", async () => {
    const { old, kept } = around(OUTBOX_KEEP_MS);
    const mail = (createdAt: Date) => ({
      to: [`someone.${unique()}@example.com`],
      from: "noreply@example.com",
      subject: "s",
      html: "<p>h</p>",
      text: "h",
      headers: {},
      createdAt,
    });
    await t.db.outboxMessage.create({ data: mail(old) });
    const stays = await t.db.outboxMessage.create({ data: mail(kept) });
    expect(await prune("OutboxMessage")).toBe(1);
    expect((await t.db.outboxMessage.findMany({ select: { id: true } })).map((r) => r.id)).toEqual([stays.id]);
  });

  it("PendingEmailChange: deleted an hour after it expired", async () => {
    const { old, kept } = around(PAST_EXPIRY_MS);
    const contact = await makeContact(t.db);
    const change = (expiresAt: Date) => ({ contactId: contact.id, newEmail: `new.${unique()}@example.com`, expiresAt });
    await t.db.pendingEmailChange.create({ data: change(old) });
    const stays = await t.db.pendingEmailChange.create({ data: change(kept) });
    expect(await prune("PendingEmailChange")).toBe(1);
    expect((await t.db.pendingEmailChange.findMany({ select: { id: true } })).map((r) => r.id)).toEqual([stays.id]);
  });

  it("VerificationToken: deleted an hour after the sign-in link expired", async () => {
    const { old, kept } = around(PAST_EXPIRY_MS);
    const [a, b] = [unique(), unique()];
    await t.db.verificationToken.createMany({
      data: [
        { identifier: "staff@company.example", token: a, expires: old },
        { identifier: "staff@company.example", token: b, expires: kept },
      ],
    });
    expect(await prune("VerificationToken")).toBe(1);
    expect((await t.db.verificationToken.findMany({ select: { token: true } })).map((r) => r.token)).toEqual([b]);
  });

  it("Session: deleted an hour after it expired", async () => {
    const { old, kept } = around(PAST_EXPIRY_MS);
    const staff = await makeStaffUser(t.db, "ADMIN");
    await t.db.session.create({ data: { sessionToken: unique(), userId: staff.id, expires: old } });
    const stays = await t.db.session.create({ data: { sessionToken: unique(), userId: staff.id, expires: kept } });
    expect(await prune("Session")).toBe(1);
    expect((await t.db.session.findMany({ select: { id: true } })).map((r) => r.id)).toEqual([stays.id]);
  });

  it("QueuedMail: a row still failing after 30 days is deleted; a newer one, or one never tried, stays", async () => {
    const { old, kept } = around(ABANDONED_QUEUED_MAIL_MS);
    const mail = (createdAt: Date, lastError: string | null) => ({
      to: [`someone.${unique()}@example.com`],
      subject: "s",
      html: "<p>h</p>",
      text: "h",
      headers: {},
      tags: [],
      createdAt,
      lastError,
      attempts: lastError ? 700 : 0,
    });
    await t.db.queuedMail.create({ data: mail(old, "unavailable") });
    const newer = await t.db.queuedMail.create({ data: mail(kept, "unavailable") });
    const untried = await t.db.queuedMail.create({ data: mail(old, null) });
    expect(await prune("QueuedMail")).toBe(1);
    expect((await t.db.queuedMail.findMany({ select: { id: true } })).map((r) => r.id).sort()).toEqual(
      [newer.id, untried.id].sort(),
    );
  });

  it("RetentionTombstone: deleted three years after the retention deletion", async () => {
    // A date column: the day before the cutoff's day goes, the cutoff's day itself stays.
    const cutoff = new Date(NOW.getTime() - RETENTION_TOMBSTONE_KEEP_MS);
    const dayOf = (d: Date) => new Date(`${d.toISOString().slice(0, 10)}T00:00:00Z`);
    const old = dayOf(new Date(cutoff.getTime() - 86_400_000));
    const kept = dayOf(new Date(cutoff.getTime() + 86_400_000));
    const [a, b] = [unique(), unique()];
    await t.db.retentionTombstone.createMany({
      data: [
        { addressHash: a, deletedOn: old },
        { addressHash: b, deletedOn: kept },
      ],
    });
    expect(await prune("RetentionTombstone")).toBe(1);
    expect(
      (await t.db.retentionTombstone.findMany({ select: { addressHash: true } })).map((r) => r.addressHash),
    ).toEqual([b]);
  });

  it("ResendContactLink: an erased contact's link 90 days after its last sync; a living contact's never", async () => {
    const { old, kept } = around(WEBHOOK_DELIVERY_KEEP_MS);
    const living = await makeContact(t.db);
    const [gone, recent] = [unique(), unique()];
    await t.db.resendContactLink.createMany({
      data: [
        { contactId: gone, resendId: "r-gone", addressHash: "h1", syncedAt: old },
        { contactId: recent, resendId: "r-recent", addressHash: "h2", syncedAt: kept },
        { contactId: living.id, resendId: "r-living", addressHash: "h3", syncedAt: old },
      ],
    });
    expect(await prune("ResendContactLink")).toBe(1);
    expect((await t.db.resendContactLink.findMany({ orderBy: { resendId: "asc" } })).map((r) => r.resendId)).toEqual([
      "r-living",
      "r-recent",
    ]);
  });

  it("the whole list deletes a backlog larger than one statement's batch, and leaves every kept row", async () => {
    const { old } = around(WEBHOOK_EVENT_KEEP_MS);
    const before = await t.db.webhookEvent.count();
    await t.db.webhookEvent.createMany({
      data: Array.from({ length: 12 }, () => ({ id: unique(), type: "email.bounced", receivedAt: old })),
    });
    const outcomes = await pruneRegister({ db: t.db, now: NOW, batchSize: 5 });
    expect(outcomes.map((o) => o.table)).toEqual(PRUNE_RULES.map((r) => r.table));
    expect(outcomes.find((o) => o.table === "WebhookEvent")).toEqual({ table: "WebhookEvent", deleted: 12 });
    // Everything else was pruned by the tests above: only kept rows are left, and they stay.
    expect(outcomes.filter((o) => o.table !== "WebhookEvent")).toEqual(
      PRUNE_RULES.filter((r) => r.table !== "WebhookEvent").map((r) => ({ table: r.table, deleted: 0 })),
    );
    expect(await t.db.webhookEvent.count()).toBe(before);
  });
});
