// Erasure leaves nothing behind: after erasing a contact who used every self-service feature, every text, JSON and
// array column of every table is searched for their address, name, phone and the new address they once asked for.
// The only hits allowed are the erasure receipt in OutboxMessage (the dev/test transport standing in for the mail
// provider, which keeps the mail it sent) and the suppression tombstone, which holds a keyed hash, not the address.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { correctContact } from "@/lib/contacts/correct-contact";
import { findSuppression } from "@/lib/contacts/find-suppression";
import { recordSelfAccess } from "@/lib/contacts/record-self-access";
import { reportOtherError } from "@/lib/contacts/report-other-error";
import { requestEmailChange } from "@/lib/contacts/request-email-change";
import { spendStepUpLink } from "@/lib/contacts/spend-step-up-link";
import { eraseContact } from "@/lib/erasure/erase-contact";
import { exportContactData } from "@/lib/export/export-contact-data";
import { createTransport } from "@/lib/mail/create-transport";
import type { DbOrTx } from "@/lib/db/client";
import { stepUpUrl } from "@/lib/recipients/build-links";
import { requestStepUp } from "@/lib/recipients/request-step-up";
import { hashAddress } from "@/lib/suppression/hash-address";
import { seedDemo } from "@/prisma/seed-demo";
import { createTestDb, type TestDb } from "../support/db";

const KEYS = [{ id: "t1", secret: "s".repeat(40) }];
const CONFIG = { publicUrl: "https://prefs.example.com", linkKeys: KEYS };
const SUPPRESSION_KEY = "k".repeat(40);
const ID = "demo_contact_01";
const EMAIL = "lena.svensson@nordlys.example";
const NAME = "Lena Svensson";
const NEW_PHONE = "+46709876543";
const OLD_PHONE = "+46701234501";
const NEW_EMAIL = "lena.private@elsewhere.example";
const NEW_NAME = "Lena Svensson-Ek";
let t: TestDb;
let stepUpToken: string;

const outbox = (db: DbOrTx) => createTransport({ config: { transport: "outbox", from: "t@tillit.test" }, db });

type Hit = { table: string; column: string; needle: string; value: string };

/** Every text-like column of every table (information_schema), cast to text and searched case-insensitively. */
async function findEverywhere(needles: string[]): Promise<Hit[]> {
  const columns = await t.raw.query<{ table_name: string; column_name: string }>(
    `SELECT c.table_name, c.column_name FROM information_schema.columns c
     JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
     WHERE c.table_schema = current_schema() AND tb.table_type = 'BASE TABLE'
       AND (c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY', 'USER-DEFINED'))`,
  );
  expect(columns.length).toBeGreaterThan(30);
  const hits: Hit[] = [];
  for (const { table_name, column_name } of columns) {
    for (const needle of needles) {
      const rows = await t.raw.query<{ v: string }>(
        `SELECT "${column_name}"::text AS v FROM "${table_name}" WHERE "${column_name}"::text ILIKE $1`,
        [`%${needle}%`],
      );
      for (const r of rows) hits.push({ table: table_name, column: column_name, needle, value: r.v.slice(0, 80) });
    }
  }
  return hits;
}

beforeAll(async () => {
  t = await createTestDb();
  await seedDemo({ db: t.db });
  // Lena uses everything first, so every place her data could end up has some.
  await requestStepUp({ db: t.db, contactId: ID, config: CONFIG, transport: outbox(t.db) });
  const contact = await t.db.contact.findUniqueOrThrow({ where: { id: ID } });
  stepUpToken = stepUpUrl(CONFIG, contact).split("/s/")[1]!;
  expect((await spendStepUpLink({ db: t.db, token: stepUpToken, keys: KEYS })).ok).toBe(true);
  await recordSelfAccess({ db: t.db, contactId: ID, sessionStartedAt: new Date(Date.now() - 1000) });
  await exportContactData({ db: t.db, contactId: ID, format: "json" });
  const corrected = await correctContact({
    db: t.db,
    contactId: ID,
    input: { name: NEW_NAME, phone: NEW_PHONE, jobTitle: "Inköpschef", language: "sv" },
  });
  expect(corrected).toMatchObject({ ok: true });
  await reportOtherError({ db: t.db, contactId: ID, input: { details: `Jag heter ${NAME}, rätta rollen` } });
  const change = await requestEmailChange({
    db: t.db,
    contactId: ID,
    input: { email: NEW_EMAIL },
    config: CONFIG,
    transport: outbox(t.db),
  });
  expect(change.ok).toBe(true);
});
afterAll(async () => t?.close());

