import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { seedDemo } from "@/prisma/seed-demo";
import { createTestDb, type TestDb } from "../support/db";

let t: TestDb;
const now = new Date("2026-11-24T12:00:00Z");
beforeAll(async () => {
  t = await createTestDb();
  await seedDemo({ db: t.db, now });
});
afterAll(async () => t?.close());

describe("demo seed", () => {
  it("has the organisations the issue asks for", async () => {
    const orgs = await t.db.organisation.findMany();
    expect(orgs.length).toBeGreaterThanOrEqual(4);
    expect(orgs.filter((o) => o.relationship === "CUSTOMER").length).toBeGreaterThanOrEqual(2);
    expect(orgs.filter((o) => o.relationship === "PARTNER").length).toBeGreaterThanOrEqual(1);
    const former = orgs.find((o) => o.relationship === "FORMER_CUSTOMER");
    // Ended 9 years and 11 months before "now".
    expect(former?.relationshipEnd?.toISOString().slice(0, 10)).toBe("2016-12-24");
  });

  it("has 25+ contacts across every category and role type, ended roles and prospects from a named fair", async () => {
    const contacts = await t.db.contact.findMany({ include: { roles: true, legalBases: true } });
    expect(contacts.length).toBeGreaterThanOrEqual(25);
    expect(new Set(contacts.map((c) => c.category))).toEqual(
      new Set(["CUSTOMER_CONTACT", "PROSPECT", "PARTNER_CONTACT", "SUPPLIER_CONTACT"]),
    );
    const roles = contacts.flatMap((c) => c.roles);
    expect(new Set(roles.map((r) => r.type))).toEqual(
      new Set([
        "COMMERCIAL_CONTACT",
        "SYSTEM_ADMINISTRATOR",
        "SYSTEM_OWNER",
        "TECHNICAL_CONTACT",
        "BILLING_CONTACT",
        "OTHER",
      ]),
    );
    expect(roles.filter((r) => r.endsOn !== null).length).toBeGreaterThanOrEqual(3);
    const fair = contacts.filter((c) => c.sourceType === "MET_AT_EVENT");
    expect(fair.length).toBeGreaterThanOrEqual(3);
    expect(fair.every((c) => c.sourceDetail === "Cloud Summit Stockholm 2026" && c.sourceStaffId && c.sourceDate)).toBe(
      true,
    );
    expect(contacts.every((c) => c.legalBases.length > 0)).toBe(true);
    expect(contacts.every((c) => c.email === c.email.trim().toLowerCase())).toBe(true);
  });

  it("has topics, subscriptions, and one staff user per role", async () => {
    expect(await t.db.topic.count()).toBeGreaterThanOrEqual(4);
    expect(await t.db.subscription.count({ where: { state: "UNSUBSCRIBED" } })).toBeGreaterThan(0);
    expect(await t.db.subscription.count({ where: { state: "SUBSCRIBED" } })).toBeGreaterThan(20);
    const staff = await t.db.staffUser.findMany();
    expect(new Set(staff.map((s) => s.role))).toEqual(
      new Set(["ADMIN", "PRIVACY_OFFICER", "ACCOUNT_MANAGER", "MARKETING", "SUPPORT"]),
    );
  });

  it("records each created contact in the audit trail", async () => {
    expect(await t.db.auditEvent.count({ where: { action: "contact.created" } })).toBe(await t.db.contact.count());
    expect((await verifyAuditChain({ db: t.db })).ok).toBe(true);
  });

  it("is idempotent", async () => {
    const before = await Promise.all([
      t.db.contact.count(),
      t.db.contactRole.count(),
      t.db.subscription.count(),
      t.db.auditEvent.count(),
    ]);
    const again = await seedDemo({ db: t.db, now });
    expect(again).toEqual({ staff: 0, organisations: 0, contacts: 0, topics: 0, roles: 0, subscriptions: 0 });
    const after = await Promise.all([
      t.db.contact.count(),
      t.db.contactRole.count(),
      t.db.subscription.count(),
      t.db.auditEvent.count(),
    ]);
    expect(after).toEqual(before);
  });
});
