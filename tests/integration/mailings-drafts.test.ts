// Mailing drafts on the demo register: the schema's error code per field, create and update with their audit entries
// in the chain, no changes once sending has started, progress counted from hand-made deliveries, and nothing a
// marketing user receives from these use-cases carries a phone number.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffPrincipal } from "@/lib/auth/permissions";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import type { DeliveryStatus } from "@/lib/generated/prisma/enums";
import { getMailing, listMailingTargets } from "@/lib/mailings/get-mailing";
import { getMailingProgress } from "@/lib/mailings/get-mailing-progress";
import { listMailings } from "@/lib/mailings/list-mailings";
import { MAILING_BODY_MAX_BYTES, mailingDraftSchema } from "@/lib/mailings/mailing-draft-schema";
import { fieldErrorCodes } from "@/lib/result";
import { MAILING_TEMPLATES } from "@/lib/mailings/render-mailing";
import { saveMailingDraft } from "@/lib/mailings/save-mailing-draft";
import { stockholmLocalToDate } from "@/lib/mailings/stockholm-time";
import { createTestDb, type TestDb } from "../support/db";
import { makeContact, makeSegment, makeStaffUser, makeTopic, unique } from "../factories";

let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.close());

/** A draft as the form sends it; the schema tests need no real topic or segment. */
const draft = (over: Record<string, unknown> = {}) => ({
  name: "Nyhetsbrev november",
  topicId: "a_topic",
  segmentId: "a_segment",
  fromName: "Elastx",
  replyTo: "Marknad@Elastx.example",
  subjectSv: "Nyheter i november",
  subjectEn: "News in November",
  preheaderSv: "",
  preheaderEn: "",
  bodySv: "# Hej {{name}}\n\nHär är nyheterna.",
  bodyEn: "# Hello {{name}}\n\nHere is the news.",
  template: "",
  ...over,
});

/** This test's staff (marketing is Sara), its newsletter topic, a segment of all customers and an archived one. */
async function makeDrafting() {
  const MARKETING: StaffPrincipal = await makeStaffUser(t.db, "MARKETING", {
    email: `sara.${unique()}@elastx.example`,
  });
  const PRIVACY: StaffPrincipal = await makeStaffUser(t.db, "PRIVACY_OFFICER");
  const KARIN: StaffPrincipal = await makeStaffUser(t.db, "ACCOUNT_MANAGER");
  const SUPPORT: StaffPrincipal = await makeStaffUser(t.db, "SUPPORT");
  const TOPIC = (await makeTopic(t.db)).id;
  const segmentId = (
    await makeSegment(t.db, { name: `Alla kunder ${unique()}`, filter: { categories: ["CUSTOMER_CONTACT"] } })
  ).id;
  const archivedSegmentId = (await makeSegment(t.db, { name: `Gammalt ${unique()}`, archivedAt: new Date() })).id;
  const draftHere = (over: Record<string, unknown> = {}) => draft({ topicId: TOPIC, segmentId, ...over });
  return { MARKETING, PRIVACY, KARIN, SUPPORT, TOPIC, segmentId, archivedSegmentId, draft: draftHere };
}

const errorsOf = (input: unknown) => {
  const r = mailingDraftSchema.safeParse(input);
  return r.success ? {} : fieldErrorCodes(r.error);
};

