// The preference center's use-cases against a real database (PGlite, and PostgreSQL when configured): each change
// with its history, audit entry and, for "unsubscribe from all", the objection record and suppression hash.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { preferencesUrl, unsubscribeUrl } from "@/lib/recipients/build-links";
import { loadPreferenceView } from "@/lib/recipients/load-preference-view";
import { resolveLink } from "@/lib/recipients/resolve-link";
import { FRESH_LINK_LIMIT, sendFreshLink } from "@/lib/recipients/send-fresh-link";
import { oneClickTarget, oneClickUnsubscribe } from "@/lib/subscriptions/one-click-unsubscribe";
import { resubscribe } from "@/lib/subscriptions/resubscribe";
import { setSubscription } from "@/lib/subscriptions/set-subscription";
import { unsubscribeFromAll } from "@/lib/subscriptions/unsubscribe-from-all";
import { hashAddress } from "@/lib/suppression/hash-address";
import { signLinkToken } from "@/lib/tokens/link-token";
import { createTestDb, type TestDb } from "../support/db";
import { makeContact, makeOrganisation, makeTopic, unique } from "../factories";

const KEYS = [{ id: "t1", secret: "s".repeat(40) }];
const LINKS = { publicUrl: "https://prefs.example.com", linkKeys: KEYS };
const SUPPRESSION_KEY = "k".repeat(40);
let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.close());

/**
 * This test's own topics (three marketing topics and service notices, all a customer contact's by default) and a
 * customer contact at an organisation, with a phone number: born subscribed to all four.
 */
async function makePerson(first: string) {
  const NEWSLETTER = (await makeTopic(t.db, { defaultCategories: ["CUSTOMER_CONTACT"], nameEn: "Newsletter" })).id;
  const PRODUCT_NEWS = (await makeTopic(t.db, { defaultCategories: ["CUSTOMER_CONTACT"] })).id;
  const EVENTS = (await makeTopic(t.db, { defaultCategories: ["CUSTOMER_CONTACT"] })).id;
  const SERVICE = (await makeTopic(t.db, { defaultCategories: ["CUSTOMER_CONTACT"], isMarketing: false })).id;
  const org = await makeOrganisation(t.db);
  const u = unique();
  const { id } = await makeContact(t.db, {
    name: `${first} ${u}`,
    email: `${first.toLowerCase()}.${u}@nordlys.example`,
    phone: `+46701${String(100000 + Math.floor(Math.random() * 900000))}`,
    organisationId: org.id,
    roleType: "SYSTEM_ADMINISTRATOR",
    suppressionKey: SUPPRESSION_KEY,
  });
  return { id, NEWSLETTER, PRODUCT_NEWS, EVENTS, SERVICE };
}

const contact = (id: string) => t.db.contact.findUniqueOrThrow({ where: { id } });
const stateOf = async (contactId: string, topicId: string) =>
  (await t.db.subscription.findUnique({ where: { contactId_topicId: { contactId, topicId } } }))?.state;
const changes = (contactId: string) => t.db.subscriptionChange.count({ where: { contactId } });
const audits = (contactId: string) =>
  t.db.auditEvent.findMany({ where: { subjectType: "Contact", subjectId: contactId }, orderBy: { seq: "asc" } });
const suppressed = async (email: string) =>
  t.db.suppression.findMany({ where: { addressHash: hashAddress(email, SUPPRESSION_KEY) } });

