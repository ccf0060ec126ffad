import { describe, expect, it } from "vitest";
import { chunk, chunkIdempotencyKey } from "@/lib/mail/resend-transport";
import {
  classifyProviderError,
  parseRetryAfter,
  providerStatus,
  withRetry,
  type ProviderError,
} from "@/lib/mail/retry-policy";

describe("retry policy", () => {
  it("reads retry-after as seconds or as an HTTP date", () => {
    expect(parseRetryAfter("2")).toBe(2000);
    expect(parseRetryAfter("0.5")).toBe(500);
    const now = Date.UTC(2026, 0, 1, 12, 0, 0);
    expect(parseRetryAfter("Thu, 01 Jan 2026 12:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("Thu, 01 Jan 2026 11:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter(undefined)).toBeUndefined();
    expect(parseRetryAfter("soon")).toBeUndefined();
  });

  it("retries rate limits, server errors and network failures only, and says which may have been sent", () => {
    const cases: [ProviderError, { code: string; retry: boolean; mayHaveSent: boolean }][] = [
      // A 429 is an answer: nothing was sent.
      [
        { statusCode: 429, name: "rate_limit_exceeded", message: "" },
        { code: "rate_limited", retry: true, mayHaveSent: false },
      ],
      [
        { statusCode: 429, name: "daily_quota_exceeded", message: "" },
        { code: "quota_exceeded", retry: false, mayHaveSent: false },
      ],
      // A server error or no answer at all: the request may have been processed before it failed.
      [
        { statusCode: 503, name: "application_error", message: "" },
        { code: "unavailable", retry: true, mayHaveSent: true },
      ],
      [
        { statusCode: null, name: "application_error", message: "Unable to fetch data." },
        { code: "unavailable", retry: true, mayHaveSent: true },
      ],
      [
        { statusCode: 409, name: "concurrent_idempotent_requests", message: "" },
        { code: "unavailable", retry: true, mayHaveSent: true },
      ],
      [
        { statusCode: 403, name: "invalid_api_key", message: "" },
        { code: "unauthorized", retry: false, mayHaveSent: false },
      ],
      [
        { statusCode: 422, name: "validation_error", message: "" },
        { code: "rejected", retry: false, mayHaveSent: false },
      ],
      // Its own code, so the mailing pipeline recognises an earlier attempt's send without reading the message.
      [
        { statusCode: 409, name: "invalid_idempotent_request", message: "" },
        { code: "idempotency_conflict", retry: false, mayHaveSent: true },
      ],
    ];
    for (const [error, expected] of cases) expect(classifyProviderError(error), error.name).toEqual(expected);
    expect(providerStatus({ statusCode: null, name: "rate_limit_exceeded", message: "" })).toBe(429);
    expect(providerStatus({ statusCode: null, name: "application_error", message: "" })).toBeNull();
  });

  it("paces every attempt, keeps the status, and remembers an earlier attempt that may have been sent", async () => {
    const answers = [
      { data: null, error: { statusCode: null, name: "application_error", message: "timeout" }, headers: null },
      {
        data: null,
        error: { statusCode: 429, name: "rate_limit_exceeded", message: "" },
        headers: { "retry-after": "1" },
      },
    ];
    let paced = 0;
    const sleeps: number[] = [];
    const result = await withRetry(async () => answers.shift()!, {
      maxAttempts: 2,
      beforeAttempt: async () => void paced++,
      sleep: async (ms) => void sleeps.push(ms),
      random: () => 0,
    });
    expect(paced).toBe(2);
    expect(sleeps).toEqual([250]);
    expect(result).toMatchObject({
      ok: false,
      code: "rate_limited",
      status: 429,
      mayHaveSent: true,
      retryAfterMs: 1000,
    });
  });
});

describe("batch chunks", () => {
  it("splits into chunks of at most the given size", () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 100)).toEqual([]);
  });

  it("derives a stable key per chunk that stays within Resend's 256 characters", () => {
    expect(chunkIdempotencyKey("mailing-7", 2)).toBe("mailing-7/2");
    const long = "k".repeat(256);
    const derived = chunkIdempotencyKey(long, 12);
    expect(derived).toMatch(/^[0-9a-f]{64}\/12$/);
    expect(chunkIdempotencyKey(long, 12)).toBe(derived);
    expect(chunkIdempotencyKey(long, 13)).not.toBe(derived);
  });
});
