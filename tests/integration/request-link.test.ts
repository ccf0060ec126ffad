// "Send me a link": a known address gets one mail with a working preference-page link; unknown and erased addresses
// get nothing; the answer is the same either way; per-address and per-client limits.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveLink } from "@/lib/recipients/resolve-link";
import {
  ADDRESS_LIMIT,
  CLIENT_LIMIT,
  LINK_VALID_DAYS,
  requestLinkByEmail,
} from "@/lib/recipients/request-link-by-email";
import { createTestDb, type TestDb } from "../support/db";
import { makeContact, unique } from "../factories";

const config = {
  publicUrl: "https://prefs.example.com",
  linkKeys: [{ id: "t1", secret: "request-link-test-signing-secret-0123456789" }],
  authSecret: "request-link-test-auth-secret-0123456789abcdef",
};
let t: TestDb;
let clientCounter = 0;
const freshClient = () => `198.51.100.${++clientCounter}`;

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

const outboxTo = (address: string) =>
  t.db.outboxMessage.findMany({ where: { to: { has: address } }, orderBy: { createdAt: "asc" } });

/** A contact of the test's own who speaks the language; the address is theirs alone. */
const knownContact = (language: "sv" | "en", name = "person") =>
  makeContact(t.db, { language, email: `${name}.${unique()}@nordlys.example` });

async function request(email: string, clientKey = freshClient(), now?: Date) {
  const { outcome, background } = await requestLinkByEmail({ db: t.db, email, clientKey, config, now });
  return { outcome, result: await background };
}

describe("requestLinkByEmail", () => {
  it("mails a known contact one fresh preference-page link in their language, which resolves", async () => {
    const sofia = await knownContact("sv", "sofia.karlsson");
    const KNOWN_SV = sofia.email;
    const { outcome, result } = await request(KNOWN_SV);
    expect(outcome).toEqual({ status: "accepted" });
    expect(result).toBe("sent");
    const mails = await outboxTo(KNOWN_SV);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.subject).toBe("Din länk till dina inställningar");
    expect(mail.text).toContain(`${LINK_VALID_DAYS} dagar`);
    const url = mail.text.match(/https:\/\/prefs\.example\.com\/p\/[A-Za-z0-9_.~-]+/)?.[0];
    expect(url).toBeDefined();
    expect(mail.html).toContain(`href="${url}"`);
    const token = url!.split("/p/")[1]!;
    const resolved = await resolveLink({ db: t.db, token, scopes: ["preferences"], keys: config.linkKeys });
    expect(resolved).toMatchObject({ ok: true, contactId: sofia.id });
    // No address in the link.
    expect(url).not.toContain("sofia");
  });

  it("writes in English for an English-speaking contact", async () => {
    const { email: KNOWN_EN } = await knownContact("en", "ahmed.hassan");
    await request(KNOWN_EN);
    const [mail] = await outboxTo(KNOWN_EN);
    expect(mail?.subject).toBe("Your link to your preferences");
    expect(mail?.text).toContain(`valid for ${LINK_VALID_DAYS} days`);
  });

  it("answers an unknown address exactly as a known one and sends nothing", async () => {
    const before = await t.db.outboxMessage.count();
    const { outcome, result } = await request(`nobody.here.${unique()}@example.com`);
    expect(outcome).toEqual({ status: "accepted" });
    expect(result).toBe("unknown");
    expect(await t.db.outboxMessage.count()).toBe(before);
  });

  it("sends nothing to an erased address (no contact row, only the suppression hash)", async () => {
    const { email } = await knownContact("sv", "eva.lindqvist");
    await t.db.$transaction(async (tx) => {
      await tx.subscription.deleteMany({ where: { contact: { email } } });
      await tx.subscriptionChange.deleteMany({ where: { contact: { email } } });
      await tx.contactRole.deleteMany({ where: { contact: { email } } });
      await tx.contactLegalBasis.deleteMany({ where: { contact: { email } } });
      await tx.privacyRequest.deleteMany({ where: { contact: { email } } });
      await tx.contact.delete({ where: { email } });
    });
    const { outcome, result } = await request(email);
    expect(outcome).toEqual({ status: "accepted" });
    expect(result).toBe("unknown");
    expect(await outboxTo(email)).toHaveLength(0);
  });

  it(`limits mails to one address to ${ADDRESS_LIMIT.points} an hour, without changing the answer`, async () => {
    const email = `linnea.berg.${unique()}@example.org`;
    const someone = await knownContact("sv");
    const now = new Date();
    const results = [];
    for (let i = 0; i < ADDRESS_LIMIT.points + 2; i++) {
      const r = await request(someone.email, freshClient(), now);
      expect(r.outcome).toEqual({ status: "accepted" });
      results.push(r.result);
      // The unknown address behaves the same from the outside.
      expect((await request(email, freshClient(), now)).outcome).toEqual({ status: "accepted" });
    }
    expect(results.filter((r) => r === "sent").length).toBeLessThanOrEqual(ADDRESS_LIMIT.points);
    expect(results.slice(-2)).toEqual(["address_limited", "address_limited"]);
  });

  it(`refuses a client after ${CLIENT_LIMIT.points} requests, the same for known and unknown addresses`, async () => {
    const { email: KNOWN_EN } = await knownContact("en");
    const tag = unique();
    const client = "203.0.113.9";
    const now = new Date();
    for (let i = 0; i < CLIENT_LIMIT.points; i++) {
      const r = await request(`probe${i}.${tag}@example.com`, client, now);
      expect(r.outcome.status).toBe("accepted");
    }
    const before = await t.db.outboxMessage.count();
    const known = await request(KNOWN_EN, client, now);
    const unknown = await request(`probe-x.${tag}@example.com`, client, now);
    expect(known.outcome).toEqual(unknown.outcome);
    expect(known.outcome).toMatchObject({ status: "client_limited" });
    expect(known.outcome.status === "client_limited" && known.outcome.retryAfterSeconds).toBeGreaterThan(0);
    expect(await t.db.outboxMessage.count()).toBe(before);
  });

  it("stores no address or client IP in the rate-limit table", async () => {
    // Requests of its own, for a known and an unknown address, each from a client.
    const { email } = await knownContact("sv");
    expect((await request(email)).result).toBe("sent");
    expect((await request(`nobody.${unique()}@nordlys.example`)).result).toBe("unknown");
    const dump = JSON.stringify(await t.raw.query(`SELECT * FROM "RateLimit"`));
    expect(dump).not.toMatch(/@|nordlys|198\.51\.100|203\.0\.113/);
  });
});
