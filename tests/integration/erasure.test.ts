// Erasure leaves nothing behind: after erasing a contact who used every self-service feature (and, erased by staff, a
// contact with an earlier address, a handled request and a mailing delivered to them), every text, JSON and array
// column of every table is searched for their addresses, name, phone, request texts and the provider's message id.
// The only hits allowed are the queued receipt (QueuedMail, until the worker has sent it) and then the receipt in
// OutboxMessage (the dev/test transport standing in for the mail provider, which keeps the mail it sent). The
// suppression tombstone holds a keyed hash, not the address.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { correctContact } from "@/lib/contacts/correct-contact";
import { findSuppression } from "@/lib/suppression/find-suppression";
import { recordSelfAccess } from "@/lib/contacts/record-self-access";
import { reportOtherError } from "@/lib/contacts/report-other-error";
import { requestEmailChange } from "@/lib/contacts/request-email-change";
import { spendStepUpLink } from "@/lib/contacts/spend-step-up-link";
import { eraseContact } from "@/lib/contacts/erase-contact";
import { exportContactData } from "@/lib/export/export-contact-data";
import { confirmEmailChange } from "@/lib/contacts/confirm-email-change";
import { createTransport } from "@/lib/mail/create-transport";
import { sendQueuedMail } from "@/lib/mail/send-queued-mail";
import { completePrivacyRequest } from "@/lib/privacy-requests/complete-privacy-request";
import { extendPrivacyRequest } from "@/lib/privacy-requests/extend-privacy-request";
import { eraseContactByStaff } from "@/lib/contacts/erase-contact-by-staff";
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
// What staff wrote while handling her request, and the provider's id of a mailing sent to her.
const EXTENSION = "Lena Svensson-Ek asked us to wait for her manager";
const OUTCOME = "Told Lena Svensson-Ek by phone that her role is fixed";
const LENA_MESSAGE_ID = "5b0c1a7e-lena-provider-id";
// Staff erase Ahmed, who changed his address once: mail to the earlier address is his too.
const AHMED = "demo_contact_04";
const AHMED_OLD = "ahmed.hassan@nordlys.example";
const AHMED_NEW = "ahmed.h@private.example";
const AHMED_NAME = "Ahmed Hassan";
const AHMED_MESSAGE_ID = "9d1f2e3c-ahmed-provider-id";
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

  // Staff handle her correction request: an extension and an outcome naming her.
  const request = await t.db.privacyRequest.findFirstOrThrow({ where: { contactId: ID, status: "RECEIVED" } });
  const staff = { type: "STAFF" as const, id: "demo_staff_privacy" };
  const extended = await extendPrivacyRequest({
    db: t.db,
    id: request.id,
    input: { months: 1, reason: EXTENSION },
    actor: staff,
  });
  expect(extended.ok).toBe(true);
  const completed = await completePrivacyRequest({
    db: t.db,
    id: request.id,
    input: { status: "COMPLETED", outcome: OUTCOME },
    actor: staff,
  });
  expect(completed.ok).toBe(true);

  // Ahmed confirms a new address; the old one got the notices.
  const asked = await requestEmailChange({
    db: t.db,
    contactId: AHMED,
    input: { email: AHMED_NEW },
    config: CONFIG,
    transport: outbox(t.db),
  });
  expect(asked.ok).toBe(true);
  const [confirm] = await t.db.outboxMessage.findMany({ where: { to: { has: AHMED_NEW } } });
  const token = /https:\/\/prefs\.example\.com\/e\/([A-Za-z0-9_.-]+)/.exec(confirm!.text)![1]!;
  const confirmed = await confirmEmailChange({
    db: t.db,
    token,
    keys: KEYS,
    suppressionKey: SUPPRESSION_KEY,
    transport: outbox(t.db),
  });
  expect(confirmed.ok).toBe(true);

  // A mailing delivered to both, with the provider's message ids and an error text.
  const segment = await t.db.segment.create({ data: { name: "Erasure segment", filter: {} } });
  const mailing = await t.db.mailing.create({
    data: { name: "Erasure mailing", topicId: "demo_topic_newsletter", segmentId: segment.id, status: "SENT" },
  });
  await t.db.delivery.createMany({
    data: [
      { mailingId: mailing.id, contactId: ID, batch: 0, status: "DELIVERED", providerMessageId: LENA_MESSAGE_ID },
      {
        mailingId: mailing.id,
        contactId: AHMED,
        batch: 0,
        status: "FAILED",
        providerMessageId: AHMED_MESSAGE_ID,
        error: `mailbox ${AHMED_NEW} full`,
      },
    ],
  });
});
afterAll(async () => t?.close());

