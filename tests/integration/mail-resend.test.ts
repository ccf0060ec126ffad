// The real Resend transport and the real SDK against a local fake that enforces Resend's OpenAPI contract.
import { createElement } from "react";
import { Resend } from "resend";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import MailingEmail from "@/emails/mailing";
import type { Config } from "@/lib/env/config";
import { buildUnsubscribeHeaders } from "@/lib/mail/build-unsubscribe-headers";
import { createTransport } from "@/lib/mail/create-transport";
import type { RetryOptions } from "@/lib/mail/retry-policy";
import { sendMail } from "@/lib/mail/send-mail";
import { sendMailBatch } from "@/lib/mail/send-mail-batch";
import type { BatchMailMessage } from "@/lib/mail/types";
import { createTestDb, type TestDb } from "../support/db";
import { startFakeResend, type FakeResend } from "../support/fake-resend";

const API_KEY = "re_test_4f8a2c1d9e";
const FROM = "Tillit <noreply@mail.example.com>";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let fake: FakeResend;
let t: TestDb;
let sleeps: number[];

function transport(retry: RetryOptions = {}) {
  const config: Config["mail"] = { transport: "resend", from: FROM, apiKey: API_KEY, baseUrl: fake.url };
  return createTransport({
    config,
    db: t.db,
    retry: { sleep: async (ms) => void sleeps.push(ms), random: () => 1, ...retry },
  });
}

const plain = (i: number): BatchMailMessage => ({
  to: `person${i}@example.com`,
  subject: `Message ${i}`,
  html: `<p>Hello ${i}</p>`,
  text: `Hello ${i}`,
  tags: [{ name: "mailing", value: "m-7" }],
});

beforeAll(async () => {
  fake = await startFakeResend();
  t = await createTestDb();
});
afterAll(async () => {
  await fake?.close();
  await t?.close();
});
afterEach(() => {
  // Every request the transport made must have followed Resend's contract.
  expect(fake.violations).toEqual([]);
  fake.reset();
  sleeps = [];
});
sleeps = [];

