// Findings 6 and 7 of issue 10 on a real database (PGlite, and PostgreSQL with TEST_DATABASE_URL): limits that hold
// under concurrent requests, /api/v1 limited per key, rate-limit keys that cannot be recomputed without the server's
// secret, and unauthenticated bodies cut off while they stream in.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { limitStaffSignIn } from "@/lib/auth/limit-staff-sign-in";
import { handleCheckSuppression } from "@/lib/api/check-suppression-handler";
import { handleUpsertContact } from "@/lib/api/upsert-contact-handler";
import { requestEmailChange } from "@/lib/contacts/request-email-change";
import { createTransport } from "@/lib/mail/create-transport";
import { requestStepUp } from "@/lib/recipients/request-step-up";
import { sendFreshLink } from "@/lib/recipients/send-fresh-link";
import { handleResendWebhook } from "@/lib/webhooks/handle-resend-webhook";
import { createTestDb, type TestDb } from "../support/db";
import { makeContact, makeStaffUser, unique } from "../factories";

const KEYS = [{ id: "t1", secret: "s".repeat(40) }];
const CONFIG = { publicUrl: "https://prefs.example.com", linkKeys: KEYS };
const SUPPRESSION_KEY = "k".repeat(40);
let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.close());

const admin = async () => ({ type: "STAFF" as const, id: (await makeStaffUser(t.db, "ADMIN")).id });
const outbox = () => createTransport({ config: { transport: "outbox", from: "t@tillit.test" }, db: t.db });

