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
import { answerLeavingSurvey } from "@/lib/subscriptions/answer-leaving-survey";
import { setSubscription } from "@/lib/subscriptions/set-subscription";
import { requestSignup } from "@/lib/signups/request-signup";
import { signupInputSchema } from "@/lib/signups/signup-input";
import { createTestDb, type TestDb } from "../support/db";
import {
  makeContact,
  makeMailing,
  makeOrganisation,
  makeSegment,
  makeStaffUser,
  makeTopic,
  unique,
} from "../factories";

const KEYS = [{ id: "t1", secret: "s".repeat(40) }];
const CONFIG = { publicUrl: "https://prefs.example.com", linkKeys: KEYS };
const SUPPRESSION_KEY = "k".repeat(40);
let t: TestDb;

const outbox = (db: DbOrTx) => createTransport({ config: { transport: "outbox", from: "t@tillit.test" }, db });
const phone = () => `+46701${String(100000 + Math.floor(Math.random() * 900000))}`;

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
});

/** Lena: a contact who used every self-service feature, and whose correction request staff handled. */
async function makeLena() {
  const u = unique();
  const org = await makeOrganisation(t.db);
  const topic = await makeTopic(t.db, { defaultCategories: ["CUSTOMER_CONTACT"] });
  const staffUser = await makeStaffUser(t.db, "PRIVACY_OFFICER");
  const FIRST = `Lena${u}`;
  const NAME = `${FIRST} Svensson`;
  const EMAIL = `lena.svensson.${u}@nordlys.example`;
  const OLD_PHONE = phone();
  const NEW_PHONE = phone();
  const NEW_EMAIL = `lena.private.${u}@elsewhere.example`;
  const NEW_NAME = `${NAME}-Ek`;
  // What staff wrote while handling her request, and the provider's id of a mailing sent to her.
  const EXTENSION = `${NEW_NAME} asked us to wait for her manager`;
  const OUTCOME = `Told ${NEW_NAME} by phone that her role is fixed`;
  const MESSAGE_ID = `5b0c1a7e-lena-${u}-provider-id`;
  const { id: ID } = await makeContact(t.db, {
    name: NAME,
    email: EMAIL,
    phone: OLD_PHONE,
    jobTitle: "Inköpschef",
    organisationId: org.id,
    roleType: "COMMERCIAL_CONTACT",
    suppressionKey: SUPPRESSION_KEY,
  });
  // Lena uses everything first, so every place her data could end up has some.
  await requestStepUp({ db: t.db, contactId: ID, config: CONFIG, transport: outbox(t.db) });
  const contact = await t.db.contact.findUniqueOrThrow({ where: { id: ID } });
  const stepUpToken = stepUpUrl(CONFIG, contact).split("/s/")[1]!;
  expect((await spendStepUpLink({ db: t.db, token: stepUpToken, keys: KEYS })).ok).toBe(true);
  await recordSelfAccess({ db: t.db, contactId: ID, sessionStartedAt: new Date(Date.now() - 1000) });
  await exportContactData({ db: t.db, contactId: ID, format: "json", lang: "en" });
  // She leaves the topic on the preference page and says why, naming herself in the free text.
  const leftAt = new Date();
  const left = await setSubscription({
    db: t.db,
    contactId: ID,
    topicId: topic.id,
    state: "UNSUBSCRIBED",
    source: "SELF",
    suppressionKey: SUPPRESSION_KEY,
    now: leftAt,
  });
  expect(left).toMatchObject({ ok: true, changed: true });
  const said = await answerLeavingSurvey({
    db: t.db,
    contactId: ID,
    input: { unsubscribedAt: leftAt.toISOString(), topicId: topic.id, reason: "OTHER", text: `${NAME} has retired` },
  });
  expect(said.ok).toBe(true);
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
  // She also fills in the public sign-up form with the new address and has not confirmed it yet.
  await t.db.topic.update({ where: { id: topic.id }, data: { offeredAtSignup: true } });
  const signup = await requestSignup({
    db: t.db,
    input: signupInputSchema.parse({
      name: NEW_NAME,
      email: NEW_EMAIL,
      organisation: "Nordlys AB",
      topics: [topic.id],
    }),
    clientKey: `lena-${u}`,
    language: "sv",
    config: { publicUrl: CONFIG.publicUrl, authSecret: "a".repeat(40), suppressionKey: SUPPRESSION_KEY },
    transport: outbox(t.db),
  });
  expect(signup.outcome).toEqual({ ok: true, status: "accepted" });
  expect(await signup.background).toBe("sent");

  // Staff handle her correction request: an extension and an outcome naming her.
  const request = await t.db.privacyRequest.findFirstOrThrow({ where: { contactId: ID, status: "RECEIVED" } });
  const staff = { type: "STAFF" as const, id: staffUser.id };
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
  return {
    ID,
    FIRST,
    NAME,
    EMAIL,
    OLD_PHONE,
    NEW_PHONE,
    NEW_EMAIL,
    NEW_NAME,
    EXTENSION,
    OUTCOME,
    MESSAGE_ID,
    stepUpToken,
    staff: staffUser,
  };
}

