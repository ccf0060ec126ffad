// Correction by the person (GDPR Art. 16): per-field validation, applied changes with their audit entry and privacy
// request, the email change confirmed at the new address, and a taken address refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { confirmEmailChange } from "@/lib/contacts/confirm-email-change";
import { correctContact } from "@/lib/contacts/correct-contact";
import { reportOtherError } from "@/lib/contacts/report-other-error";
import { requestEmailChange } from "@/lib/contacts/request-email-change";
import { createTransport } from "@/lib/mail/create-transport";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { hashAddress } from "@/lib/suppression/hash-address";
import { createTestDb, type TestDb } from "../support/db";
import { makeContact, unique } from "../factories";

const KEYS = [{ id: "t1", secret: "s".repeat(40) }];
const CONFIG = { publicUrl: "https://prefs.example.com", linkKeys: KEYS };
const SKEY = "k".repeat(40);
let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.close());

const outbox = () => createTransport({ config: { transport: "outbox", from: "t@tillit.test" }, db: t.db });
const mailsTo = (to: string) =>
  t.db.outboxMessage.findMany({ where: { to: { has: to } }, orderBy: { createdAt: "asc" } });
/** A customer contact of this test's own, with the given name, address, phone, job title and language. */
const makePerson = (first: string, over: Parameters<typeof makeContact>[1] = {}) => {
  const u = unique();
  return makeContact(t.db, {
    name: `${first} ${u}`,
    email: `${first.toLowerCase()}.${u}@nordlys.example`,
    suppressionKey: SKEY,
    ...over,
  });
};
const tokenIn = (text: string) => /https:\/\/prefs\.example\.com\/e\/([A-Za-z0-9_.-]+)/.exec(text)![1]!;

describe("correctContact", () => {
  it("reports every invalid field by code and changes nothing", async () => {
    const name = `Mikael ${unique()} Johansson`;
    const { id: mikael } = await makePerson("Mikael", { name, phone: "+46701234502", jobTitle: "Driftchef" });
    const r = await correctContact({
      db: t.db,
      contactId: mikael,
      input: { name: "  ", phone: "12", jobTitle: "x".repeat(201), language: "de" },
    });
    expect(r).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: {
        name: "name_required",
        phone: "phone_invalid",
        jobTitle: "job_title_too_long",
        language: "language_invalid",
      },
    });
    expect((await t.db.contact.findUniqueOrThrow({ where: { id: mikael } })).name).toBe(name);
  });

  it("applies changes with an audit entry (old/new outside the chain) and a completed RECTIFICATION", async () => {
    const name = `Mikael ${unique()} Johansson`;
    const { id: mikael } = await makePerson("Mikael", { name, phone: "+46701234502", jobTitle: "Driftchef" });
    const r = await correctContact({
      db: t.db,
      contactId: mikael,
      input: { name, phone: "070-987 65 43", jobTitle: "", language: "en" },
    });
    expect(r).toEqual({ ok: true, changed: ["phone", "jobTitle", "language"] });
    const c = await t.db.contact.findUniqueOrThrow({ where: { id: mikael } });
    expect(c).toMatchObject({ phone: "+46709876543", jobTitle: null, language: "en" });
    const audit = await t.db.auditEvent.findFirstOrThrow({
      where: { subjectId: mikael, action: "contact.corrected_by_self" },
    });
    expect(audit.fields).toEqual(["phone", "jobTitle", "language"]);
    expect(audit.personalValues).toMatchObject({ phone: { from: "+46701234502", to: "+46709876543" } });
    const req = await t.db.privacyRequest.findFirstOrThrow({
      where: { contactId: mikael, type: "RECTIFICATION" },
    });
    expect(req).toMatchObject({ status: "COMPLETED", channel: "SELF_SERVICE" });
    expect(req.completedAt).toBeInstanceOf(Date);
    expect(await verifyAuditChain({ db: t.db })).toMatchObject({ ok: true });
  });

  it("does nothing (and records nothing) when nothing changed", async () => {
    const name = `Mikael ${unique()} Johansson`;
    const { id: mikael } = await makePerson("Mikael", { name, phone: "+46709876543", jobTitle: null, language: "en" });
    const before = await t.db.privacyRequest.count({ where: { contactId: mikael } });
    const r = await correctContact({
      db: t.db,
      contactId: mikael,
      input: { name, phone: "+46709876543", jobTitle: "", language: "en" },
    });
    expect(r).toEqual({ ok: true, changed: [] });
    expect(await t.db.privacyRequest.count({ where: { contactId: mikael } })).toBe(before);
  });
});

describe("reportOtherError", () => {
  it("files a RECEIVED rectification request for staff, and refuses an empty text", async () => {
    const { id: sofia } = await makePerson("Sofia");
    expect(await reportOtherError({ db: t.db, contactId: sofia, input: { details: " " } })).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { details: "details_required" },
    });
    expect(await reportOtherError({ db: t.db, contactId: sofia, input: { details: "Fel organisation" } })).toEqual({
      ok: true,
    });
    expect(
      await t.db.privacyRequest.findFirstOrThrow({ where: { contactId: sofia, type: "RECTIFICATION" } }),
    ).toMatchObject({ status: "RECEIVED", details: "Fel organisation", completedAt: null });
  });
});