describe("before erasure", () => {
  it("finds the contact's data in several tables (the search works)", async () => {
    const tables = new Set((await findEverywhere([EMAIL, NAME, NEW_PHONE, NEW_NAME, NEW_EMAIL])).map((h) => h.table));
    for (const table of ["Contact", "AuditEvent", "PrivacyRequest", "PendingEmailChange", "OutboxMessage"]) {
      expect(tables, table).toContain(table);
    }
  });
});

describe("eraseContact", () => {
  it("erases in one go and leaves only the receipt in the dev outbox and the hash in the suppression list", async () => {
    const r = await eraseContact({
      db: t.db,
      contactId: ID,
      actor: { type: "CONTACT", id: ID },
      channel: "SELF_SERVICE",
      suppressionKey: SUPPRESSION_KEY,
      transport: (tx) => outbox(tx),
    });
    const hash = hashAddress(EMAIL, SUPPRESSION_KEY);
    expect(r).toEqual({ ok: true, subjectRef: hash.slice(0, 12), receiptSent: true });

    const hits = await findEverywhere([EMAIL, NAME, NEW_NAME, NEW_PHONE, OLD_PHONE, NEW_EMAIL, "Lena"]);
    const unexpected = hits.filter(
      (h) => !(h.table === "OutboxMessage" && h.column === "to" && h.value === `{${EMAIL}}`),
    );
    expect(unexpected).toEqual([]);

    // The one outbox mail to the address is the receipt, and it names nothing personal beyond the address itself.
    const mails = await t.db.outboxMessage.findMany({ where: { to: { has: EMAIL } } });
    expect(mails.map((m) => m.subject)).toEqual(["Dina uppgifter är raderade"]);
    expect(mails[0]!.html).toContain(hash.slice(0, 12));

    expect(await t.db.suppression.findMany({ where: { addressHash: hash } })).toMatchObject([
      { reason: "ERASED", scope: "ALL" },
    ]);
  });

  it("keeps the register's accountability without personal data", async () => {
    const requests = await t.db.privacyRequest.findMany({
      where: { subjectRef: hashAddress(EMAIL, SUPPRESSION_KEY).slice(0, 12) },
    });
    expect(requests.map((r) => r.type).sort()).toEqual(
      ["ACCESS", "ERASURE", "PORTABILITY", "RECTIFICATION", "RECTIFICATION"].sort(),
    );
    expect(requests.every((r) => r.contactId === null && r.details === null)).toBe(true);
    expect(requests.find((r) => r.type === "ERASURE")).toMatchObject({ status: "COMPLETED", channel: "SELF_SERVICE" });
    const events = await t.db.auditEvent.findMany({ where: { subjectType: "Contact", subjectId: ID } });
    expect(events.map((e) => e.action)).toContain("contact.erased");
    expect(events.every((e) => e.personalValues === null)).toBe(true);
    expect(
      (await t.db.contactRole.count({ where: { contactId: ID } })) +
        (await t.db.subscription.count({ where: { contactId: ID } })) +
        (await t.db.subscriptionChange.count({ where: { contactId: ID } })) +
        (await t.db.contactLegalBasis.count({ where: { contactId: ID } })) +
        (await t.db.pendingEmailChange.count({ where: { contactId: ID } })),
    ).toBe(0);
  });

  it("leaves an audit chain that still verifies", async () => {
    expect(await verifyAuditChain({ db: t.db })).toMatchObject({ ok: true });
  });

  it("flags the address when someone tries to create or import it again", async () => {
    const found = await findSuppression({ db: t.db, email: "  Lena.Svensson@Nordlys.example ", key: SUPPRESSION_KEY });
    expect(found.suppressed).toBe(true);
    expect(found.matches).toMatchObject([{ reason: "ERASED", scope: "ALL" }]);
    expect(found.matches[0]!.since).toBeInstanceOf(Date);
    expect(
      (await findSuppression({ db: t.db, email: "someone.else@nordlys.example", key: SUPPRESSION_KEY })).suppressed,
    ).toBe(false);
  });

  it("makes the person's old links useless and answers unknown_contact a second time", async () => {
    expect(await spendStepUpLink({ db: t.db, token: stepUpToken, keys: KEYS })).toMatchObject({ ok: false });
    expect(
      await eraseContact({
        db: t.db,
        contactId: ID,
        actor: { type: "CONTACT", id: ID },
        channel: "SELF_SERVICE",
        suppressionKey: SUPPRESSION_KEY,
      }),
    ).toEqual({ ok: false, reason: "unknown_contact" });
  });
});