/** Ahmed, who changed his address once: mail to the earlier address is his too. */
async function makeAhmed() {
  const u = unique();
  const org = await makeOrganisation(t.db);
  const NAME = `Ahmed${u} Hassan`;
  const OLD = `ahmed.hassan.${u}@nordlys.example`;
  const NEW = `ahmed.h.${u}@private.example`;
  const MESSAGE_ID = `9d1f2e3c-ahmed-${u}-provider-id`;
  const { id: ID } = await makeContact(t.db, {
    name: NAME,
    email: OLD,
    phone: phone(),
    language: "en",
    organisationId: org.id,
    roleType: "TECHNICAL_CONTACT",
    suppressionKey: SUPPRESSION_KEY,
  });
  // Ahmed confirms a new address; the old one got the notices.
  const asked = await requestEmailChange({
    db: t.db,
    contactId: ID,
    input: { email: NEW },
    config: CONFIG,
    transport: outbox(t.db),
  });
  expect(asked.ok).toBe(true);
  const [confirm] = await t.db.outboxMessage.findMany({ where: { to: { has: NEW } } });
  const token = /https:\/\/prefs\.example\.com\/e\/([A-Za-z0-9_.-]+)/.exec(confirm!.text)![1]!;
  const confirmed = await confirmEmailChange({
    db: t.db,
    token,
    keys: KEYS,
    suppressionKey: SUPPRESSION_KEY,
    transport: outbox(t.db),
  });
  expect(confirmed.ok).toBe(true);
  return { ID, NAME, FIRST: `Ahmed${u}`, OLD, NEW, MESSAGE_ID };
}

type Lena = Awaited<ReturnType<typeof makeLena>>;
type Ahmed = Awaited<ReturnType<typeof makeAhmed>>;

/** A mailing delivered to both, with the provider's message ids and an error text. */
async function deliverMailing(lena: Lena, ahmed: Ahmed): Promise<{ id: string }> {
  const topic = await makeTopic(t.db);
  const segment = await makeSegment(t.db);
  const mailing = await makeMailing(t.db, { topicId: topic.id, segmentId: segment.id });
  await t.db.mailing.update({ where: { id: mailing.id }, data: { status: "SENT" } });
  await t.db.delivery.createMany({
    data: [
      { mailingId: mailing.id, contactId: lena.ID, batch: 0, status: "DELIVERED", providerMessageId: lena.MESSAGE_ID },
      {
        mailingId: mailing.id,
        contactId: ahmed.ID,
        batch: 0,
        status: "FAILED",
        providerMessageId: ahmed.MESSAGE_ID,
        error: `mailbox ${ahmed.NEW} full`,
      },
    ],
  });
  return mailing;
}

/** Lena, who used everything and got a mailing, erased by herself; the receipt sent. */
async function erasedLena(): Promise<Lena> {
  const lena = await makeLena();
  await deliverMailing(lena, await makeAhmed());
  const r = await eraseContact({
    db: t.db,
    contactId: lena.ID,
    actor: { type: "CONTACT", id: lena.ID },
    channel: "SELF_SERVICE",
    suppressionKey: SUPPRESSION_KEY,
  });
  expect(r.ok).toBe(true);
  await sendQueuedMail({ db: t.db, transport: outbox(t.db) });
  return lena;
}
afterAll(async () => t?.close());

