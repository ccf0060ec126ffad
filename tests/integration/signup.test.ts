// The sign-up form with double opt-in (lib/signups/) against a real database: the same answer for known, unknown and
// suppressed addresses; a confirmation mail with a single-use link whose GET changes nothing; the confirmation
// registering a prospect (or adding topics to a known contact) with consent and the evidence of the notice seen; a
// second confirmation and an expired link refused; per-client and per-address limits; the prune rule.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addSuppression } from "@/lib/suppression/add-suppression";
import { hashAddress } from "@/lib/suppression/hash-address";
import { noticeHash, noticeText } from "@/lib/evidence/notice-texts";
import { PRUNE_RULES } from "@/lib/maintenance/prune-rules";
import { confirmSignup } from "@/lib/signups/confirm-signup";
import { loadPendingSignup } from "@/lib/signups/load-pending-signup";
import { requestSignup } from "@/lib/signups/request-signup";
import { signupInputSchema } from "@/lib/signups/signup-input";
import { SIGNUP_LINK_HOURS } from "@/lib/signups/signup-token";
import { unsubscribeFromAll } from "@/lib/subscriptions/unsubscribe-from-all";
import { createTestDb, type TestDb } from "../support/db";
import { makeContact, makeTopic, TEST_SUPPRESSION_KEY, unique } from "../factories";

const config = {
  publicUrl: "https://prefs.example.com",
  authSecret: "signup-test-auth-secret-0123456789abcdef",
  suppressionKey: TEST_SUPPRESSION_KEY,
};
let t: TestDb;
let clientCounter = 0;
const freshClient = () => `203.0.113.${++clientCounter}`;
let NEWS: string;
let EVENTS: string;

beforeAll(async () => {
  t = await createTestDb();
  NEWS = (await makeTopic(t.db, { nameEn: "Newsletter", nameSv: "Nyhetsbrev" })).id;
  EVENTS = (await makeTopic(t.db, { nameEn: "Events", nameSv: "Evenemang" })).id;
  await t.db.topic.updateMany({ where: { id: { in: [NEWS, EVENTS] } }, data: { offeredAtSignup: true } });
});
afterAll(async () => t?.close());

const outboxTo = (address: string) =>
  t.db.outboxMessage.findMany({ where: { to: { has: address } }, orderBy: { createdAt: "asc" } });

function input(email: string, topics = [NEWS]) {
  return signupInputSchema.parse({ name: "Maja Lind", email, organisation: "Fjällbo AB", topics });
}

async function signUp(
  email: string,
  opts: { topics?: string[]; client?: string; now?: Date; lang?: "sv" | "en" } = {},
) {
  const { outcome, background } = await requestSignup({
    db: t.db,
    input: input(email, opts.topics),
    clientKey: opts.client ?? freshClient(),
    language: opts.lang ?? "en",
    config,
    now: opts.now,
  });
  return { outcome, result: await background };
}

async function tokenFor(email: string): Promise<string> {
  const mails = await outboxTo(email);
  const url = mails.at(-1)?.text.match(/https:\/\/prefs\.example\.com\/signup\/confirm\/([A-Za-z0-9_-]+)/)?.[1];
  if (!url) throw new Error("no confirmation link");
  return url;
}

