// The retention job on the demo register with a frozen clock: seeded "now", run one month and one day later, exactly
// the former customer's contacts (their relationship ended 9 years 11 months before the seed) are deleted, with the
// designed traces (audit entry by the retention actor, a retention tombstone, no erasure suppression, no receipt, no
// privacy request), a legal hold keeps its contact, and the run is counted without names.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { classifyImportRows } from "@/lib/import/classify-import-rows";
import { notifyAccountManagers } from "@/lib/retention/notify-account-managers";
import { runRetention, type DueContact } from "@/lib/retention/run-retention";
import { retentionHash } from "@/lib/retention/retention-hash";
import { seedDemo } from "@/prisma/seed-demo";
import { createTestDb, type TestDb } from "../support/db";
import { TEST_SUPPRESSION_KEY } from "../factories";

const FORMER = ["demo_contact_12", "demo_contact_13", "demo_contact_14"];
const seededAt = new Date("2026-11-24T12:00:00Z");
const oneMonthLater = new Date("2026-12-23T12:00:00Z");
const oneMonthAndADayLater = new Date("2026-12-25T12:00:00Z");

let t: TestDb;
let formerEmails: Map<string, string>;
beforeAll(async () => {
  t = await createTestDb();
  await seedDemo({ db: t.db, now: seededAt, suppressionKey: TEST_SUPPRESSION_KEY });
  const rows = await t.db.contact.findMany({ where: { id: { in: FORMER } }, select: { id: true, email: true } });
  formerEmails = new Map(rows.map((r) => [r.id, r.email]));
});
afterAll(async () => t?.close());

const run = (now: Date, extra: { dryRun?: boolean; onDue?: (d: DueContact) => void } = {}) =>
  runRetention({ db: t.db, suppressionKey: TEST_SUPPRESSION_KEY, trigger: "test", now, batchSize: 7, ...extra });