describe("before erasure", () => {
  it("finds the contact's data in several tables (the search works)", async () => {
    const tables = new Set((await findEverywhere([EMAIL, NAME, NEW_PHONE, NEW_NAME, NEW_EMAIL])).map((h) => h.table));
    for (const table of ["Contact", "AuditEvent", "PrivacyRequest", "PendingEmailChange", "OutboxMessage"]) {
      expect(tables, table).toContain(table);
    }
    const traces = await findEverywhere([EXTENSION, OUTCOME, LENA_MESSAGE_ID, AHMED_MESSAGE_ID, AHMED_OLD]);
    expect(new Set(traces.map((h) => `${h.table}.${h.column}`))).toEqual(
      new Set([
        "PrivacyRequest.extensionReason",
        "PrivacyRequest.outcome",
        "Delivery.providerMessageId",
        "OutboxMessage.to",
        "AuditEvent.personalValues",
      ]),
    );
  });
});

describe("eraseContact", () => {
  it("erases in one go and leaves only the queued receipt, then only the sent one, and the hash", async () => {
    const r = await eraseContact({
      db: t.db,
      contactId: ID,
      actor: { type: "CONTACT", id: ID },
      channel: "SELF_SERVICE",
      suppressionKey: SUPPRESSION_KEY,
    });
    const hash = hashAddress(EMAIL, SUPPRESSION_KEY);
    expect(r).toMatchObject({ ok: true, subjectRef: hash.slice(0, 12) });

    const needles = [
      EMAIL,
      NAME,
      NEW_NAME,
      NEW_PHONE,
      OLD_PHONE,
      NEW_EMAIL,
      "Lena",
      EXTENSION,
      OUTCOME,
      LENA_MESSAGE_ID,
    ];
    const queued = await findEverywhere(needles);
    expect(queued.filter((h) => !(h.table === "QueuedMail" && h.column === "to" && h.value === `{${EMAIL}}`))).toEqual(
      [],
    );

    // The worker sends the receipt after commit and deletes it from the queue.
    expect(r).toEqual({ ok: true, subjectRef: hash.slice(0, 12), receiptQueued: true });
    expect(await sendQueuedMail({ db: t.db, transport: outbox(t.db) })).toEqual({ sent: 1, retrying: 0, dropped: 0 });
    expect(await t.db.queuedMail.count()).toBe(0);
    const hits = await findEverywhere(needles);
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
    expect(requests.every((r) => r.contactId === null && r.details === null && r.extensionReason === null)).toBe(true);
    // Only the erasure's own outcome is left, and it is not about the person.
    expect(requests.flatMap((r) => (r.outcome ? [r.outcome] : []))).toEqual(["Erased; receipt queued"]);
    expect(await t.db.delivery.findMany({ where: { providerMessageId: LENA_MESSAGE_ID } })).toEqual([]);
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

describe("eraseContactByStaff", () => {
  it("leaves nothing of a contact with an earlier address, a failed delivery and mail to both addresses", async () => {
    const r = await eraseContactByStaff({
      db: t.db,
      staff: { id: "demo_staff_privacy", role: "PRIVACY_OFFICER" },
      contactId: AHMED,
      input: { channel: "PHONE", confirm: "on" },
      suppressionKey: SUPPRESSION_KEY,
    });
    expect(r.ok).toBe(true);

    const needles = [AHMED_OLD, AHMED_NEW, AHMED_NAME, "Ahmed", AHMED_MESSAGE_ID];
    const queued = await findEverywhere(needles);
    expect(
      queued.filter((h) => !(h.table === "QueuedMail" && h.column === "to" && h.value === `{${AHMED_NEW}}`)),
    ).toEqual([]);
    expect(r).toMatchObject({ ok: true, receiptQueued: true });
    expect(await sendQueuedMail({ db: t.db, transport: outbox(t.db) })).toMatchObject({ sent: 1 });
    const hits = await findEverywhere(needles);
    expect(
      hits.filter((h) => !(h.table === "OutboxMessage" && h.column === "to" && h.value === `{${AHMED_NEW}}`)),
    ).toEqual([]);
    expect(
      await t.db.delivery.findFirst({ where: { mailing: { name: "Erasure mailing" }, status: "FAILED" } }),
    ).toMatchObject({ contactId: null, providerMessageId: null, error: null });
    expect(await verifyAuditChain({ db: t.db })).toMatchObject({ ok: true });
  });
});