describe("mailing draft schema", () => {
  it("accepts a complete draft and normalises blanks and the reply-to address", () => {
    const r = mailingDraftSchema.parse(draft({ fromName: "  ", preheaderSv: "Kort" }));
    expect(r.fromName).toBeNull();
    expect(r.replyTo).toBe("marknad@elastx.example");
    expect(r.preheaderSv).toBe("Kort");
    expect(r.preheaderEn).toBeNull();
    expect(r.template).toBeNull();
    // A draft may be incomplete: start-mailing refuses it, saving does not.
    expect(mailingDraftSchema.parse(draft({ subjectSv: "", bodyEn: "" })).subjectSv).toBe("");
  });

  it("names one error code per field", () => {
    const long = "x".repeat(201);
    expect(
      errorsOf({
        name: " ",
        topicId: "",
        segmentId: "",
        fromName: "Eve <eve@evil.example>",
        replyTo: "inte-en-adress",
        subjectSv: long,
        subjectEn: "Rad ett\nBcc: someone@example.com",
        preheaderSv: long,
        preheaderEn: "a\r\nb",
        bodySv: "å".repeat(MAILING_BODY_MAX_BYTES / 2 + 1),
        bodyEn: 42,
        template: "no-such-template",
      }),
    ).toEqual({
      name: "name_required",
      topicId: "topic_required",
      segmentId: "segment_required",
      fromName: "from_name_invalid",
      replyTo: "reply_to_invalid",
      subjectSv: "subject_too_long",
      subjectEn: "subject_invalid",
      preheaderSv: "preheader_too_long",
      preheaderEn: "preheader_invalid",
      bodySv: "body_too_long",
      bodyEn: "body_invalid",
      template: "template_invalid",
    });
    expect(errorsOf(draft({ name: "n".repeat(201), fromName: "f".repeat(101) }))).toEqual({
      name: "name_too_long",
      fromName: "from_name_too_long",
    });
    // The limit is in bytes: 100 KB of ASCII passes.
    expect(errorsOf(draft({ bodySv: "a".repeat(MAILING_BODY_MAX_BYTES) }))).toEqual({});
  });

  it("accepts exactly the render module's templates", () => {
    for (const { key } of MAILING_TEMPLATES) expect(errorsOf(draft({ template: key }))).toEqual({});
  });
});

describe("save mailing draft", () => {
  it("creates a draft with an audit entry in the chain, and updates only changed fields", async () => {
    const { MARKETING, PRIVACY, draft } = await makeDrafting();
    const r = await saveMailingDraft({ db: t.db, staff: MARKETING, input: draft() });
    expect(r).toMatchObject({ ok: true, created: true });
    if (!r.ok) throw new Error("not saved");
    const stored = await t.db.mailing.findUniqueOrThrow({ where: { id: r.id } });
    expect(stored).toMatchObject({ status: "DRAFT", createdById: MARKETING.id, replyTo: "marknad@elastx.example" });
    const created = await t.db.auditEvent.findMany({ where: { action: "mailing.created", subjectId: r.id } });
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ actorType: "STAFF", actorId: MARKETING.id, subjectType: "Mailing" });

    const same = await saveMailingDraft({ db: t.db, staff: MARKETING, id: r.id, input: draft() });
    expect(same).toEqual({ ok: true, id: r.id, created: false, changed: [] });
    const changed = await saveMailingDraft({
      db: t.db,
      staff: PRIVACY,
      id: r.id,
      input: draft({ subjectEn: "November news", template: MAILING_TEMPLATES[0].key }),
    });
    expect(changed).toEqual({ ok: true, id: r.id, created: false, changed: ["subjectEn", "template"] });
    const updated = await t.db.auditEvent.findMany({ where: { action: "mailing.updated", subjectId: r.id } });
    expect(updated).toHaveLength(1);
    expect(updated[0]).toMatchObject({ actorId: PRIVACY.id, fields: ["subjectEn", "template"] });
    expect((await verifyAuditChain({ db: t.db })).ok).toBe(true);
  });

  it("refuses roles without mailings.send, invalid input, unknown or archived topics and segments", async () => {
    const { MARKETING, KARIN, SUPPORT, segmentId, archivedSegmentId, draft } = await makeDrafting();
    const otherSegment = (await makeSegment(t.db)).id;
    for (const staff of [KARIN, SUPPORT])
      expect(await saveMailingDraft({ db: t.db, staff, input: draft() })).toEqual({ ok: false, code: "forbidden" });
    expect(await saveMailingDraft({ db: t.db, staff: MARKETING, input: draft({ name: "" }) })).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { name: "name_required" },
    });
    const archivedTopic = (await makeTopic(t.db, { archivedAt: new Date() })).id;
    expect(
      await saveMailingDraft({
        db: t.db,
        staff: MARKETING,
        input: draft({ topicId: archivedTopic, segmentId: archivedSegmentId }),
      }),
    ).toEqual({ ok: false, code: "invalid", fieldErrors: { topicId: "topic_invalid", segmentId: "segment_invalid" } });
    expect(
      await saveMailingDraft({ db: t.db, staff: MARKETING, input: draft({ topicId: "nope", segmentId: "nope" }) }),
    ).toEqual({ ok: false, code: "invalid", fieldErrors: { topicId: "topic_invalid", segmentId: "segment_invalid" } });
    expect(await saveMailingDraft({ db: t.db, staff: MARKETING, id: "nope", input: draft() })).toEqual({
      ok: false,
      code: "not_found",
    });
    // The archived topic and segment are not offered for new mailings.
    const targets = await listMailingTargets({ db: t.db });
    expect(targets.topics.map((x) => x.id)).not.toContain(archivedTopic);
    // Another active segment is offered too (of this test's segments: the archived one is not).
    const mine = [segmentId, archivedSegmentId, otherSegment];
    expect(
      targets.segments
        .map((x) => x.id)
        .filter((id) => mine.includes(id))
        .sort(),
    ).toEqual([segmentId, otherSegment].sort());
  });

  it("keeps a scheduled mailing editable until sending starts, then refuses with not_editable", async () => {
    const { MARKETING, draft } = await makeDrafting();
    const r = await saveMailingDraft({ db: t.db, staff: MARKETING, input: draft({ name: "Planerat" }) });
    if (!r.ok) throw new Error("not saved");
    await t.db.mailing.update({ where: { id: r.id }, data: { status: "SCHEDULED", scheduledAt: new Date() } });
    const edit = await saveMailingDraft({ db: t.db, staff: MARKETING, id: r.id, input: draft({ name: "Planerat 2" }) });
    expect(edit).toMatchObject({ ok: true, changed: ["name"] });
    expect((await getMailing({ db: t.db, staff: MARKETING, id: r.id })).ok && true).toBe(true);

    await t.db.mailing.update({ where: { id: r.id }, data: { startedAt: new Date() } });
    const auditBefore = await t.db.auditEvent.count({ where: { subjectId: r.id } });
    for (const status of ["SCHEDULED", "SENDING", "PAUSED", "CANCELLED", "SENT"] as const) {
      await t.db.mailing.update({ where: { id: r.id }, data: { status } });
      expect(await saveMailingDraft({ db: t.db, staff: MARKETING, id: r.id, input: draft({ name: "Sent" }) })).toEqual({
        ok: false,
        code: "conflict",
        reason: "not_editable",
      });
      const got = await getMailing({ db: t.db, staff: MARKETING, id: r.id });
      expect(got.ok && got.editable).toBe(false);
    }
    expect((await t.db.mailing.findUniqueOrThrow({ where: { id: r.id } })).name).toBe("Planerat 2");
    expect(await t.db.auditEvent.count({ where: { subjectId: r.id } })).toBe(auditBefore);
  });
});

