import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveLink, spendLink } from "@/lib/recipients/resolve-link";
import { signLinkToken } from "@/lib/tokens/link-token";
import { seedDemo } from "@/prisma/seed-demo";
import { createTestDb, type TestDb } from "../support/db";

const keys = [{ id: "t1", secret: "s".repeat(40) }];
const contactId = "demo_contact_02";
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await seedDemo({ db: t.db });
});
afterAll(async () => t?.close());

const token = (scope: "preferences" | "stepUp", issuedAt: Date, tokenVersion = 1, extra?: string) =>
  signLinkToken({ scope, contactId, tokenVersion, issuedAt, extra }, keys);

describe("resolveLink", () => {
  it("accepts a fresh link and names its contact", async () => {
    const r = await resolveLink({ db: t.db, token: token("preferences", new Date()), scopes: ["preferences"], keys });
    expect(r).toMatchObject({ ok: true, contactId });
  });

  it("says whom an expired but genuine link was for, so a fresh one can be offered", async () => {
    const old = new Date(Date.now() - 401 * 24 * 3600 * 1000);
    const r = await resolveLink({ db: t.db, token: token("preferences", old), scopes: ["preferences"], keys });
    expect(r).toEqual({ ok: false, problem: "expired", contactId });
  });

  it("names nobody for a forged or wrong-scope link", async () => {
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
