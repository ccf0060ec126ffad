// The bulk seed's register and history on a small N, added to the demo data: the counts each kind of history is
// designed to make, organisation numbers valid and unique, and the audit trail still one intact chain (the app's
// own verifiers) continuing from the demo seed's entries, in time order.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { verifyAuditChainTail } from "@/lib/audit/verify-audit-chain-tail";
import { normaliseOrgNumber } from "@/lib/organisations/org-number";
import { seedDemo } from "@/prisma/seed-demo";
import { seedBulk, type SeedBulkResult } from "@/prisma/seed-bulk/seed-bulk";
import { filesRequest, wasErased } from "@/prisma/seed-bulk/privacy-requests";
import { TEST_SUPPRESSION_KEY } from "../factories";
import { createTestDb, type TestDb } from "../support/db";

const N = 200;
const now = new Date("2026-11-24T12:00:00Z");
let t: TestDb;
let result: SeedBulkResult;
let demoEntries: number;
const bulk = (run: string) => ({ startsWith: `bulk_${run}_` });

beforeAll(async () => {
  t = await createTestDb();
  await seedDemo({ db: t.db, now: new Date(+now - 3600_000), suppressionKey: TEST_SUPPRESSION_KEY });
  demoEntries = await t.db.auditEvent.count();
  // Batches of 70: organisations of 20 span two batches.
  result = await seedBulk(t.raw, { total: N, batchSize: 70, suppressionKey: TEST_SUPPRESSION_KEY, now });
});
afterAll(async () => t?.close());