describe("setSubscription", () => {
  it("turns one topic off and on, with a history row and an audit entry each time", async () => {
    const { id: LENA, NEWSLETTER } = await makePerson("Lena");
    expect(await stateOf(LENA, NEWSLETTER)).toBe("SUBSCRIBED");
    const before = await changes(LENA);
    const off = await setSubscription({
      db: t.db,
      contactId: LENA,
      topicId: NEWSLETTER,
      state: "UNSUBSCRIBED",
      source: "SELF",
      suppressionKey: SUPPRESSION_KEY,
    });
    expect(off).toMatchObject({ ok: true, changed: true, state: "UNSUBSCRIBED", topic: { nameEn: "Newsletter" } });
    expect(await stateOf(LENA, NEWSLETTER)).toBe("UNSUBSCRIBED");
    expect(await changes(LENA)).toBe(before + 1);
    const last = (await audits(LENA)).at(-1)!;
    expect(last).toMatchObject({ actorType: "CONTACT", actorId: LENA, action: "subscription.unsubscribed" });
    expect(last.fields).toEqual(["subscriptions"]);

    const on = await setSubscription({
      db: t.db,
      contactId: LENA,
      topicId: NEWSLETTER,
      state: "SUBSCRIBED",
      source: "SELF",
      suppressionKey: SUPPRESSION_KEY,
    });
    expect(on).toMatchObject({ ok: true, changed: true, state: "SUBSCRIBED" });
    expect(await changes(LENA)).toBe(before + 2);
  });

  it("changes and records nothing when the state is already what was asked", async () => {
    const { id: LENA, NEWSLETTER } = await makePerson("Lena");
    const before = { changes: await changes(LENA), audits: (await audits(LENA)).length };
    const again = await setSubscription({
      db: t.db,
      contactId: LENA,
      topicId: NEWSLETTER,
      state: "SUBSCRIBED",
      source: "SELF",
      suppressionKey: SUPPRESSION_KEY,
    });
    expect(again).toMatchObject({ ok: true, changed: false });
    expect(await changes(LENA)).toBe(before.changes);
    expect((await audits(LENA)).length).toBe(before.audits);
  });

  it("answers unknown topics and contacts with not_found and the reason", async () => {
    const { id: LENA, NEWSLETTER } = await makePerson("Lena");
    const base = { db: t.db, state: "SUBSCRIBED" as const, source: "SELF" as const, suppressionKey: SUPPRESSION_KEY };
    expect(await setSubscription({ ...base, contactId: LENA, topicId: "nope" })).toEqual({
      ok: false,
      code: "not_found",
      reason: "unknown_topic",
    });
    expect(await setSubscription({ ...base, contactId: "nobody", topicId: NEWSLETTER })).toEqual({
      ok: false,
      code: "not_found",
      reason: "unknown_contact",
    });
  });
});

