// The fixed-window rate limit on a real database (PGlite always, PostgreSQL with TEST_DATABASE_URL).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hitRateLimit, pruneRateLimitBuckets, rateLimitKey } from "@/lib/rate-limit/hit-rate-limit";
import { createTestDb, type TestDb } from "../support/db";

const SECRET = "rate-limit-test-secret-0123456789abcdef";
const rule = { name: "test:address", limit: 3, windowMs: 60_000 };
let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

const hit = (subject: string, now: Date, r = rule) => hitRateLimit({ db: t.db, rule: r, subject, secret: SECRET, now });

describe("hitRateLimit", () => {
  it("allows up to the limit in a window, then refuses with the seconds left", async () => {
    const start = new Date("2026-11-24T10:00:00.000Z");
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await hit("anna@example.se", new Date(start.getTime() + i * 1000)));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false, false]);
    expect(results.map((r) => r.count)).toEqual([1, 2, 3, 4, 5]);
    expect(results[0]!.retryAfterSeconds).toBe(0);
    // Window started at 10:00:00 and lasts 60 s; the fifth hit was at 10:00:04.
    expect(results[4]!.retryAfterSeconds).toBe(56);
  });

  it("starts a new window once the old one has passed", async () => {
    const start = new Date("2026-11-24T11:00:00.000Z");
    for (let i = 0; i < 4; i++) await hit("bertil@example.se", start);
    expect((await hit("bertil@example.se", new Date(start.getTime() + 59_999))).allowed).toBe(false);
    const fresh = await hit("bertil@example.se", new Date(start.getTime() + 60_000));
    expect(fresh).toMatchObject({ allowed: true, count: 1, retryAfterSeconds: 0 });
  });

  it("keeps subjects and limits apart", async () => {
    const now = new Date("2026-11-24T12:00:00.000Z");
    for (let i = 0; i < 4; i++) await hit("cecilia@example.se", now);
    expect((await hit("david@example.se", now)).allowed).toBe(true);
    expect((await hit("cecilia@example.se", now, { ...rule, name: "test:client" })).allowed).toBe(true);
  });

  it("counts concurrent hits exactly", async () => {
    const now = new Date("2026-11-24T13:00:00.000Z");
    const results = await Promise.all(Array.from({ length: 12 }, () => hit("concurrent@example.se", now)));
    expect(results.map((r) => r.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(results.filter((r) => r.allowed)).toHaveLength(3);
  });

  it("stores only a keyed hash, never the address or IP address", async () => {
    const now = new Date("2026-11-24T14:00:00.000Z");
    await hit("erik.secret@example.se", now);
    await hit("203.0.113.7", now, { ...rule, name: "test:client" });
    const rows = await t.raw.query<{ key: string; resetAt: unknown }>(`SELECT "key", "resetAt" FROM "RateLimitBucket"`);
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain("erik.secret");
    expect(dump).not.toContain("203.0.113.7");
    expect(rows.map((r) => r.key)).toContain(rateLimitKey(rule, "erik.secret@example.se", SECRET));
    // Another secret gives another key: the hash cannot be recomputed without the server's secret.
    expect(rateLimitKey(rule, "erik.secret@example.se", "other-secret")).not.toBe(
      rateLimitKey(rule, "erik.secret@example.se", SECRET),
    );
    const bucket = await t.db.rateLimitBucket.findUniqueOrThrow({
      where: { key: rateLimitKey(rule, "erik.secret@example.se", SECRET) },
    });
    expect(bucket.resetAt.toISOString()).toBe("2026-11-24T14:01:00.000Z");
  });

  it("prunes buckets whose window has passed", async () => {
    const removed = await pruneRateLimitBuckets({ db: t.db, now: new Date("2026-11-24T13:30:00.000Z") });
    expect(removed).toBeGreaterThan(0);
    const left = await t.db.rateLimitBucket.findMany({ select: { resetAt: true } });
    expect(left.every((b) => b.resetAt.getTime() > Date.parse("2026-11-24T13:30:00.000Z"))).toBe(true);
  });
});