describe("mailing progress", () => {
  it("counts hand-made deliveries in every bucket", async () => {
    const { MARKETING, KARIN, SUPPORT, draft } = await makeDrafting();
    const r = await saveMailingDraft({ db: t.db, staff: MARKETING, input: draft({ name: "Räknat" }) });
    if (!r.ok) throw new Error("not saved");
    const started = new Date("2026-11-25T09:00:00Z");
    await t.db.mailing.update({ where: { id: r.id }, data: { status: "SENDING", startedAt: started } });
    const plan: [DeliveryStatus, number, string?][] = [
      ["QUEUED", 3],
      ["SENDING", 2],
      ["SENT", 4],
      ["DELIVERED", 5],
      ["DELAYED", 1],
      ["BOUNCED", 1],
      ["COMPLAINED", 1],
      ["FAILED", 2],
      ["SUPPRESSED", 2, "OPTED_OUT"],
      ["SUPPRESSED", 1, "UNSUBSCRIBED_TOPIC"],
      ["CANCELLED", 1],
    ];
    const rows = plan.flatMap(([status, n, skipReason]) => Array.from({ length: n }, () => ({ status, skipReason })));
    // One recipient of this test's own per delivery row.
    const contacts: { id: string }[] = [];
    for (let i = 0; i < rows.length; i++) contacts.push(await makeContact(t.db));
    expect(rows.length).toBeLessThanOrEqual(contacts.length);
    await t.db.delivery.createMany({
      data: rows.map((row, i) => ({
        mailingId: r.id,
        contactId: contacts[i]!.id,
        batch: Math.floor(i / 10),
        status: row.status,
        skipReason: row.skipReason ?? null,
        // Two delivered recipients and one sent one unsubscribed through the mailing's link.
        unsubscribedAt: i === 9 || i === 10 || i === 5 ? new Date() : null,
      })),
    });
    // An erased recipient's row keeps no contact and still counts.
    await t.db.delivery.create({
      data: { mailingId: r.id, contactId: null, batch: 9, status: "SUPPRESSED", skipReason: "ERASED" },
    });

    const p = await getMailingProgress({ db: t.db, staff: MARKETING, mailingId: r.id });
    if (!p.ok) throw new Error("no progress");
    expect(p.progress).toMatchObject({
      id: r.id,
      status: "SENDING",
      startedAt: started,
      scheduledAt: null,
      finishedAt: null,
    });
    expect(p.progress.counts).toEqual({
      total: rows.length + 1,
      queued: 5,
      sent: 12,
      delivered: 5,
      failed: 2,
      held: 0,
      suppressed: 4,
      suppressedBy: { OPTED_OUT: 2, UNSUBSCRIBED_TOPIC: 1, ERASED: 1 },
      bounced: 1,
      complained: 1,
      cancelled: 1,
      unsubscribed: 3,
    });

    const list = await listMailings({ db: t.db, staff: MARKETING });
    if (!list.ok) throw new Error("no list");
    const row = list.rows.find((x) => x.id === r.id)!;
    expect(row.counts).toMatchObject({ total: 24, queued: 5, sent: 12, failed: 2, suppressed: 4 });
    expect(list.rows.every((x, i) => i === 0 || list.rows[i - 1]!.createdAt >= x.createdAt)).toBe(true);

    for (const staff of [KARIN, SUPPORT]) {
      expect(await getMailingProgress({ db: t.db, staff, mailingId: r.id })).toEqual({ ok: false, code: "forbidden" });
      expect(await listMailings({ db: t.db, staff })).toEqual({ ok: false, code: "forbidden" });
      expect(await getMailing({ db: t.db, staff, id: r.id })).toEqual({ ok: false, code: "forbidden" });
    }
    expect(await getMailingProgress({ db: t.db, staff: MARKETING, mailingId: "nope" })).toEqual({
      ok: false,
      code: "not_found",
    });
  });

  it("gives marketing no phone number (nor any contact) in anything it returns", async () => {
    // Sara's mailing with recipients who have phone numbers.
    const { MARKETING, draft } = await makeDrafting();
    const saved = await saveMailingDraft({ db: t.db, staff: MARKETING, input: draft({ name: "Med mottagare" }) });
    if (!saved.ok) throw new Error("not saved");
    await t.db.mailing.update({ where: { id: saved.id }, data: { status: "SENDING", startedAt: new Date() } });
    for (let i = 0; i < 3; i++) {
      const c = await makeContact(t.db, { phone: `+46701${String(100000 + Math.floor(Math.random() * 900000))}` });
      await t.db.delivery.create({ data: { mailingId: saved.id, contactId: c.id, batch: 0, status: "DELIVERED" } });
    }
    const phones = (await t.db.contact.findMany({ where: { phone: { not: null } }, select: { phone: true } })).map(
      (c) => c.phone!,
    );
    expect(phones.length).toBeGreaterThan(0);
    const list = await listMailings({ db: t.db, staff: MARKETING });
    if (!list.ok) throw new Error("no list");
    const outputs: unknown[] = [list, await listMailingTargets({ db: t.db })];
    for (const row of list.rows) {
      outputs.push(await getMailing({ db: t.db, staff: MARKETING, id: row.id }));
      outputs.push(await getMailingProgress({ db: t.db, staff: MARKETING, mailingId: row.id }));
    }
    const json = JSON.stringify(outputs);
    for (const phone of phones) expect(json).not.toContain(phone);
    expect(json).not.toMatch(/"phone"|"contactId"|"email":"(?!sara)/);
  });
});

describe("Stockholm time", () => {
  it("reads datetime-local values as Swedish wall-clock time across daylight saving", () => {
    expect(stockholmLocalToDate("2026-11-25T14:30")?.toISOString()).toBe("2026-11-25T13:30:00.000Z");
    expect(stockholmLocalToDate("2026-07-01T00:15")?.toISOString()).toBe("2026-06-30T22:15:00.000Z");
    expect(stockholmLocalToDate("2026-02-30T10:00")).toBeNull();
    expect(stockholmLocalToDate("tomorrow")).toBeNull();
  });
});