describe("unsubscribeFromAll and resubscribe", () => {
  it("stops every marketing topic, keeps service notices, records the objection and suppresses the address", async () => {
    const { id: MIKAEL, NEWSLETTER, PRODUCT_NEWS, EVENTS, SERVICE } = await makePerson("Mikael");
    const mikael = await contact(MIKAEL);
    const auditBefore = (await audits(MIKAEL)).length;
    const r = await unsubscribeFromAll({
      db: t.db,
      contactId: MIKAEL,
      source: "SELF",
      suppressionKey: SUPPRESSION_KEY,
    });
    expect(r).toMatchObject({ ok: true, changed: true });
    expect((await contact(MIKAEL)).marketingOptOutAt).toBeInstanceOf(Date);
    for (const topic of [NEWSLETTER, PRODUCT_NEWS, EVENTS]) expect(await stateOf(MIKAEL, topic)).toBe("UNSUBSCRIBED");
    expect(await stateOf(MIKAEL, SERVICE)).toBe("SUBSCRIBED");

    const requests = await t.db.privacyRequest.findMany({ where: { contactId: MIKAEL } });
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ type: "OBJECTION", channel: "SELF_SERVICE", status: "COMPLETED" });
    expect(requests[0]!.completedAt).toBeInstanceOf(Date);

    const rows = await suppressed(mikael.email);
    expect(rows).toEqual([expect.objectContaining({ reason: "UNSUBSCRIBED_ALL", scope: "MARKETING" })]);
    expect(rows[0]!.addressHash).toMatch(/^[0-9a-f]{64}$/);

    const entries = await audits(MIKAEL);
    expect(entries.length).toBe(auditBefore + 1);
    const optOut = entries.at(-1)!;
    expect(optOut).toMatchObject({ actorType: "CONTACT", actorId: MIKAEL, action: "contact.marketing_opt_out" });
    expect(optOut.fields).toEqual(["marketingOptOutAt", "subscriptions"]);
    // The privacy request's own audit entry was written in the same transaction, at the same instant.
    const requestAudit = await t.db.auditEvent.findFirstOrThrow({
      where: { subjectType: "PrivacyRequest", subjectId: requests[0]!.id },
    });
    expect(requestAudit.at.getTime()).toBe(optOut.at.getTime());
    expect(await verifyAuditChain({ db: t.db })).toMatchObject({ ok: true });
  });

  it("is harmless to repeat: no second objection, no second suppression row", async () => {
    const { id: MIKAEL } = await makePerson("Mikael");
    // Mikael has already unsubscribed from all marketing himself.
    expect(
      await unsubscribeFromAll({ db: t.db, contactId: MIKAEL, source: "SELF", suppressionKey: SUPPRESSION_KEY }),
    ).toMatchObject({ ok: true, changed: true });
    const r = await unsubscribeFromAll({
      db: t.db,
      contactId: MIKAEL,
      source: "ONE_CLICK",
      suppressionKey: SUPPRESSION_KEY,
    });
    expect(r).toEqual({ ok: true, changed: false, topicsStopped: 0 });
    expect(await t.db.privacyRequest.count({ where: { contactId: MIKAEL } })).toBe(1);
    expect(await suppressed((await contact(MIKAEL)).email)).toHaveLength(1);
  });

  it("shows the opt-out on the preference view, with a masked address and nothing else personal", async () => {
    const { id: MIKAEL } = await makePerson("Mikael");
    // Mikael has already unsubscribed from all marketing himself.
    expect(
      await unsubscribeFromAll({ db: t.db, contactId: MIKAEL, source: "SELF", suppressionKey: SUPPRESSION_KEY }),
    ).toMatchObject({ ok: true, changed: true });
    const view = await loadPreferenceView({ db: t.db, contactId: MIKAEL });
    expect(view).not.toBeNull();
    expect(view!.maskedEmail).toBe("m•••@nordlys.example");
    expect(view!.marketingOptedOut).toBe(true);
    expect(view!.topics.filter((x) => x.isMarketing).every((x) => x.state === "UNSUBSCRIBED")).toBe(true);
    expect(view!.roles).toEqual([{ type: "SYSTEM_ADMINISTRATOR", organisation: expect.any(String), endedOn: null }]);
    const serialised = JSON.stringify(view);
    const mikael = await contact(MIKAEL);
    expect(serialised).not.toContain(mikael.email);
    expect(serialised).not.toContain(mikael.phone!);
    expect(serialised).not.toContain(mikael.name);
  });

  it("resubscribes: lifts the opt-out, removes the suppression row, starts the category's marketing topics", async () => {
    const { id: MIKAEL, NEWSLETTER, PRODUCT_NEWS, EVENTS } = await makePerson("Mikael");
    // Mikael has already unsubscribed from all marketing himself.
    expect(
      await unsubscribeFromAll({ db: t.db, contactId: MIKAEL, source: "SELF", suppressionKey: SUPPRESSION_KEY }),
    ).toMatchObject({ ok: true, changed: true });
    const r = await resubscribe({ db: t.db, contactId: MIKAEL, suppressionKey: SUPPRESSION_KEY });
    expect(r).toMatchObject({ ok: true, changed: true });
    expect((await contact(MIKAEL)).marketingOptOutAt).toBeNull();
    expect(await suppressed((await contact(MIKAEL)).email)).toHaveLength(0);
    for (const topic of [NEWSLETTER, PRODUCT_NEWS, EVENTS]) expect(await stateOf(MIKAEL, topic)).toBe("SUBSCRIBED");
    expect((await audits(MIKAEL)).at(-1)).toMatchObject({ action: "contact.marketing_opt_in", actorType: "CONTACT" });
    expect(await resubscribe({ db: t.db, contactId: MIKAEL, suppressionKey: SUPPRESSION_KEY })).toMatchObject({
      changed: false,
    });
  });

  it("lifts the opt-out when the person subscribes to one marketing topic", async () => {
    const { id: MIKAEL, NEWSLETTER, EVENTS } = await makePerson("Mikael");
    await unsubscribeFromAll({ db: t.db, contactId: MIKAEL, source: "SELF", suppressionKey: SUPPRESSION_KEY });
    const r = await setSubscription({
      db: t.db,
      contactId: MIKAEL,
      topicId: EVENTS,
      state: "SUBSCRIBED",
      source: "SELF",
      suppressionKey: SUPPRESSION_KEY,
    });
    expect(r).toMatchObject({ ok: true, changed: true });
    const mikael = await contact(MIKAEL);
    expect(mikael.marketingOptOutAt).toBeNull();
    expect(await suppressed(mikael.email)).toHaveLength(0);
    expect(await stateOf(MIKAEL, EVENTS)).toBe("SUBSCRIBED");
    expect(await stateOf(MIKAEL, NEWSLETTER)).toBe("UNSUBSCRIBED");
    expect((await audits(MIKAEL)).at(-1)!.fields).toEqual(["subscriptions", "marketingOptOutAt"]);
    expect(await verifyAuditChain({ db: t.db })).toMatchObject({ ok: true });
  });
});

