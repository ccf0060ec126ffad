// The factories give each test its own rows: unique names and addresses, and the defaults real ones have.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../support/db";
import { makeContact, makeMailing, makeOrganisation, makeSegment, makeStaffUser, makeTopic } from "../factories";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t.close());

describe("test factories", () => {
  it("make unique resources, a contact born with its defaults and its role", async () => {
    const manager = await makeStaffUser(t.db, "ACCOUNT_MANAGER");
    const other = await makeStaffUser(t.db, "ACCOUNT_MANAGER");
    expect(manager.email).not.toBe(other.email);
    const org = await makeOrganisation(t.db, { accountManagerId: manager.id });
    const topic = await makeTopic(t.db, { defaultCategories: ["CUSTOMER_CONTACT"] });
    const a = await makeContact(t.db, { organisationId: org.id, roleType: "SYSTEM_OWNER" });
    const b = await makeContact(t.db);
    expect(a.email).not.toBe(b.email);
    const contact = await t.db.contact.findUniqueOrThrow({
      where: { id: a.id },
      include: { roles: true, subscriptions: true, legalBases: true },
    });
    expect(contact.roles).toMatchObject([{ organisationId: org.id, type: "SYSTEM_OWNER", endsOn: null }]);
    expect(contact.subscriptions).toMatchObject([{ topicId: topic.id, state: "SUBSCRIBED" }]);
    expect(contact.legalBases.length).toBeGreaterThan(0);
    expect(await t.db.auditEvent.count({ where: { action: "contact.created", subjectId: a.id } })).toBe(1);
    const segment = await makeSegment(t.db, { createdById: manager.id });
    const mailing = await makeMailing(t.db, { topicId: topic.id, segmentId: segment.id });
    expect(await t.db.mailing.findUniqueOrThrow({ where: { id: mailing.id } })).toMatchObject({ status: "DRAFT" });
  });
});