describe("sign-up with double opt-in", () => {
  it("answers the same for an unknown, a known and a suppressed address; mails only the first two", async () => {
    const unknown = `new.${unique()}@fjallbo.example`;
    const known = (await makeContact(t.db, { email: `known.${unique()}@fjallbo.example` })).email;
    const erased = `erased.${unique()}@fjallbo.example`;
    await t.db.$transaction((tx) =>
      addSuppression(tx, {
        addressHash: hashAddress(erased, TEST_SUPPRESSION_KEY),
        reason: "ERASED",
        scope: "ALL",
        now: new Date(),
      }),
    );
    const answers = await Promise.all([signUp(unknown), signUp(known), signUp(erased)]);
    expect(answers.map((a) => a.outcome)).toEqual([
      { ok: true, status: "accepted" },
      { ok: true, status: "accepted" },
      { ok: true, status: "accepted" },
    ]);
    expect(answers.map((a) => a.result)).toEqual(["sent", "sent", "suppressed"]);
    expect(await outboxTo(unknown)).toHaveLength(1);
    expect(await outboxTo(known)).toHaveLength(1);
    expect(await outboxTo(erased)).toHaveLength(0);
    expect(await t.db.pendingSignup.count({ where: { email: erased } })).toBe(0);
    // Nothing is registered before the confirmation.
    expect(await t.db.contact.count({ where: { email: unknown } })).toBe(0);
  });

  it("confirming registers a prospect with consent, only the chosen topics and the evidence of the text seen", async () => {
    const email = `maja.${unique()}@fjallbo.example`;
    await signUp(email, { topics: [NEWS, EVENTS], lang: "sv" });
    const [mail] = await outboxTo(email);
    expect(mail?.subject).toBe("Bekräfta din anmälan");
    expect(mail?.text).toContain("Nyhetsbrev");
    expect(mail?.text).not.toContain(email);
    const token = await tokenFor(email);

    // The link's GET (a scanner, or the person) changes nothing.
    const view = await loadPendingSignup({ db: t.db, token });
    expect(view).toMatchObject({ ok: true, language: "sv" });
    expect(await t.db.contact.count({ where: { email } })).toBe(0);

    const r = await confirmSignup({ db: t.db, token, suppressionKey: TEST_SUPPRESSION_KEY });
    expect(r).toMatchObject({ ok: true, created: true, topics: 2 });
    if (!r.ok) throw new Error("confirm");
    const contact = await t.db.contact.findUniqueOrThrow({
      where: { id: r.contactId },
      include: { legalBases: true, subscriptions: { include: { topic: true } } },
    });
    expect(contact).toMatchObject({
      category: "PROSPECT",
      sourceType: "SIGNUP_FORM",
      language: "sv",
      name: "Maja Lind",
    });
    expect(contact.sourceDetail).toContain("Fjällbo AB");
    expect(contact.legalBases.find((b) => b.purpose === "MARKETING_MAILINGS")?.basis).toBe("CONSENT");
    const marketing = contact.subscriptions.filter((s) => s.topic.isMarketing && s.state === "SUBSCRIBED");
    expect(marketing.map((s) => s.topicId).sort()).toEqual([NEWS, EVENTS].sort());

    const hash = noticeHash(noticeText("SIGNUP_FORM", "sv"));
    const evidence = await t.db.choiceEvidence.findMany({ where: { contactId: r.contactId, channel: "SIGNUP_FORM" } });
    const topicRows = evidence.filter((e) => e.subject === "TOPIC" && e.state === "SUBSCRIBED");
    expect(topicRows.map((e) => e.topicId)).toEqual(expect.arrayContaining([NEWS, EVENTS]));
    expect(evidence.every((e) => e.noticeHash === hash && e.actorType === "PERSON")).toBe(true);
    expect(evidence.find((e) => e.subject === "LEGAL_BASIS" && e.purpose === "MARKETING_MAILINGS")?.legalBasis).toBe(
      "CONSENT",
    );
    const topicEvidence = topicRows.find((e) => e.topicId === NEWS)!;
    expect(topicEvidence.legalBasis).toBe("CONSENT");
    expect((await t.db.noticeText.findUniqueOrThrow({ where: { hash } })).text).toBe(noticeText("SIGNUP_FORM", "sv"));
    const audit = await t.db.auditEvent.findMany({ where: { subjectId: r.contactId }, orderBy: { seq: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["contact.created", "contact.signed_up"]);

    // The link is spent: a second confirmation, or its GET, finds nothing.
    expect(await confirmSignup({ db: t.db, token, suppressionKey: TEST_SUPPRESSION_KEY })).toEqual({
      ok: false,
      code: "not_found",
      reason: "unknown_link",
    });
    expect(await loadPendingSignup({ db: t.db, token })).toMatchObject({ ok: false, reason: "unknown_link" });
    expect(await t.db.contact.count({ where: { email } })).toBe(1);
  });

  it("a known contact who opted out of all marketing gets the topics, and the opt-out is lifted by the confirmation", async () => {
    const c = await makeContact(t.db, {
      email: `back.${unique()}@fjallbo.example`,
      suppressionKey: TEST_SUPPRESSION_KEY,
    });
    await unsubscribeFromAll({ db: t.db, contactId: c.id, source: "SELF", suppressionKey: TEST_SUPPRESSION_KEY });
    await signUp(c.email, { topics: [EVENTS] });
    const r = await confirmSignup({ db: t.db, token: await tokenFor(c.email), suppressionKey: TEST_SUPPRESSION_KEY });
    expect(r).toMatchObject({ ok: true, created: false, contactId: c.id, topics: 1 });
    const contact = await t.db.contact.findUniqueOrThrow({ where: { id: c.id } });
    expect(contact.marketingOptOutAt).toBeNull();
    expect(
      await t.db.suppression.count({
        where: { addressHash: hashAddress(c.email, TEST_SUPPRESSION_KEY), reason: "UNSUBSCRIBED_ALL" },
      }),
    ).toBe(0);
    const all = await t.db.choiceEvidence.findFirst({
      where: { contactId: c.id, subject: "ALL_MARKETING", channel: "SIGNUP_FORM" },
    });
    expect(all?.state).toBe("SUBSCRIBED");
  });

  it("refuses an expired link and prunes unconfirmed sign-ups an hour after expiry", async () => {
    const email = `late.${unique()}@fjallbo.example`;
    const then = new Date(Date.now() - (SIGNUP_LINK_HOURS + 2) * 3_600_000);
    await signUp(email, { now: then });
    const token = await tokenFor(email);
    expect(await loadPendingSignup({ db: t.db, token })).toMatchObject({ ok: false, reason: "expired" });
    expect(await confirmSignup({ db: t.db, token, suppressionKey: TEST_SUPPRESSION_KEY })).toMatchObject({
      ok: false,
      reason: "expired",
    });
    expect(await t.db.contact.count({ where: { email } })).toBe(0);

    const other = `unconfirmed.${unique()}@fjallbo.example`;
    await signUp(other, { now: then });
    const rule = PRUNE_RULES.find((r) => r.table === "PendingSignup")!;
    expect(await rule.prune(t.db, new Date())).toBeGreaterThanOrEqual(1);
    expect(await t.db.pendingSignup.count({ where: { email: other } })).toBe(0);
  });

  it("limits per client (the answer says so) and per address (silently, like any other outcome)", async () => {
    const client = freshClient();
    const answers = [];
    for (let i = 0; i < 21; i++) answers.push((await signUp(`c${i}.${unique()}@fjallbo.example`, { client })).outcome);
    expect(answers.slice(0, 20).every((a) => a.ok)).toBe(true);
    expect(answers[20]).toMatchObject({ ok: false, code: "rate_limited" });

    const email = `flood.${unique()}@fjallbo.example`;
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await signUp(email));
    expect(results.map((r) => r.outcome.ok)).toEqual([true, true, true, true]);
    expect(results.map((r) => r.result)).toEqual(["sent", "sent", "sent", "address_limited"]);
    expect(await outboxTo(email)).toHaveLength(3);
  });

  it("refuses topics that are not offered, whatever the address", async () => {
    const hidden = (await makeTopic(t.db)).id;
    const { outcome } = await signUp(`x.${unique()}@fjallbo.example`, { topics: [hidden] });
    expect(outcome).toEqual({ ok: false, code: "invalid", fieldErrors: { topics: "topics_unknown" } });
    expect(signupInputSchema.safeParse({ name: "", email: "nope", topics: [] }).success).toBe(false);
  });
});