describe("one-click unsubscribe", () => {
  it("reads the target from the link: a topic id or all", () => {
    const NEWSLETTER = "topic_newsletter";
    expect(oneClickTarget("all")).toEqual({ kind: "all" });
    expect(oneClickTarget(undefined)).toEqual({ kind: "all" });
    expect(oneClickTarget(NEWSLETTER)).toEqual({ kind: "topic", topicId: NEWSLETTER });
  });

  it("unsubscribes from the mailing's topic, once; repeating changes nothing", async () => {
    const { id: SOFIA, NEWSLETTER, PRODUCT_NEWS } = await makePerson("Sofia");
    const sofia = await contact(SOFIA);
    const link = await resolveLink({
      db: t.db,
      token: unsubscribeUrl(LINKS, sofia, NEWSLETTER).split("/u/")[1]!,
      scopes: ["unsubscribe"],
      keys: KEYS,
    });
    expect(link.ok).toBe(true);
    if (!link.ok) return;
    const target = oneClickTarget(link.claims.extra);
    const first = await oneClickUnsubscribe({ db: t.db, contactId: SOFIA, target, suppressionKey: SUPPRESSION_KEY });
    expect(first).toMatchObject({ ok: true, target: "topic", changed: true, topic: { nameEn: "Newsletter" } });
    expect(
      await t.db.subscription.findUnique({ where: { contactId_topicId: { contactId: SOFIA, topicId: NEWSLETTER } } }),
    ).toMatchObject({
      state: "UNSUBSCRIBED",
      source: "ONE_CLICK",
    });
    expect(await stateOf(SOFIA, PRODUCT_NEWS)).toBe("SUBSCRIBED");
    const n = await changes(SOFIA);
    const second = await oneClickUnsubscribe({ db: t.db, contactId: SOFIA, target, suppressionKey: SUPPRESSION_KEY });
    expect(second).toMatchObject({ ok: true, changed: false });
    expect(await changes(SOFIA)).toBe(n);
  });

  it("answers success for a topic that no longer exists (nothing more will be sent from it)", async () => {
    const { id: SOFIA } = await makePerson("Sofia");
    const r = await oneClickUnsubscribe({
      db: t.db,
      contactId: SOFIA,
      target: { kind: "topic", topicId: "gone_topic" },
      suppressionKey: SUPPRESSION_KEY,
    });
    expect(r).toEqual({ ok: true, target: "topic", changed: false, topic: null });
  });

  it("unsubscribes from all marketing for an 'all' link, recording the objection", async () => {
    const { id: SOFIA } = await makePerson("Sofia");
    const r = await oneClickUnsubscribe({
      db: t.db,
      contactId: SOFIA,
      target: oneClickTarget("all"),
      suppressionKey: SUPPRESSION_KEY,
    });
    expect(r).toEqual({ ok: true, target: "all", changed: true });
    expect((await contact(SOFIA)).marketingOptOutAt).toBeInstanceOf(Date);
    expect(await t.db.privacyRequest.findFirst({ where: { contactId: SOFIA } })).toMatchObject({
      type: "OBJECTION",
      details: "One-click unsubscribe from all marketing",
    });
    expect(
      await oneClickUnsubscribe({
        db: t.db,
        contactId: SOFIA,
        target: { kind: "all" },
        suppressionKey: SUPPRESSION_KEY,
      }),
    ).toEqual({
      ok: true,
      target: "all",
      changed: false,
    });
  });
});