describe("retention job (frozen clock, demo register)", () => {
  it("finds nothing due the day before the limit", async () => {
    const before = await t.db.contact.count();
    const r = await run(oneMonthLater);
    expect(r).toMatchObject({ due: 0, deleted: 0, failed: 0 });
    expect(r.swept).toBe(before);
    expect(await t.db.contact.count()).toBe(before);
    // The forecast has the three, due on the day the person's page shows.
    const forecast = await t.db.retentionForecast.findMany({ where: { deleteBy: { lte: new Date("2027-01-31") } } });
    expect(forecast.map((f) => f.contactId).sort()).toEqual(FORMER);
    expect(
      forecast.every((f) => f.deleteBy.toISOString().startsWith("2026-12-24") && f.reason === "relationship_ended"),
    ).toBe(true);
  });

  it("tells the former customer's account manager once, 30 days ahead, in one mail listing the three", async () => {
    const publicUrl = "https://prefs.example.com";
    expect(await notifyAccountManagers({ db: t.db, now: oneMonthLater, publicUrl })).toBe(1);
    const karin = await t.db.staffUser.findUniqueOrThrow({ where: { id: "demo_staff_am1" } });
    const mail = await t.db.queuedMail.findMany({ where: { to: { has: karin.email } } });
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toBe("3 kontakter hos dina organisationer ska raderas snart");
    for (const id of FORMER) expect(mail[0]!.text).toContain(`${publicUrl}/staff/contacts/${id}`);
    expect(mail[0]!.text).toContain("raderas 2026-12-24");
    // Told once per deletion date.
    expect(await notifyAccountManagers({ db: t.db, now: oneMonthLater, publicUrl })).toBe(0);
    await t.db.queuedMail.deleteMany({ where: { to: { has: karin.email } } });
  });

  it("a dry run names what it would delete and why, and deletes nothing", async () => {
    const before = await t.db.contact.count();
    const runsBefore = await t.db.retentionRun.count();
    const seen: DueContact[] = [];
    const r = await run(oneMonthAndADayLater, { dryRun: true, onDue: (d) => seen.push(d) });
    expect(r).toMatchObject({ dryRun: true, due: 3, deleted: 0, runId: null });
    expect(seen.map((s) => s.id).sort()).toEqual(FORMER);
    expect(seen.every((s) => s.retention.reason === "relationship_ended" && s.retention.years === 10)).toBe(true);
    expect(await t.db.contact.count()).toBe(before);
    expect(await t.db.retentionRun.count()).toBe(runsBefore);
  });

  it("deletes exactly the former customer's contacts, skipping the one under a legal hold", async () => {
    await t.db.legalHold.create({
      data: {
        contactId: "demo_contact_14",
        reason: "Invoice dispute",
        endsOn: new Date("2027-06-30"),
        createdById: "demo_staff_privacy",
      },
    });
    const before = await t.db.contact.count();
    const r = await run(oneMonthAndADayLater);
    expect(r).toMatchObject({ due: 3, deleted: 2, held: 1, failed: 0, byCategory: { CUSTOMER_CONTACT: 2 } });
    expect(await t.db.contact.count()).toBe(before - 2);
    const left = await t.db.contact.findMany({ where: { id: { in: FORMER } }, select: { id: true } });
    expect(left.map((c) => c.id)).toEqual(["demo_contact_14"]);

    // The traces as designed: an audit entry by the retention actor per contact, without values; a retention
    // tombstone per address; no erasure suppression (they may be registered again); no receipt; no request.
    const audit = await t.db.auditEvent.findMany({
      where: { action: "contact.erased", subjectId: { in: ["demo_contact_12", "demo_contact_13"] } },
    });
    expect(audit).toHaveLength(2);
    expect(audit.every((a) => a.actorType === "RETENTION" && a.personalValues === null)).toBe(true);
    for (const id of ["demo_contact_12", "demo_contact_13"]) {
      const email = formerEmails.get(id)!;
      expect(
        await t.db.retentionTombstone.count({ where: { addressHash: retentionHash(email, TEST_SUPPRESSION_KEY) } }),
      ).toBe(1);
      expect(await t.db.queuedMail.count({ where: { to: { has: email } } })).toBe(0);
    }
    expect(await t.db.suppression.count({ where: { reason: "ERASED" } })).toBe(0);
    expect(await t.db.privacyRequest.count({ where: { type: "ERASURE" } })).toBe(0);
    expect((await verifyAuditChain({ db: t.db })).ok).toBe(true);

    // The run: counts, never names; finished, so the next run starts afresh.
    const runRow = await t.db.retentionRun.findUniqueOrThrow({ where: { id: r.runId! } });
    expect(runRow).toMatchObject({ deleted: 2, held: 1, due: 3, dryRun: false, cursor: null });
    expect(runRow.finishedAt).not.toBeNull();
    // The held contact stays on the forecast as overdue.
    expect((await t.db.retentionForecast.findMany()).map((f) => f.contactId)).toContain("demo_contact_14");
  });

  it("does not refuse registering a retention-deleted person again, but the import preview names them", async () => {
    const email = formerEmails.get("demo_contact_12")!;
    const record = {
      email,
      name: "Erik Again",
      phone: null,
      jobTitle: null,
      language: null,
      organisationName: null,
      orgNumber: null,
      roleType: null,
      category: null,
    };
    const [row] = await classifyImportRows({
      db: t.db,
      rows: [{ rowNumber: 2, status: "create", record, errors: [] }],
      options: {
        category: "PROSPECT",
        sourceType: "MET_AT_EVENT",
        sourceDetail: "Cloud Summit 2027",
        duplicates: "skip",
        defaultLanguage: "sv",
      },
      suppressionKey: TEST_SUPPRESSION_KEY,
      staff: { id: "demo_staff_privacy", role: "PRIVACY_OFFICER" },
    });
    expect(row).toMatchObject({ status: "create", errors: [], retentionDeletedOn: "2026-12-25" });
    expect(row!.suppression).toBeUndefined();
  });

  it("deletes the held contact once the hold is released", async () => {
    await t.db.legalHold.updateMany({
      where: { contactId: "demo_contact_14" },
      data: { releasedAt: oneMonthAndADayLater },
    });
    const r = await run(oneMonthAndADayLater);
    expect(r).toMatchObject({ due: 1, deleted: 1, held: 0 });
    expect(await t.db.contact.count({ where: { id: { in: FORMER } } })).toBe(0);
  });

  it("continues an interrupted run from its cursor", async () => {
    const started = await t.db.retentionRun.create({
      data: { trigger: "test", asOf: oneMonthAndADayLater, cursor: "demo_contact_99", swept: 40 },
    });
    const r = await run(oneMonthAndADayLater);
    expect(r.runId).toBe(started.id);
    const after = await t.db.retentionRun.findUniqueOrThrow({ where: { id: started.id } });
    expect(after.finishedAt).not.toBeNull();
    // Only the ids after the cursor were swept again.
    const rest = await t.db.contact.count({ where: { id: { gt: "demo_contact_99" } } });
    expect(after.swept).toBe(40 + rest);
  });
});
