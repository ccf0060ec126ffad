// A contact erased while a mailing's expansion is picking its chunk (the retention job erases four at a time beside a
// sending mailing): the chunk's insert finds the contact gone (foreign key, 23503). The expansion must go on with the
// others, not fail and wait in pg-boss's back-off. The race needs a second connection holding the erasure open while
// the chunk runs, so it is driven on PostgreSQL; PGlite has one connection, where the two cannot interleave.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expandMailing } from "@/lib/mailings/pipeline/expand-mailing";
import { createTestDb, testDbKind, type TestDb } from "../support/db";
import { makeContact, makeMailing, makeSegment, makeTopic } from "../factories";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.close());

describe("mailing expansion beside erasures", () => {
  it.runIf(testDbKind() === "postgres")(
    "a contact erased while its chunk is inserted is left out, and the rest are expanded at once",
    async () => {
      const topic = await makeTopic(t.db, { defaultCategories: ["CUSTOMER_CONTACT"] });
      const a = await makeContact(t.db, { category: "CUSTOMER_CONTACT" });
      const b = await makeContact(t.db, { category: "CUSTOMER_CONTACT" });
      const c = await makeContact(t.db, { category: "CUSTOMER_CONTACT" });
      const segment = await makeSegment(t.db, { filter: {} });
      const mailing = await makeMailing(t.db, { topicId: topic.id, segmentId: segment.id });
      await t.db.mailing.update({ where: { id: mailing.id }, data: { status: "SENDING", startedAt: new Date() } });

      // The erasure's transaction holds b's row while the chunk picks b and tries to insert its delivery.
      await t.raw.query("BEGIN");
      await t.raw.query(`DELETE FROM "Contact" WHERE id = $1`, [b.id]);
      const expansion = expandMailing({ db: t.db, mailingId: mailing.id, enqueue: async () => {} });
      await new Promise((r) => setTimeout(r, 500));
      await t.raw.query("COMMIT");

      expect(await expansion).toMatchObject({ status: "expanded" });
      const deliveries = await t.db.delivery.findMany({
        where: { mailingId: mailing.id },
        select: { contactId: true },
      });
      const ids = deliveries.map((d) => d.contactId);
      expect(ids).toContain(a.id);
      expect(ids).toContain(c.id);
      expect(ids).not.toContain(b.id);
      expect((await t.db.mailing.findUniqueOrThrow({ where: { id: mailing.id } })).expandedAt).not.toBeNull();
    },
  );
});