describe("links", () => {
  it("refuses a link after the contact's token version was bumped (revocation)", async () => {
    const { id: AHMED } = await makePerson("Ahmed");
    const ahmed = await contact(AHMED);
    const token = preferencesUrl(LINKS, ahmed).split("/p/")[1]!;
    expect((await resolveLink({ db: t.db, token, scopes: ["preferences"], keys: KEYS })).ok).toBe(true);
    await t.db.contact.update({ where: { id: AHMED }, data: { tokenVersion: { increment: 1 } } });
    expect(await resolveLink({ db: t.db, token, scopes: ["preferences"], keys: KEYS })).toEqual({
      ok: false,
      problem: "revoked",
      contactId: AHMED,
    });
    const fresh = preferencesUrl(LINKS, await contact(AHMED)).split("/p/")[1]!;
    expect((await resolveLink({ db: t.db, token: fresh, scopes: ["preferences"], keys: KEYS })).ok).toBe(true);
  });

  it("accepts none of 1,000+ mutated tokens (old version, expired, other scope, other key, damage)", async () => {
    const { id: AHMED, NEWSLETTER } = await makePerson("Ahmed");
    const ahmed = await contact(AHMED);
    const now = new Date();
    const good = signLinkToken(
      { scope: "unsubscribe", contactId: AHMED, tokenVersion: ahmed.tokenVersion, issuedAt: now, extra: NEWSLETTER },
      KEYS,
    );
    const candidates: string[] = [
      signLinkToken(
        { scope: "unsubscribe", contactId: AHMED, tokenVersion: ahmed.tokenVersion - 1, issuedAt: now, extra: "all" },
        KEYS,
      ),
      signLinkToken(
        {
          scope: "unsubscribe",
          contactId: AHMED,
          tokenVersion: ahmed.tokenVersion,
          issuedAt: new Date(now.getTime() - 401 * 86_400_000),
          extra: "all",
        },
        KEYS,
      ),
      signLinkToken({ scope: "preferences", contactId: AHMED, tokenVersion: ahmed.tokenVersion, issuedAt: now }, KEYS),
      signLinkToken({ scope: "unsubscribe", contactId: AHMED, tokenVersion: ahmed.tokenVersion, issuedAt: now }, [
        { id: "t1", secret: "x".repeat(40) },
      ]),
      signLinkToken(
        { scope: "unsubscribe", contactId: "contact_that_does_not_exist", tokenVersion: 1, issuedAt: now },
        KEYS,
      ),
    ];
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";
    for (let i = 0; i < good.length; i++) {
      for (const ch of "Aa0_-.") if (ch !== good[i]) candidates.push(good.slice(0, i) + ch + good.slice(i + 1));
    }
    for (let n = 0; n < good.length; n++) candidates.push(good.slice(0, n));
    // Every bit of the signature and of the payload flipped.
    const [keyId, payload, signature] = good.split(".") as [string, string, string];
    const flip = (part: string, bit: number) => {
      const bytes = Buffer.from(part, "base64url");
      bytes[bit >> 3]! ^= 1 << (bit & 7);
      return bytes.toString("base64url");
    };
    for (let b = 0; b < 256; b++) candidates.push(`${keyId}.${payload}.${flip(signature, b)}`);
    for (let b = 0; b < Buffer.from(payload, "base64url").length * 8; b++) {
      candidates.push(`${keyId}.${flip(payload, b)}.${signature}`);
    }
    for (const ch of alphabet) candidates.push(good + ch);
    expect(candidates.length).toBeGreaterThanOrEqual(1000);

    const accepted: string[] = [];
    for (const token of candidates) {
      const r = await resolveLink({ db: t.db, token, scopes: ["unsubscribe"], keys: KEYS });
      if (r.ok) accepted.push(token);
    }
    expect(accepted).toEqual([]);
    expect((await resolveLink({ db: t.db, token: good, scopes: ["unsubscribe"], keys: KEYS })).ok).toBe(true);
  });
});

describe("sendFreshLink", () => {
  it("mails a fresh footer link to the address on record, at most a few times an hour, answering alike", async () => {
    const { id: EVA } = await makePerson("Eva");
    const eva = await contact(EVA);
    const now = new Date();
    const outcomes: string[] = [];
    for (let i = 0; i < FRESH_LINK_LIMIT + 2; i++) {
      const r = await sendFreshLink({ db: t.db, contactId: EVA, scope: "preferences", now, links: LINKS });
      expect(r.ok).toBe(true);
      outcomes.push(r.outcome);
    }
    expect(outcomes).toEqual([...Array(FRESH_LINK_LIMIT).fill("sent"), "limited", "limited"]);
    const mails = await t.db.outboxMessage.findMany({ where: { to: { has: eva.email } } });
    expect(mails).toHaveLength(FRESH_LINK_LIMIT);
    const url = mails[0]!.html.match(/https:\/\/prefs\.example\.com\/p\/[A-Za-z0-9_.-]+/)![0];
    expect((await resolveLink({ db: t.db, token: url.split("/p/")[1]!, scopes: ["preferences"], keys: KEYS })).ok).toBe(
      true,
    );
    // A new window opens an hour later (the limit counts with the process clock: move it an hour on).
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(now.getTime() + 61 * 60_000);
    try {
      const later = await sendFreshLink({
        db: t.db,
        contactId: EVA,
        scope: "preferences",
        now: new Date(),
        links: LINKS,
      });
      expect(later.outcome).toBe("sent");
    } finally {
      vi.useRealTimers();
    }
    expect(await sendFreshLink({ db: t.db, contactId: "gone", scope: "preferences", links: LINKS })).toEqual({
      ok: true,
      outcome: "no_contact",
    });
  });
});
