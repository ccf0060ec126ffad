// The app on the fictional second company's policy file (English only, its own sender): mail comes from the file's
// sender when MAIL_FROM is not set, and a contact created without a language gets the deployment's only language.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upsertContact } from "@/lib/contacts/upsert-contact";
import { listOutboxMessages } from "@/lib/mail/list-outbox-messages";
import { sendMail } from "@/lib/mail/send-mail";
import { createTestDb, type TestDb } from "../support/db";
import { TEST_SUPPRESSION_KEY, unique } from "../factories";

// Before anything reads the policy (getPolicy reads POLICY_FILE on use; each test file has its own modules).
process.env.POLICY_FILE = path.resolve(import.meta.dirname, "../../lib/policy/files/fictional-example.yaml");

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

describe("an English-only deployment with its own sender", () => {
  it("sends from the policy file's brand.sender when MAIL_FROM is not set", async () => {
    const to = `northwind.${unique()}@example.com`;
    const result = await sendMail({ db: t.db, message: { to, subject: "Hello", html: "<p>h</p>", text: "h" } });
    expect(result.ok).toBe(true);
    const [stored] = await listOutboxMessages({ db: t.db, to });
    expect(stored?.from).toBe('"Northwind Components" <bulletins@northwind.example>');
  });

  it("gives a contact synced without a language the deployment's language, not Swedish", async () => {
    const r = await upsertContact({
      db: t.db,
      input: {
        email: `buyer.${unique()}@northwind-customer.example`,
        name: "A Buyer",
        category: "PROSPECT",
        source: { type: "IMPORTED" },
      },
      actor: { type: "API", id: "test" },
      suppressionKey: TEST_SUPPRESSION_KEY,
    });
    if (!r.ok) throw new Error(r.code);
    const contact = await t.db.contact.findUniqueOrThrow({ where: { id: r.id }, select: { language: true } });
    expect(contact.language).toBe("en");
  });
});
