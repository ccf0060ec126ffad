import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../support/db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.close());

describe("migrated database", () => {
  it("has the register tables and refuses a non-normalised email", async () => {
    const org = await t.db.organisation.create({ data: { name: "Acme AB", relationship: "CUSTOMER" } });
    expect(org.id).toBeTruthy();
    await expect(
      t.db.contact.create({ data: { name: "A", email: " A@Example.com", category: "PROSPECT", sourceType: "STAFF_ENTRY" } }),
    ).rejects.toThrow();
  });
});