describe("email change", () => {
  it("refuses an invalid or unchanged address per field", async () => {
    const u = unique();
    const { id: ahmed } = await makePerson("Ahmed", { email: `ahmed.hassan.${u}@nordlys.example`, language: "en" });
    const bad = await requestEmailChange({ db: t.db, contactId: ahmed, input: { email: "nope" } });
    expect(bad).toEqual({ ok: false, code: "invalid", fieldErrors: { email: "email_invalid" } });
    const same = await requestEmailChange({
      db: t.db,
      contactId: ahmed,
      input: { email: `Ahmed.Hassan.${u}@nordlys.example` },
    });
    expect(same).toEqual({ ok: false, code: "invalid", fieldErrors: { email: "email_same" } });
  });

  it("changes the address only after the link sent to the new address is used, and tells the old one", async () => {
    const u = unique();
    const OLD = `ahmed.hassan.${u}@nordlys.example`;
    const NEW = `ahmed.${u}@new.example`;
    const { id: ahmed } = await makePerson("Ahmed", { email: OLD, language: "en" });
    const r = await requestEmailChange({
      db: t.db,
      contactId: ahmed,
      input: { email: NEW },
      config: CONFIG,
      transport: outbox(),
    });
    expect(r).toEqual({ ok: true, maskedNewAddress: "a•••@new.example" });
    expect((await t.db.contact.findUniqueOrThrow({ where: { id: ahmed } })).email).toBe(OLD);
    const [confirm] = await mailsTo(NEW);
    expect(confirm?.subject).toBe("Confirm your new email address");
    const notices = await mailsTo(OLD);
    expect(notices.map((m) => m.subject)).toEqual(["Email address change requested"]);
    expect(notices[0]!.text).toContain("a•••@new.example");
    expect(notices[0]!.text).not.toContain(NEW);

    const token = tokenIn(confirm!.text);
    const done = await confirmEmailChange({ db: t.db, token, keys: KEYS, suppressionKey: SKEY, transport: outbox() });
    expect(done).toEqual({ ok: true, contact: { id: ahmed, tokenVersion: 2, language: "en" } });
    const c = await t.db.contact.findUniqueOrThrow({ where: { id: ahmed } });
    expect(c).toMatchObject({ email: NEW, tokenVersion: 2 });
    expect(await t.db.pendingEmailChange.count({ where: { contactId: c.id } })).toBe(0);
    expect((await mailsTo(OLD)).map((m) => m.subject)).toContain("Your email address has been changed");
    const audit = await t.db.auditEvent.findFirstOrThrow({
      where: { subjectId: c.id, action: "contact.email_changed" },
    });
    expect(audit.personalValues).toEqual({ email: { from: OLD, to: NEW } });
    expect(
      await t.db.privacyRequest.count({ where: { contactId: c.id, type: "RECTIFICATION", status: "COMPLETED" } }),
    ).toBe(1);

    // Single use; and the bumped tokenVersion revokes it too.
    expect(await confirmEmailChange({ db: t.db, token, keys: KEYS, suppressionKey: SKEY })).toMatchObject({
      ok: false,
    });
  });

  it("refuses an address another contact has, and leaves the link unused", async () => {
    const { email: lena } = await makePerson("Lena");
    const { id: eva, email: evaEmail } = await makePerson("Eva", { language: "sv" });
    await requestEmailChange({
      db: t.db,
      contactId: eva,
      input: { email: lena },
      config: CONFIG,
      transport: outbox(),
    });
    const [confirm] = await mailsTo(lena);
    const token = tokenIn(confirm!.text);
    const r = await confirmEmailChange({ db: t.db, token, keys: KEYS, suppressionKey: SKEY });
    expect(r).toEqual({ ok: false, problem: "taken", contactId: eva, language: "sv" });
    expect((await t.db.contact.findUniqueOrThrow({ where: { id: eva } })).email).toBe(evaEmail);
    expect(await t.db.spentLinkToken.count({ where: { contactId: eva } })).toBe(0);
  });

  it("refuses an erased (suppressed) address", async () => {
    const { id: contactId } = await makePerson("Anna");
    const gone = `gone.${unique()}@erased.example`;
    await t.db.suppression.create({
      data: { addressHash: hashAddress(gone, SKEY), reason: "ERASED", scope: "ALL" },
    });
    await requestEmailChange({
      db: t.db,
      contactId: contactId,
      input: { email: gone },
      config: CONFIG,
      transport: outbox(),
    });
    const [confirm] = await mailsTo(gone);
    const r = await confirmEmailChange({ db: t.db, token: tokenIn(confirm!.text), keys: KEYS, suppressionKey: SKEY });
    expect(r).toMatchObject({ ok: false, problem: "suppressed" });
  });

  it("only the newest request's link works", async () => {
    const { id: contactId } = await makePerson("Maria");
    const u = unique();
    const [firstAddress, secondAddress] = [`first.${u}@x.example`, `second.${u}@x.example`];
    for (const email of [firstAddress, secondAddress]) {
      await requestEmailChange({
        db: t.db,
        contactId,
        input: { email },
        config: CONFIG,
        transport: outbox(),
      });
    }
    const [first] = await mailsTo(firstAddress);
    expect(
      await confirmEmailChange({ db: t.db, token: tokenIn(first!.text), keys: KEYS, suppressionKey: SKEY }),
    ).toMatchObject({ ok: false, problem: "spent" });
  });
});
