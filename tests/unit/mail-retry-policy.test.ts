import { describe, expect, it } from "vitest";
import { chunk, chunkIdempotencyKey } from "@/lib/mail/resend-transport";
import { classifyProviderError, parseRetryAfter } from "@/lib/mail/retry-policy";

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

  it("retries rate limits, server errors and network failures only", () => {
    expect(classifyProviderError({ statusCode: 429, name: "rate_limit_exceeded", message: "" })).toEqual({
      code: "rate_limited",
      retry: true,
    });
    expect(classifyProviderError({ statusCode: 429, name: "daily_quota_exceeded", message: "" })).toEqual({
      code: "quota_exceeded",
      retry: false,
    });
    expect(classifyProviderError({ statusCode: 503, name: "application_error", message: "" })).toEqual({
      code: "unavailable",
      retry: true,
    });
    expect(
      classifyProviderError({ statusCode: null, name: "application_error", message: "Unable to fetch data." }),
    ).toEqual({ code: "unavailable", retry: true });
    expect(classifyProviderError({ statusCode: 409, name: "concurrent_idempotent_requests", message: "" })).toEqual({
      code: "unavailable",
      retry: true,
    });
    expect(classifyProviderError({ statusCode: 403, name: "invalid_api_key", message: "" })).toEqual({
      code: "unauthorized",
      retry: false,
    });
    expect(classifyProviderError({ statusCode: 422, name: "validation_error", message: "" })).toEqual({
      code: "rejected",
      retry: false,
    });
    // Its own code, so the mailing pipeline recognises an earlier attempt's send without reading the message.
    expect(classifyProviderError({ statusCode: 409, name: "invalid_idempotent_request", message: "" })).toEqual({
      code: "idempotency_conflict",
      retry: false,
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
