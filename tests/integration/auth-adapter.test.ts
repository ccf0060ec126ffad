// The staff sign-in adapter over our own tables: single-use verification tokens, no self sign-up, database sessions,
// and the sign-in decision (active staff on the allow-list).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { checkSignInLink } from "@/lib/auth/check-sign-in-link";
import { findAllowedStaff } from "@/lib/auth/find-allowed-staff";
import { SelfSignUpRefused, staffAdapter } from "@/lib/auth/prisma-adapter";
import { signOutStaff } from "@/lib/auth/sign-out-staff";
import { createTestDb, type TestDb } from "../support/db";

let t: TestDb;
let adapter: ReturnType<typeof staffAdapter>;

beforeAll(async () => {
  t = await createTestDb();
  adapter = staffAdapter(t.db, { sessionMaxAgeSeconds: 12 * 3600 });
  await t.db.staffUser.createMany({
    data: [
      { id: "s_admin", email: "astrid@elastx.example", name: "Astrid", role: "ADMIN" },
      { id: "s_mkt", email: "sara@elastx.example", name: "Sara", role: "MARKETING" },
      { id: "s_gone", email: "former@elastx.example", name: "Former", role: "SUPPORT", active: false },
      { id: "s_ext", email: "consultant@partner.example", name: "Consultant", role: "SUPPORT" },
    ],
  });
});
afterAll(async () => t?.close());

const future = () => new Date(Date.now() + 60_000);