/** Every key in the rate-limit table, whatever it is called. */
async function rateLimitKeys(): Promise<string[]> {
  const tables = await t.raw.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name LIKE 'RateLimit%'`,
  );
  const keys: string[] = [];
  for (const { table_name } of tables) {
    const rows = await t.raw.query<{ key: string }>(`SELECT "key" FROM "${table_name}"`);
    keys.push(...rows.map((r) => r.key));
  }
  return keys;
}

describe("email change", () => {
  it("lets at most 5 of 12 concurrent requests through (the limit is taken atomically, not counted first)", async () => {
    const { id } = await makeContact(t.db, { suppressionKey: SUPPRESSION_KEY });
    const tag = unique();
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        requestEmailChange({
          db: t.db,
          contactId: id,
          input: { email: `concurrent-${i}.${tag}@new.example` },
          config: CONFIG,
          transport: outbox(),
        }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(results.filter((r) => !r.ok && r.code === "rate_limited")).toHaveLength(7);
    const confirmations = await t.db.outboxMessage.count({
      where: { to: { hasSome: results.map((_, i) => `concurrent-${i}.${tag}@new.example`) } },
    });
    expect(confirmations).toBe(5);
  });
});

describe("rate-limit keys", () => {
  it("are keyed hashes: no key is an unkeyed SHA-256 of, or contains, the contact id", async () => {
    const { id } = await makeContact(t.db, { suppressionKey: SUPPRESSION_KEY });
    await requestStepUp({ db: t.db, contactId: id, config: CONFIG, transport: outbox() });
    await sendFreshLink({ db: t.db, contactId: id, scope: "preferences", links: CONFIG });
    const keys = await rateLimitKeys();
    expect(keys.length).toBeGreaterThan(0);
    const sha = (s: string) => createHash("sha256").update(s).digest();
    const unkeyed = [`step-up:${id}`, `fresh-link:${id}`, id].flatMap((s) => [
      sha(s).toString("hex"),
      sha(s).toString("base64url"),
    ]);
    for (const key of keys) {
      expect(key).not.toContain(id);
      for (const u of unkeyed) expect(key).not.toContain(u);
    }
  });
});

describe("/api/v1 per API key", () => {
  it("answers 429 with Retry-After and the rate_limited error once a key has used its allowance", async () => {
    const created = await createApiKey({ db: t.db, input: { name: "CRM flood", scope: "READ" }, actor: await admin() });
    if (!created.ok) throw new Error("key not created");
    const key = created.key;
    const call = () =>
      handleCheckSuppression({
        db: t.db,
        request: new Request("https://prefs.example.com/api/v1/suppressions/check", {
          method: "POST",
          headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
          body: JSON.stringify({ email: "someone@example.com" }),
        }),
        suppressionKey: SUPPRESSION_KEY,
        rateLimit: { points: 3, durationSeconds: 60 },
      });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await call()).status);
    expect(statuses).toEqual([200, 200, 200]);
    const limited = await call();
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get("Retry-After"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await limited.json()).toMatchObject({ error: { code: "rate_limited" } });
  });
});

describe("/api/v1 limit set on the key", () => {
  it("a key's own limit replaces the deployment's; an invalid one is refused per field", async () => {
    const actor = await admin();
    expect(
      await createApiKey({ db: t.db, input: { name: "Bad", scope: "READ", rateLimitPerMinute: "0" }, actor }),
    ).toEqual({ ok: false, code: "invalid", fieldErrors: { rateLimitPerMinute: "rate_limit_invalid" } });
    expect(
      await createApiKey({ db: t.db, input: { name: "Bad", scope: "READ", rateLimitPerMinute: "many" }, actor }),
    ).toMatchObject({ fieldErrors: { rateLimitPerMinute: "rate_limit_invalid" } });
    const small = await createApiKey({
      db: t.db,
      input: { name: "Desk", scope: "READ", rateLimitPerMinute: "2" },
      actor,
    });
    const usual = await createApiKey({
      db: t.db,
      input: { name: "Sync", scope: "READ", rateLimitPerMinute: "" },
      actor,
    });
    if (!small.ok || !usual.ok) throw new Error("keys not created");
    expect((await t.db.apiKey.findUniqueOrThrow({ where: { id: usual.id } })).rateLimitPerMinute).toBeNull();
    const call = (key: string) =>
      handleCheckSuppression({
        db: t.db,
        request: new Request("https://prefs.example.com/api/v1/suppressions/check", {
          method: "POST",
          headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
          body: JSON.stringify({ email: "someone@example.com" }),
        }),
        suppressionKey: SUPPRESSION_KEY,
      });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await call(small.key)).status);
    expect(statuses).toEqual([200, 200, 429]);
    // The other key keeps the deployment's default (600 a minute in tests): not touched by the first's limit.
    for (let i = 0; i < 3; i++) expect((await call(usual.key)).status).toBe(200);
  });
});

/** A body that streams in chunks without Content-Length, counting how much of it the server pulled. */
function streamingRequest(url: string, headers: Record<string, string>, totalBytes: number, chunk = 16 * 1024) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= totalBytes) return controller.close();
      const n = Math.min(chunk, totalBytes - pulled);
      pulled += n;
      controller.enqueue(new Uint8Array(n).fill(0x61));
    },
  });
  const request = new Request(url, { method: "POST", headers, body, duplex: "half" } as RequestInit);
  return { request, pulled: () => pulled };
}

describe("unauthenticated bodies are cut off while streaming", () => {
  it("the Resend webhook stops reading a chunked body past 256 KB and answers 413", async () => {
    const { request, pulled } = streamingRequest(
      "http://localhost:3000/api/webhooks/resend",
      { "svix-id": "msg_1", "svix-timestamp": String(Math.floor(Date.now() / 1000)), "svix-signature": "v1,x" },
      32 * 1024 * 1024,
    );
    const before = await t.db.webhookEvent.count();
    const res = await handleResendWebhook({
      db: t.db,
      request,
      secret: `whsec_${Buffer.from("x".repeat(32)).toString("base64")}`,
      suppressionKey: SUPPRESSION_KEY,
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: "payload_too_large" } });
    expect(pulled()).toBeLessThan(1024 * 1024);
    expect(await t.db.webhookEvent.count()).toBe(before);
  });

  it("/api/v1 stops reading a chunked body past its limit and answers 413 with a JSON error", async () => {
    const created = await createApiKey({ db: t.db, input: { name: "CRM big", scope: "WRITE" }, actor: await admin() });
    const { request, pulled } = streamingRequest(
      "https://prefs.example.com/api/v1/contacts",
      { authorization: `Bearer ${created.ok ? created.key : ""}`, "content-type": "application/json" },
      32 * 1024 * 1024,
    );
    const contacts = await t.db.contact.count();
    const res = await handleUpsertContact({ db: t.db, request, suppressionKey: SUPPRESSION_KEY });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: "payload_too_large" } });
    expect(pulled()).toBeLessThan(2 * 1024 * 1024);
    expect(await t.db.contact.count()).toBe(contacts);
  });
});

describe("staff sign-in requests", () => {
  const secret = "staff-sign-in-test-secret-0123456789abcdef";
  const ask = (email: string, clientAddress: string) =>
    limitStaffSignIn({ db: t.db, email, clientAddress, authSecret: secret });

  it("are limited per address (5 in 15 minutes), whatever the client and however the address is written", async () => {
    const tag = unique();
    const results = [];
    for (let i = 0; i < 5; i++) results.push((await ask(`admin.${tag}@elastx.example`, `198.51.100.${i}`)).ok);
    results.push((await ask(`  ADMIN.${tag}@Elastx.example `, "198.51.100.99")).ok);
    expect(results).toEqual([true, true, true, true, true, false]);
  });

  it("are limited per client (20 in 15 minutes), whatever the address", async () => {
    const tag = unique();
    const results = [];
    for (let i = 0; i < 21; i++) results.push(await ask(`probe-${i}.${tag}@elastx.example`, "203.0.113.5"));
    expect(results.slice(0, 20).every((r) => r.ok)).toBe(true);
    expect(results[20]).toMatchObject({ ok: false });
    expect((await ask(`probe-x.${tag}@elastx.example`, "203.0.113.6")).ok).toBe(true);
  });
});