describe("before erasure", () => {
  it("finds the contact's data in several tables (the search works)", async () => {
    const lena = await makeLena();
    const { EMAIL, NAME, NEW_PHONE, NEW_NAME, NEW_EMAIL, EXTENSION, OUTCOME } = lena;
    const ahmed = await makeAhmed();
    await deliverMailing(lena, ahmed);
    const tables = new Set((await findEverywhere([EMAIL, NAME, NEW_PHONE, NEW_NAME, NEW_EMAIL])).map((h) => h.table));
    for (const table of [
      "Contact",
      "AuditEvent",
      "PrivacyRequest",
      "PendingEmailChange",
      "PendingSignup",
      "OutboxMessage",
    ]) {
      expect(tables, table).toContain(table);
    }
    const traces = await findEverywhere([EXTENSION, OUTCOME, lena.MESSAGE_ID, ahmed.MESSAGE_ID, ahmed.OLD]);
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
    const lena = await makeLena();
    await deliverMailing(lena, await makeAhmed());
    const { ID, EMAIL } = lena;
    // Whatever an earlier test left in the queue is sent first: the queue below holds only this erasure's receipt.
    await sendQueuedMail({ db: t.db, transport: outbox(t.db) });
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
      lena.NAME,
      lena.NEW_NAME,
      lena.NEW_PHONE,
      lena.OLD_PHONE,
      lena.NEW_EMAIL,
      lena.FIRST,
      lena.EXTENSION,
      lena.OUTCOME,
      lena.MESSAGE_ID,
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
    const { ID, EMAIL, MESSAGE_ID } = await erasedLena();
    const requests = await t.db.privacyRequest.findMany({
      where: { subjectRef: hashAddress(EMAIL, SUPPRESSION_KEY).slice(0, 12) },
    });
    // Her view of /me and her download are access events in the audit trail, not requests.
    expect(requests.map((r) => r.type).sort()).toEqual(["ERASURE", "RECTIFICATION", "RECTIFICATION"]);
    expect(requests.every((r) => r.contactId === null && r.details === null && r.extensionReason === null)).toBe(true);
    // Only the erasure's own outcome is left, and it is not about the person.
    expect(requests.flatMap((r) => (r.outcome ? [r.outcome] : []))).toEqual(["Erased; receipt queued"]);
    expect(await t.db.delivery.findMany({ where: { providerMessageId: MESSAGE_ID } })).toEqual([]);
    expect(requests.find((r) => r.type === "ERASURE")).toMatchObject({ status: "COMPLETED", channel: "SELF_SERVICE" });
    const events = await t.db.auditEvent.findMany({ where: { subjectType: "Contact", subjectId: ID } });
    expect(events.map((e) => e.action)).toContain("contact.erased");
    expect(events.filter((e) => e.action === "contact.viewed_by_self")).toHaveLength(1);
    expect(events.filter((e) => e.action === "contact.exported_by_self").map((e) => e.fields)).toEqual([["json"]]);
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
    await erasedLena();
    expect(await verifyAuditChain({ db: t.db })).toMatchObject({ ok: true });
  });

  it("flags the address when someone tries to create or import it again", async () => {
    const { EMAIL } = await erasedLena();
    // The same address with other capitals and spaces around it.
    const [local, domain] = EMAIL.split("@") as [string, string];
    const typed = `  ${local[0]!.toUpperCase()}${local.slice(1)}@${domain[0]!.toUpperCase()}${domain.slice(1)} `;
    const found = await findSuppression({ db: t.db, email: typed, key: SUPPRESSION_KEY });
    expect(found.suppressed).toBe(true);
    expect(found.matches).toMatchObject([{ reason: "ERASED", scope: "ALL" }]);
    expect(found.matches[0]!.since).toBeInstanceOf(Date);
    expect(
      (await findSuppression({ db: t.db, email: `someone.else.${unique()}@nordlys.example`, key: SUPPRESSION_KEY }))
        .suppressed,
    ).toBe(false);
  });

  it("makes the person's old links useless and answers unknown_contact a second time", async () => {
    const { ID, stepUpToken } = await erasedLena();
    expect(await spendStepUpLink({ db: t.db, token: stepUpToken, keys: KEYS })).toMatchObject({ ok: false });
    expect(
      await eraseContact({
        db: t.db,
        contactId: ID,
        actor: { type: "CONTACT", id: ID },
        channel: "SELF_SERVICE",
        suppressionKey: SUPPRESSION_KEY,
      }),
    ).toEqual({ ok: false, code: "not_found", reason: "unknown_contact" });
  });
});

describe("eraseContactByStaff", () => {
  it("leaves nothing of a contact with an earlier address, a failed delivery and mail to both addresses", async () => {
    const lena = await makeLena();
    const ahmed = await makeAhmed();
    const mailing = await deliverMailing(lena, ahmed);
    // Whatever an earlier test left in the queue is sent first: the queue below holds only this erasure's receipt.
    await sendQueuedMail({ db: t.db, transport: outbox(t.db) });
    const r = await eraseContactByStaff({
      db: t.db,
      staff: { id: lena.staff.id, role: "PRIVACY_OFFICER" },
      contactId: ahmed.ID,
      input: { channel: "PHONE", confirm: "on" },
      suppressionKey: SUPPRESSION_KEY,
    });
    expect(r.ok).toBe(true);

    const needles = [ahmed.OLD, ahmed.NEW, ahmed.NAME, ahmed.FIRST, ahmed.MESSAGE_ID];
    const queued = await findEverywhere(needles);
    expect(
      queued.filter((h) => !(h.table === "QueuedMail" && h.column === "to" && h.value === `{${ahmed.NEW}}`)),
    ).toEqual([]);
    expect(r).toMatchObject({ ok: true, receiptQueued: true });
    expect(await sendQueuedMail({ db: t.db, transport: outbox(t.db) })).toMatchObject({ sent: 1 });
    const hits = await findEverywhere(needles);
    expect(
      hits.filter((h) => !(h.table === "OutboxMessage" && h.column === "to" && h.value === `{${ahmed.NEW}}`)),
    ).toEqual([]);
    expect(await t.db.delivery.findFirst({ where: { mailingId: mailing.id, status: "FAILED" } })).toMatchObject({
      contactId: null,
      providerMessageId: null,
      error: null,
    });
    expect(await verifyAuditChain({ db: t.db })).toMatchObject({ ok: true });
  });
});
