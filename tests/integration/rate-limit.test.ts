// consumeRateLimit (rate-limiter-flexible's PostgreSQL store over our Prisma client) on a real database: PGlite
// always, PostgreSQL with TEST_DATABASE_URL. The store counts with the process clock (Date.now), so the tests that
// need a window to pass move that clock with vitest's fake Date, never by waiting.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { consumeRateLimit, rateLimitSubjectKey } from "@/lib/rate-limit/consume-rate-limit";
import { createTestDb, type TestDb } from "../support/db";

const SECRET = "rate-limit-test-secret-0123456789abcdef";
const rule = { name: "test:address", points: 3, durationSeconds: 60 };
let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});
afterEach(() => {
  vi.useRealTimers();
});

const hit = (subject: string, r = rule, db = t.db) => consumeRateLimit({ db, rule: r, subject, authSecret: SECRET });
const rows = (db = t) => db.raw.query<{ key: string; points: number; expire: unknown }>(`SELECT * FROM "RateLimit"`);

describe("consumeRateLimit", () => {
  it("allows up to the limit in a window, then refuses with the seconds left", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const start = Date.parse("2026-11-24T10:00:00.000Z");
    const results = [];
    for (let i = 0; i < 5; i++) {
      vi.setSystemTime(start + i * 1000);
      results.push(await hit("anna@example.se"));
    }
    expect(results.map((r) => r.ok)).toEqual([true, true, true, false, false]);
    expect(results[0]).toEqual({ ok: true, remaining: 2 });
    // The window started at 10:00:00 and lasts 60 s; the fifth request came at 10:00:04.
    expect(results[4]).toEqual({ ok: false, retryAfterSeconds: 56 });
  });

  it("starts a new window once the old one has passed", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const start = Date.parse("2026-11-24T11:00:00.000Z");
    vi.setSystemTime(start);
    for (let i = 0; i < 4; i++) await hit("bertil@example.se");
    vi.setSystemTime(start + 59_999);
    expect((await hit("bertil@example.se")).ok).toBe(false);
    vi.setSystemTime(start + 60_000);
    expect(await hit("bertil@example.se")).toEqual({ ok: true, remaining: 2 });
  });

  it("keeps subjects and limits apart", async () => {
    for (let i = 0; i < 4; i++) await hit("cecilia@example.se");
    expect((await hit("david@example.se")).ok).toBe(true);
    expect((await hit("cecilia@example.se", { ...rule, name: "test:client" })).ok).toBe(true);
  });

  it("counts concurrent requests exactly: 3 of 12 at once get through", async () => {
    const results = await Promise.all(Array.from({ length: 12 }, () => hit("concurrent@example.se")));
    expect(results.filter((r) => r.ok)).toHaveLength(3);
  });

  it("stores only a keyed hash, never the address or IP address, nor a hash computable without the secret", async () => {
    await hit("erik.secret@example.se");
    await hit("203.0.113.7", { ...rule, name: "test:client" });
    const stored = await rows();
    const dump = JSON.stringify(stored, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v));
    expect(dump).not.toContain("erik.secret");
    expect(dump).not.toContain("203.0.113.7");
    const key = `${rule.name}:${rateLimitSubjectKey(rule, "erik.secret@example.se", SECRET)}`;
    expect(stored.map((r) => r.key)).toContain(key);
    // Another secret gives another key: without the server's secret the key cannot be recomputed from an address.
    expect(rateLimitSubjectKey(rule, "erik.secret@example.se", "other-secret-0123456789abcdef0123")).not.toBe(
      rateLimitSubjectKey(rule, "erik.secret@example.se", SECRET),
    );
  });
});

describe("pruning", () => {
  it("the store itself deletes rows that expired over an hour ago, every 5 minutes", async () => {
    // A database of its own: the store's pruning timer starts with the first limit used on a database client.
    const own = await createTestDb();
    try {
      vi.useFakeTimers({ toFake: ["Date", "setTimeout", "clearTimeout"] });
      const start = Date.parse("2026-11-25T08:00:00.000Z");
      vi.setSystemTime(start);
      await hit("old-1@example.se", rule, own.db);
      await hit("old-2@example.se", rule, own.db);
      // Two hours later: those windows ended over an hour ago; a new one starts now.
      vi.setSystemTime(start + 2 * 60 * 60_000);
      await hit("fresh@example.se", rule, own.db);
      expect(await rows(own)).toHaveLength(3);
      await vi.advanceTimersByTimeAsync(5 * 60_000);
      vi.useRealTimers();
      await expect.poll(async () => (await rows(own)).length).toBe(1);
      expect((await rows(own))[0]!.key).toBe(`${rule.name}:${rateLimitSubjectKey(rule, "fresh@example.se", SECRET)}`);
    } finally {
      vi.useRealTimers();
      await own.close();
    }
  });
});
