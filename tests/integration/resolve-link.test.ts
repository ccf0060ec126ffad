import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveLink, spendLink } from "@/lib/recipients/resolve-link";
import { signLinkToken } from "@/lib/tokens/link-token";
import { createTestDb, type TestDb } from "../support/db";
import { makeContact } from "../factories";

const keys = [{ id: "t1", secret: "s".repeat(40) }];
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.close());

/** A contact of the test's own (token version 1) and a signer of its links. */
async function makeLinks() {
  const { id: contactId } = await makeContact(t.db);
  const token = (scope: "preferences" | "stepUp", issuedAt: Date, tokenVersion = 1, extra?: string) =>
    signLinkToken({ scope, contactId, tokenVersion, issuedAt, extra }, keys);
  return { contactId, token };
}

describe("resolveLink", () => {
  it("accepts a fresh link and names its contact", async () => {
    const { contactId, token } = await makeLinks();
    const r = await resolveLink({ db: t.db, token: token("preferences", new Date()), scopes: ["preferences"], keys });
    expect(r).toMatchObject({ ok: true, contactId });
  });

  it("says whom an expired but genuine link was for, so a fresh one can be offered", async () => {
    const { contactId, token } = await makeLinks();
    const old = new Date(Date.now() - 401 * 24 * 3600 * 1000);
    const r = await resolveLink({ db: t.db, token: token("preferences", old), scopes: ["preferences"], keys });
    expect(r).toEqual({ ok: false, problem: "expired", contactId });
  });

  it("names nobody for a forged or wrong-scope link", async () => {
    const { contactId, token } = await makeLinks();
    const forged = signLinkToken({ scope: "preferences", contactId, tokenVersion: 1, issuedAt: new Date() }, [
      { id: "t1", secret: "x".repeat(40) },
    ]);
    expect(await resolveLink({ db: t.db, token: forged, scopes: ["preferences"], keys })).toEqual({
      ok: false,
      problem: "invalid",
    });
    const wrongScope = token("preferences", new Date());
    expect(await resolveLink({ db: t.db, token: wrongScope, scopes: ["stepUp"], keys })).toEqual({
      ok: false,
      problem: "invalid",
    });
  });

  it("refuses links of an older token version, and spent single-use links", async () => {
    const { contactId, token } = await makeLinks();
    await t.db.contact.update({ where: { id: contactId }, data: { tokenVersion: 2 } });
    expect(
      await resolveLink({ db: t.db, token: token("preferences", new Date(), 1), scopes: ["preferences"], keys }),
    ).toEqual({
      ok: false,
      problem: "revoked",
      contactId,
    });
    const stepUp = token("stepUp", new Date(), 2, "once123");
    const first = await resolveLink({ db: t.db, token: stepUp, scopes: ["stepUp"], keys });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const expiresAt = new Date(Date.now() + 3600_000);
    expect(await t.db.$transaction((tx) => spendLink({ db: tx, claims: first.claims, expiresAt }))).toBe(true);
    expect(await t.db.$transaction((tx) => spendLink({ db: tx, claims: first.claims, expiresAt }))).toBe(false);
    expect(await resolveLink({ db: t.db, token: stepUp, scopes: ["stepUp"], keys })).toEqual({
      ok: false,
      problem: "spent",
      contactId,
    });
  });
});