describe("sendMail through Resend", () => {
  it("sends one rendered mail with key, tags and List-Unsubscribe headers", async () => {
    const unsubscribeUrl = "https://prefs.example.com/u/tok-123";
    const result = await sendMail({
      db: t.db,
      transport: transport(),
      message: {
        to: "anna@example.se",
        subject: "Driftinformation",
        react: createElement(MailingEmail, {
          language: "sv",
          heading: "Planerat underhåll",
          paragraphs: ["Vi uppgraderar lagringen."],
          preferencesUrl: "https://prefs.example.com/p/tok-123",
          unsubscribeUrl,
          reason: "Du får detta som systemadministratör på Acme AB.",
        }),
        headers: buildUnsubscribeHeaders(unsubscribeUrl),
        tags: [{ name: "category", value: "marketing" }],
        idempotencyKey: "mailing-7-anna",
      },
    });

    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request).toMatchObject({ method: "POST", path: "/emails", status: 200, operationId: "emails/send" });
    expect(request!.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(request!.headers["idempotency-key"]).toBe("mailing-7-anna");
    expect(request!.headers["content-type"]).toBe("application/json");
    const body = request!.body as Record<string, unknown>;
    expect(body).toMatchObject({
      from: FROM,
      to: ["anna@example.se"],
      subject: "Driftinformation",
      headers: { "List-Unsubscribe": `<${unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
      tags: [{ name: "category", value: "marketing" }],
    });
    expect(body.html).toContain('lang="sv"');
    expect(body.html).toContain(`href="${unsubscribeUrl}"`);
    expect(body.text).toContain(unsubscribeUrl);
    expect(body.text).toContain("Du får detta som systemadministratör på Acme AB.");
    expect(result).toEqual({ ok: true, ids: [fake.accepted[0]!.id] });
    // The Resend transport never touches the outbox.
    expect(await t.db.outboxMessage.count()).toBe(0);
  });

  it("gives every call an idempotency key of its own when the caller has none", async () => {
    const mail = { to: "b@example.com", subject: "Hi", html: "<p>Hi</p>", text: "Hi" };
    await sendMail({ db: t.db, transport: transport(), message: mail });
    await sendMail({ db: t.db, transport: transport(), message: mail });
    const keys = fake.requests.map((r) => r.headers["idempotency-key"]);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(UUID);
    expect(keys[1]).toMatch(UUID);
    expect(keys[0]).not.toBe(keys[1]);
    expect(fake.requests.every((r) => !("tags" in (r.body as object)) && !("headers" in (r.body as object)))).toBe(
      true,
    );
  });

  it("retries after 429, waiting what retry-after says, with the same idempotency key", async () => {
    fake.failNext(2, { status: 429, retryAfter: "2" });
    const result = await sendMail({
      db: t.db,
      transport: transport(),
      message: { to: "c@example.com", subject: "Link", html: "<p>x</p>", text: "x", idempotencyKey: "link-c" },
    });
    expect(result).toEqual({ ok: true, ids: [fake.accepted[0]!.id] });
    expect(fake.requests.map((r) => r.status)).toEqual([429, 429, 200]);
    expect(fake.requests.map((r) => r.headers["idempotency-key"])).toEqual(["link-c", "link-c", "link-c"]);
    expect(sleeps).toEqual([2000, 2000]);
    expect(fake.accepted).toHaveLength(1);
  });

  it("backs off exponentially on 5xx without retry-after", async () => {
    fake.failNext(3, { status: 503 });
    const result = await sendMail({
      db: t.db,
      transport: transport({ baseDelayMs: 100 }),
      message: { to: "d@example.com", subject: "S", html: "<p>x</p>", text: "x" },
    });
    expect(result.ok).toBe(true);
    expect(fake.requests.map((r) => r.status)).toEqual([503, 503, 503, 200]);
    expect(sleeps).toEqual([100, 200, 400]);
  });

  it("gives up after the allowed attempts with a typed error", async () => {
    fake.failNext(10, { status: 500 });
    const result = await sendMail({
      db: t.db,
      transport: transport({ maxAttempts: 3 }),
      message: { to: "e@example.com", subject: "S", html: "<p>x</p>", text: "x" },
    });
    expect(result).toMatchObject({ ok: false, code: "unavailable" });
    expect(result.ok === false && result.message).toContain("internal_server_error");
    expect(fake.requests).toHaveLength(3);
    expect(sleeps).toHaveLength(2);

    fake.reset();
    fake.failNext(10, { status: 429, retryAfter: "1" });
    const limited = await sendMail({
      db: t.db,
      transport: transport({ maxAttempts: 2 }),
      message: { to: "e@example.com", subject: "S", html: "<p>x</p>", text: "x" },
    });
    expect(limited).toMatchObject({ ok: false, code: "rate_limited", retryAfterMs: 1000 });
    expect(fake.requests).toHaveLength(2);
  });

  it("does not wait longer than its cap: a long retry-after is handed back to the caller", async () => {
    fake.failNext(1, { status: 429, retryAfter: "3600" });
    const result = await sendMail({
      db: t.db,
      transport: transport({ maxDelayMs: 30_000 }),
      message: { to: "f@example.com", subject: "S", html: "<p>x</p>", text: "x" },
    });
    expect(result).toMatchObject({ ok: false, code: "rate_limited", retryAfterMs: 3_600_000 });
    expect(fake.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it("does not retry a spent quota", async () => {
    fake.failNext(1, { status: 429, name: "daily_quota_exceeded" });
    const result = await sendMail({
      db: t.db,
      transport: transport(),
      message: { to: "g@example.com", subject: "S", html: "<p>x</p>", text: "x" },
    });
    expect(result).toMatchObject({ ok: false, code: "quota_exceeded" });
    expect(fake.requests).toHaveLength(1);
  });

  it("refuses an invalid message before calling the provider", async () => {
    const result = await sendMail({
      db: t.db,
      transport: transport(),
      message: {
        to: "h@example.com",
        subject: "S",
        html: "<p>x</p>",
        text: "x",
        tags: [{ name: "bad tag!", value: "v" }],
        headers: { "X-Evil": "a\r\nBcc: x@evil.example" },
      },
    });
    expect(result).toMatchObject({ ok: false, code: "invalid_message" });
    expect(result.ok === false && result.message).toMatch(/tags\.0\.name/);
    expect(result.ok === false && result.message).toMatch(/headers\.X-Evil/);
    expect(fake.requests).toHaveLength(0);
  });
});

describe("sendMailBatch through Resend", () => {
  it("splits 250 messages into calls of 100, 100 and 50 with keys derived from the caller's", async () => {
    const messages = Array.from({ length: 250 }, (_, i) => plain(i));
    const result = await sendMailBatch({ db: t.db, transport: transport(), messages, idempotencyKey: "mailing-7" });

    expect(fake.requests.map((r) => [r.method, r.path, r.operationId])).toEqual(
      Array(3).fill(["POST", "/emails/batch", "emails/send-batch"]),
    );
    expect(fake.requests.map((r) => (r.body as unknown[]).length)).toEqual([100, 100, 50]);
    expect(fake.requests.map((r) => r.headers["idempotency-key"])).toEqual([
      "mailing-7/0",
      "mailing-7/1",
      "mailing-7/2",
    ]);
    expect(fake.requests.every((r) => r.headers.authorization === `Bearer ${API_KEY}`)).toBe(true);
    const third = fake.requests[2]!.body as Record<string, unknown>[];
    expect(third[0]).toEqual({
      from: FROM,
      to: ["person200@example.com"],
      subject: "Message 200",
      html: "<p>Hello 200</p>",
      text: "Hello 200",
      tags: [{ name: "mailing", value: "m-7" }],
    });
    expect(result).toEqual({ ok: true, ids: fake.accepted.map((a) => a.id) });
    expect(result.ok && result.ids).toHaveLength(250);
  });

  it("reports a partial failure, and sending again with the same key sends only what was missing", async () => {
    const messages = Array.from({ length: 250 }, (_, i) => plain(i));
    fake.failNext(5, { status: 500 }, { after: 2 });
    const first = await sendMailBatch({
      db: t.db,
      transport: transport({ maxAttempts: 2 }),
      messages,
      idempotencyKey: "mailing-8",
    });
    expect(first).toMatchObject({ ok: false, code: "unavailable" });
    expect(first.ok === false && first.sentIds).toHaveLength(200);
    expect(fake.accepted).toHaveLength(200);

    fake.reset();
    const again = await sendMailBatch({ db: t.db, transport: transport(), messages, idempotencyKey: "mailing-8" });
    expect(again.ok && again.ids.slice(0, 200)).toEqual(first.ok === false && first.sentIds);
    expect(again.ok && again.ids).toHaveLength(250);
    // Chunks 0 and 1 were answered from the idempotency store; only chunk 2 produced new mail.
    expect(fake.accepted).toHaveLength(50);
  });

  it("sends a batch that needs retries with each chunk's own key", async () => {
    fake.failNext(1, { status: 429, retryAfter: "1" }, { after: 1 });
    const result = await sendMailBatch({
      db: t.db,
      transport: transport(),
      messages: Array.from({ length: 150 }, (_, i) => plain(i)),
      idempotencyKey: "mailing-9",
    });
    expect(result.ok && result.ids).toHaveLength(150);
    expect(fake.requests.map((r) => [r.status, r.headers["idempotency-key"]])).toEqual([
      [200, "mailing-9/0"],
      [429, "mailing-9/1"],
      [200, "mailing-9/1"],
    ]);
    expect(sleeps).toEqual([1000]);
  });

  it("stops the whole batch before sending when one message is invalid", async () => {
    const messages = [plain(1), { ...plain(2), to: "not-an-address" }, plain(3)];
    const result = await sendMailBatch({ db: t.db, transport: transport(), messages, idempotencyKey: "mailing-10" });
    expect(result).toMatchObject({ ok: false, code: "invalid_message", sentIds: [] });
    expect(result.ok === false && result.message).toMatch(/^message 1: to/);
    expect(fake.requests).toHaveLength(0);
  });
});

describe("the fake Resend API", () => {
  it("rejects requests that break the contract, so the checks above mean something", async () => {
    // Through the real SDK: an empty recipient list breaks `to` (minItems 1).
    const sdk = new Resend(API_KEY, { baseUrl: fake.url });
    const viaSdk = await sdk.emails.send({ from: FROM, to: [], subject: "S", html: "<p>x</p>" });
    expect(viaSdk.error).toMatchObject({ statusCode: 422, name: "validation_error" });

    // By hand: no Authorization, an over-long Idempotency-Key, a missing subject and a wrongly typed tag list.
    const raw = await fetch(`${fake.url}/emails`, {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": "k".repeat(257) },
      body: JSON.stringify({ from: FROM, to: "a@example.com", html: "<p>x</p>", tags: "marketing" }),
    });
    expect(raw.status).toBe(422);
    const tooBig = await fetch(`${fake.url}/emails/batch`, {
      method: "POST",
      headers: { authorization: `Bearer ${API_KEY}`, "content-type": "application/json" },
      body: JSON.stringify(
        Array.from({ length: 101 }, () => ({ from: FROM, to: "a@example.com", subject: "S", text: "x" })),
      ),
    });
    expect(tooBig.status).toBe(422);
    const unknown = await fetch(`${fake.url}/email`, {
      method: "POST",
      headers: { authorization: `Bearer ${API_KEY}` },
    });
    expect(unknown.status).toBe(404);

    const problems = fake.violations.map((v) => v.problems);
    expect(problems).toHaveLength(4);
    expect(problems[0]!.join("\n")).toMatch(/request body at \/to: must NOT have fewer than 1 items/);
    expect(problems[1]).toEqual(
      expect.arrayContaining([
        "security: no valid Authorization header (Bearer token)",
        "header parameter Idempotency-Key: must NOT have more than 256 characters",
        "request body: must have required property 'subject'",
        "request body at /tags: must be array",
      ]),
    );
    expect(problems[2]).toEqual(["request body: 101 emails in one batch, at most 100 are allowed"]);
    expect(problems[3]).toEqual(["no path in the contract matches /email"]);
    expect(fake.accepted).toHaveLength(0);
    fake.violations.length = 0; // seen and asserted; the afterEach check is for the transport's requests
  });
});