describe("verification tokens", () => {
  it("are used once", async () => {
    await adapter.createVerificationToken!({ identifier: "astrid@elastx.example", token: "hash-1", expires: future() });
    const first = await adapter.useVerificationToken!({ identifier: "astrid@elastx.example", token: "hash-1" });
    expect(first).toMatchObject({ identifier: "astrid@elastx.example", token: "hash-1" });
    expect(await adapter.useVerificationToken!({ identifier: "astrid@elastx.example", token: "hash-1" })).toBeNull();
  });
  it("need the matching identifier", async () => {
    await adapter.createVerificationToken!({ identifier: "astrid@elastx.example", token: "hash-2", expires: future() });
    expect(await adapter.useVerificationToken!({ identifier: "sara@elastx.example", token: "hash-2" })).toBeNull();
    expect(
      await adapter.useVerificationToken!({ identifier: "astrid@elastx.example", token: "hash-2" }),
    ).not.toBeNull();
  });
  it("two concurrent uses: exactly one wins", async () => {
    await adapter.createVerificationToken!({ identifier: "sara@elastx.example", token: "hash-3", expires: future() });
    const results = await Promise.all([
      adapter.useVerificationToken!({ identifier: "sara@elastx.example", token: "hash-3" }),
      adapter.useVerificationToken!({ identifier: "sara@elastx.example", token: "hash-3" }),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});

describe("checking a sign-in link without using it", () => {
  const secret = "k".repeat(40);
  const token = "ab".repeat(32);
  const hashed = createHash("sha256").update(`${token}${secret}`).digest("hex");
  const check = (email: unknown, link: unknown = token) => checkSignInLink({ db: t.db, email, token: link, secret });

  it("finds a live link by next-auth's hash, leaves it in place, and refuses a used, expired or foreign one", async () => {
    await adapter.createVerificationToken!({ identifier: "sara@elastx.example", token: hashed, expires: future() });
    expect(await check("sara@elastx.example")).toEqual({ ok: true, email: "sara@elastx.example" });
    expect(await check("sara@elastx.example")).toEqual({ ok: true, email: "sara@elastx.example" });
    expect(await check("astrid@elastx.example")).toEqual({ ok: false, reason: "used_or_expired" });
    expect(await check("sara@elastx.example", "cd".repeat(32))).toEqual({ ok: false, reason: "used_or_expired" });
    expect(await check(undefined)).toEqual({ ok: false, reason: "malformed" });
    expect(await check("sara@elastx.example", "<script>")).toEqual({ ok: false, reason: "malformed" });

    await adapter.useVerificationToken!({ identifier: "sara@elastx.example", token: hashed });
    expect(await check("sara@elastx.example")).toEqual({ ok: false, reason: "used_or_expired" });

    await t.db.verificationToken.create({
      data: { identifier: "sara@elastx.example", token: hashed, expires: new Date(Date.now() - 1000) },
    });
    expect(await check("sara@elastx.example")).toEqual({ ok: false, reason: "used_or_expired" });
  });
});

describe("users", () => {
  it("refuses self sign-up", async () => {
    await expect(
      adapter.createUser!({ id: "x", email: "new@elastx.example", emailVerified: new Date() }),
    ).rejects.toBeInstanceOf(SelfSignUpRefused);
    expect(await t.db.staffUser.count({ where: { email: "new@elastx.example" } })).toBe(0);
  });
  it("finds active staff by address, case-insensitively, and never inactive ones", async () => {
    expect(await adapter.getUserByEmail!("Astrid@Elastx.example")).toMatchObject({ id: "s_admin" });
    expect(await adapter.getUserByEmail!("former@elastx.example")).toBeNull();
    expect(await adapter.getUser!("s_gone")).toBeNull();
  });
  it("records verification only, never other fields", async () => {
    const when = new Date("2026-01-01T00:00:00Z");
    await adapter.updateUser!({ id: "s_admin", emailVerified: when, name: "Mallory" });
    const row = await t.db.staffUser.findUniqueOrThrow({ where: { id: "s_admin" } });
    expect(row.emailVerified?.toISOString()).toBe(when.toISOString());
    expect(row.name).toBe("Astrid");
    expect(row.role).toBe("ADMIN");
  });
  it("links an OIDC account and finds the user by it", async () => {
    await adapter.linkAccount!({
      userId: "s_mkt",
      type: "oauth",
      provider: "oidc",
      providerAccountId: "sub-123",
      access_token: "at",
      token_type: "bearer",
    });
    expect(await adapter.getUserByAccount!({ provider: "oidc", providerAccountId: "sub-123" })).toMatchObject({
      id: "s_mkt",
    });
    expect(await adapter.getUserByAccount!({ provider: "oidc", providerAccountId: "nope" })).toBeNull();
  });
});

describe("sessions", () => {
  it("create, get, update, delete", async () => {
    const expires = new Date(Date.now() + 8 * 3600_000);
    await adapter.createSession!({ sessionToken: "st-1", userId: "s_admin", expires });
    const got = await adapter.getSessionAndUser!("st-1");
    expect(got?.user).toMatchObject({ id: "s_admin", email: "astrid@elastx.example" });
    expect(got?.session.expires.toISOString()).toBe(expires.toISOString());

    const later = new Date(expires.getTime() + 3600_000);
    const updated = await adapter.updateSession!({ sessionToken: "st-1", expires: later });
    expect(updated?.expires.toISOString()).toBe(later.toISOString());

    const deleted = await adapter.deleteSession!("st-1");
    expect(deleted).toMatchObject({ sessionToken: "st-1", userId: "s_admin" });
    expect(await adapter.getSessionAndUser!("st-1")).toBeNull();
    expect(await adapter.updateSession!({ sessionToken: "st-1", expires: later })).toBeNull();
  });
  it("a deactivated user's sessions end at the next request", async () => {
    await t.db.staffUser.create({ data: { id: "s_leaver", email: "leaver@elastx.example", role: "MARKETING" } });
    await adapter.createSession!({ sessionToken: "st-l", userId: "s_leaver", expires: future() });
    await t.db.staffUser.update({ where: { id: "s_leaver" }, data: { active: false } });
    expect(await adapter.getSessionAndUser!("st-l")).toBeNull();
    expect(await t.db.session.count({ where: { userId: "s_leaver" } })).toBe(0);
  });
  it("signing out ends every session of the user, with an audit entry", async () => {
    await adapter.createSession!({ sessionToken: "st-a", userId: "s_mkt", expires: future() });
    await adapter.createSession!({ sessionToken: "st-b", userId: "s_mkt", expires: future() });
    expect(await signOutStaff({ db: t.db, sessionToken: "st-a" })).toBe(true);
    expect(await t.db.session.count({ where: { userId: "s_mkt" } })).toBe(0);
    const entry = await t.db.auditEvent.findFirst({ where: { action: "staff.signed_out" }, orderBy: { seq: "desc" } });
    expect(entry).toMatchObject({ actorType: "STAFF", actorId: "s_mkt", subjectId: "s_mkt" });
    expect(await signOutStaff({ db: t.db, sessionToken: "st-a" })).toBe(false);
  });
});

describe("absolute session lifetime", () => {
  const HOURS = 12;
  const bounded = () => staffAdapter(t.db, { sessionMaxAgeSeconds: HOURS * 3600 });
  const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000);

  it("a session signed in longer ago than the limit is refused and deleted, even though it kept sliding", async () => {
    await bounded().createSession!({ sessionToken: "st-old", userId: "s_admin", expires: future() });
    // Signed in 12 h 1 min ago and renewed ever since: the sliding expiry is still in the future.
    await t.db.session.update({ where: { sessionToken: "st-old" }, data: { createdAt: hoursAgo(HOURS + 1 / 60) } });
    expect(await bounded().getSessionAndUser!("st-old")).toBeNull();
    expect(await t.db.session.count({ where: { sessionToken: "st-old" } })).toBe(0);
  });

  it("a younger session is kept, and neither reading nor renewing it reaches past the limit", async () => {
    await bounded().createSession!({ sessionToken: "st-young", userId: "s_admin", expires: future() });
    const signedIn = hoursAgo(HOURS - 1);
    await t.db.session.update({ where: { sessionToken: "st-young" }, data: { createdAt: signedIn } });
    const limit = signedIn.getTime() + HOURS * 3600_000;

    expect((await bounded().getSessionAndUser!("st-young"))?.user).toMatchObject({ id: "s_admin" });
    // next-auth slides the expiry to 8 h from now; the row keeps the absolute limit, one hour away.
    const renewed = await bounded().updateSession!({
      sessionToken: "st-young",
      expires: new Date(Date.now() + 8 * 3600_000),
    });
    expect(renewed?.expires.getTime()).toBe(limit);
    const row = await t.db.session.findUniqueOrThrow({ where: { sessionToken: "st-young" } });
    expect(row.expires.getTime()).toBe(limit);
    expect((await bounded().getSessionAndUser!("st-young"))?.session.expires.getTime()).toBe(limit);
  });
});

describe("who may sign in", () => {
  const allowedStaff = (email: string, allowed: string[]) =>
    findAllowedStaff({ db: t.db, email, allowed }).then((s) => s?.id ?? null);

  it("with no allow-list: any active staff user", async () => {
    expect(await allowedStaff("astrid@elastx.example", [])).toBe("s_admin");
    expect(await allowedStaff("consultant@partner.example", [])).toBe("s_ext");
    expect(await allowedStaff("former@elastx.example", [])).toBeNull();
    expect(await allowedStaff("stranger@elastx.example", [])).toBeNull();
  });
  it("domain entries", async () => {
    const allowed = ["@elastx.example"];
    expect(await allowedStaff("SARA@elastx.example", allowed)).toBe("s_mkt");
    expect(await allowedStaff("consultant@partner.example", allowed)).toBeNull();
    expect(await allowedStaff("former@elastx.example", allowed)).toBeNull();
  });
  it("address entries", async () => {
    const allowed = ["consultant@partner.example"];
    expect(await allowedStaff("consultant@partner.example", allowed)).toBe("s_ext");
    expect(await allowedStaff("astrid@elastx.example", allowed)).toBeNull();
  });
  it("an unknown address on an allowed domain is still refused", async () => {
    expect(await allowedStaff("new@elastx.example", ["@elastx.example"])).toBeNull();
  });
});
