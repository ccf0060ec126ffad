// The retention job erases several contacts at once within a batch: every due contact is still deleted in its own
// transaction with its audit entry, the hash chain stays one chain, a contact that cannot be erased is counted and
// left for the next run without stopping the others, and the cursor only moves past a batch once all of it is done.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { runRetention } from "@/lib/retention/run-retention";
import { createTestDb, type TestDb } from "../support/db";
import { makeContact, makeOrganisation, TEST_SUPPRESSION_KEY } from "../factories";

// One contact's erasure fails (as a lock timeout would); every other goes through the real use-case.
const failing = vi.hoisted(() => ({ id: "" }));
vi.mock("@/lib/contacts/erase-contact", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/contacts/erase-contact")>();
  return {
    ...original,
    eraseContact: (opts: Parameters<typeof original.eraseContact>[0]) =>
      opts.contactId === failing.id ? Promise.reject(new Error("lock timeout")) : original.eraseContact(opts),
  };
});

const YEAR = 365.25 * 86_400_000;
const now = new Date("2026-12-04T12:00:00Z");
let t: TestDb;
let due: string[];
beforeAll(async () => {
  t = await createTestDb();
  const org = await makeOrganisation(t.db, {
    relationship: "FORMER_CUSTOMER",
    relationshipEnd: new Date(now.getTime() - 11 * YEAR),
  });
  due = [];
  for (let i = 0; i < 13; i++) {
    const c = await makeContact(t.db, {
      now: new Date(now.getTime() - 15 * YEAR),
      roles: [
        {
          organisationId: org.id,
          type: "OTHER",
          title: null,
          startsOn: new Date(now.getTime() - 15 * YEAR),
          endsOn: new Date(now.getTime() - 11 * YEAR),
        },
      ],
    });
    due.push(c.id);
  }
  failing.id = due[5]!;
});
afterAll(async () => t?.close());

describe("retention job, four erasures at a time", () => {
  it("deletes every due contact but the failing one, counts it, and leaves one valid audit chain", async () => {
    const audited = await t.db.auditEvent.count();
    const r = await runRetention({
      db: t.db,
      suppressionKey: TEST_SUPPRESSION_KEY,
      trigger: "test",
      now,
      batchSize: 5,
      concurrency: 4,
    });
    expect(r).toMatchObject({ due: 13, deleted: 12, failed: 1, held: 0 });
    expect(await t.db.contact.findMany({ where: { id: { in: due } }, select: { id: true } })).toEqual([
      { id: failing.id },
    ]);
    // One "contact.erased" entry per deleted contact, chained one after another.
    expect(await t.db.auditEvent.count({ where: { action: "contact.erased", subjectId: { in: due } } })).toBe(12);
    expect(await t.db.auditEvent.count()).toBe(audited + 12);
    expect(await verifyAuditChain({ db: t.db })).toMatchObject({ ok: true });
    // The run finished; the contact left is on the forecast as overdue, for the next run to try again.
    const run = await t.db.retentionRun.findUniqueOrThrow({ where: { id: r.runId! } });
    expect(run).toMatchObject({ deleted: 12, failed: 1, cursor: null });
    expect((await t.db.retentionForecast.findMany()).map((f) => f.contactId)).toContain(failing.id);
  });

  it("deletes it on the next run", async () => {
    failing.id = "";
    const r = await runRetention({ db: t.db, suppressionKey: TEST_SUPPRESSION_KEY, trigger: "test", now });
    expect(r).toMatchObject({ due: 1, deleted: 1, failed: 0 });
    expect(await verifyAuditChain({ db: t.db })).toMatchObject({ ok: true });
  });
});