describe("bulk seed", () => {
  it("makes the register: N contacts with a role each, organisations of 20 with unique valid numbers", async () => {
    const run = result.run;
    expect(await t.db.contact.count({ where: { id: bulk(run) } })).toBe(N);
    expect(await t.db.contactRole.count({ where: { contactId: bulk(run) } })).toBe(N);
    const orgs = await t.db.organisation.findMany({ where: { id: bulk(run) } });
    expect(orgs).toHaveLength(N / 20);
    const numbers = (await t.db.organisation.findMany({ select: { orgNumber: true } })).map((o) => o.orgNumber);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(orgs.every((o) => o.orgNumber !== null && normaliseOrgNumber(o.orgNumber) === o.orgNumber)).toBe(true);
    // Former customers' roles all end with the relationship; one contact in ten elsewhere has an ended role.
    for (const o of orgs.filter((x) => x.relationship === "FORMER_CUSTOMER")) {
      expect(o.relationshipEnd).not.toBeNull();
      const roles = await t.db.contactRole.findMany({ where: { organisationId: o.id } });
      expect(roles.every((r) => +r.endsOn! === +o.relationshipEnd!)).toBe(true);
    }
    expect(
      await t.db.contactRole.count({ where: { contactId: bulk(run), endsOn: { not: null } } }),
    ).toBeGreaterThanOrEqual(N / 10);
    expect(await t.db.contactFacts.count({ where: { contactId: bulk(run) } })).toBe(N);
  });

  it("writes about five audit entries a contact, one long history, as one intact chain after the demo's", async () => {
    const entries = await t.db.auditEvent.count();
    expect(entries).toBe(demoEntries + result.auditEntries);
    // ~5 a contact, plus the long history (about 400) of contact 7.
    expect(result.auditEntries).toBeGreaterThan(N * 4 + 300);
    expect(result.auditEntries).toBeLessThan(N * 7 + 500);
    expect(await t.db.auditEvent.count({ where: { action: "contact.imported" } })).toBe(N);
    expect(await t.db.auditEvent.count({ where: { subjectId: `bulk_${result.run}_7` } })).toBeGreaterThan(300);

    expect(await verifyAuditChain({ db: t.db, pageSize: 500 })).toMatchObject({ ok: true, entries });
    expect(await verifyAuditChainTail({ db: t.db })).toMatchObject({ ok: true, checked: 1000 });
    const demoLast = await t.db.auditEvent.findFirstOrThrow({ where: { seq: demoEntries }, select: { hash: true } });
    const firstBulk = await t.db.auditEvent.findFirstOrThrow({ where: { seq: demoEntries + 1 } });
    expect(firstBulk.prevHash).toBe(demoLast.hash);
    // The history is in time order along the chain, spread over years, and none of it after `now`.
    const times = await t.raw.query<{ bad: number; first: Date; last: Date }>(
      `SELECT count(*) FILTER (WHERE at < prev)::int AS bad, min(at) AS first, max(at) AS last
       FROM (SELECT at, lag(at) OVER (ORDER BY seq) AS prev FROM "AuditEvent" WHERE seq > $1) s`,
      [demoEntries],
    );
    expect(times[0]!.bad).toBe(0);
    expect(+now - +new Date(times[0]!.first)).toBeGreaterThan(3 * 365 * 86_400_000);
    expect(+new Date(times[0]!.last)).toBeLessThanOrEqual(+now);
  });

  it("records subscription changes and opt-outs, each with its suppression, objection and audit entry", async () => {
    const run = result.run;
    const optedOut = await t.db.contact.count({ where: { id: bulk(run), marketingOptOutAt: { not: null } } });
    expect(optedOut).toBeGreaterThan(0);
    expect(await t.db.auditEvent.count({ where: { action: "contact.marketing_opt_out" } })).toBe(optedOut);
    expect(await t.db.suppression.count({ where: { reason: "UNSUBSCRIBED_ALL" } })).toBe(optedOut);
    expect(await t.db.contactFacts.count({ where: { contactId: bulk(run), optedOut: true } })).toBe(optedOut);
    // Every current subscription row has its history row, and the history goes beyond the defaults.
    const defaults = await t.db.subscriptionChange.count({ where: { contactId: bulk(run), source: "IMPORT" } });
    expect(defaults).toBe(await t.db.subscription.count({ where: { contactId: bulk(run) } }));
    const moves = await t.db.subscriptionChange.count({ where: { contactId: bulk(run), source: { not: "IMPORT" } } });
    expect(moves).toBeGreaterThan(N * 0.1);
    expect(await t.db.subscription.count({ where: { contactId: bulk(run), state: "UNSUBSCRIBED" } })).toBeGreaterThan(
      0,
    );
    const audited = await t.db.auditEvent.count({
      where: { action: { in: ["subscription.subscribed", "subscription.unsubscribed"] } },
    });
    const viaOptOut = await t.db.subscriptionChange.count({
      where: { contactId: bulk(run), source: { not: "IMPORT" }, contact: { marketingOptOutAt: { not: null } } },
    });
    expect(audited).toBeGreaterThanOrEqual(moves - viaOptOut);
  });

  it("files privacy requests of every kind, some open, and erasures without a contact", async () => {
    const ids = Array.from({ length: N }, (_, i) => i);
    const optedOut = await t.db.contact.count({ where: { id: bulk(result.run), marketingOptOutAt: { not: null } } });
    const requests = await t.db.privacyRequest.findMany({ where: { id: bulk(result.run) } });
    expect(requests).toHaveLength(ids.filter(filesRequest).length + ids.filter(wasErased).length + optedOut);
    expect(requests.filter((r) => r.status === "RECEIVED" || r.status === "IN_PROGRESS").length).toBeGreaterThan(0);
    expect(requests.filter((r) => r.contactId === null && r.type === "ERASURE" && r.subjectRef).length).toBe(
      ids.filter(wasErased).length,
    );
    expect(await t.db.auditEvent.count({ where: { action: "privacy_request.recorded" } })).toBeGreaterThanOrEqual(
      requests.length,
    );
  });

  it("sends past mailings, the last to every contact with a delivery row in realistic states", async () => {
    const mailings = await t.db.mailing.findMany({ where: { id: bulk(result.run) }, orderBy: { startedAt: "asc" } });
    expect(mailings).toHaveLength(6);
    expect(mailings.every((m) => m.status === "SENT" && m.finishedAt && m.batchCount > 0)).toBe(true);
    const big = mailings.at(-1)!;
    expect(await t.db.delivery.count({ where: { mailingId: big.id } })).toBe(N);
    const states = await t.db.delivery.groupBy({ by: ["status"], where: { mailingId: big.id }, _count: true });
    expect(states.map((s) => s.status)).toEqual(expect.arrayContaining(["DELIVERED", "SUPPRESSED"]));
    expect(await t.db.delivery.count({ where: { status: { in: ["BOUNCED", "COMPLAINED"] } } })).toBeGreaterThan(0);
    expect(await t.db.auditEvent.count({ where: { action: "mailing.finished" } })).toBe(6);
  });
});
