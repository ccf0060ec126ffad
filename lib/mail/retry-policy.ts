// How the Resend transport waits and retries: 429 and 5xx (and network failures) are retried a bounded number of
// times, honouring retry-after; everything else is final. Safe because every request carries an idempotency key.
import "server-only";
import type { MailErrorCode, SendMailFailure } from "./types";

export type RetryOptions = {
  /** Total attempts including the first. */
  maxAttempts?: number;
  /** First back-off when the provider gives no retry-after; doubles each attempt. */
  baseDelayMs?: number;
  /** Longest single wait. A retry-after above it ends the attempts at once with rate_limited. */
  maxDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** 0..1, for jitter; injectable so tests are exact. */
  random?: () => number;
  /** Called before every attempt (the shared pacer), so retries count against the provider's limit like any call. */
  beforeAttempt?: () => Promise<void>;
};

export const DEFAULT_RETRY = { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 30_000 } as const;

/** The error part of a Resend SDK response (the SDK returns errors rather than throwing). */
export type ProviderError = { statusCode: number | null; name: string; message: string };
type ProviderResponse<T> =
  | { data: T; error: null; headers: Record<string, string> | null }
  | { data: null; error: ProviderError; headers: Record<string, string> | null };

type Classified = { code: MailErrorCode; retry: boolean; mayHaveSent: boolean };

// The SDK passes the API's error body through; its statusCode can be missing, so the name decides too.
export function classifyProviderError(error: ProviderError): Classified {
  const status = providerStatus(error);
  if (error.name === "daily_quota_exceeded" || error.name === "monthly_quota_exceeded")
    return { code: "quota_exceeded", retry: false, mayHaveSent: false };
  if (status === 429) return { code: "rate_limited", retry: true, mayHaveSent: false };
  // Another request under the same key is being processed: that one may send.
  if (error.name === "concurrent_idempotent_requests") return { code: "unavailable", retry: true, mayHaveSent: true };
  if (error.name === "invalid_idempotent_request")
    return { code: "idempotency_conflict", retry: false, mayHaveSent: true };
  // No answer (timeout, dropped connection) or a server error: the request may have been processed before it failed.
  if (status === null || status >= 500) return { code: "unavailable", retry: true, mayHaveSent: true };
  if (status === 401 || status === 403) return { code: "unauthorized", retry: false, mayHaveSent: false };
  return { code: "rejected", retry: false, mayHaveSent: false };
}

/** The HTTP status of a provider error: the SDK's, else the one its error name implies; null when no answer came. */
export function providerStatus(error: ProviderError): number | null {
  return error.statusCode ?? statusByName[error.name] ?? null;
}

const statusByName: Record<string, number> = {
  rate_limit_exceeded: 429,
  internal_server_error: 500,
  missing_api_key: 401,
  invalid_api_key: 403,
  restricted_api_key: 401,
};

/** retry-after as seconds or an HTTP date, in milliseconds; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Calls `attempt` until it succeeds, fails for good, or runs out of attempts; never throws for provider errors. */
export async function withRetry<T>(
  attempt: () => Promise<ProviderResponse<T>>,
  options: RetryOptions = {},
): Promise<{ ok: true; data: T } | SendMailFailure> {
  const maxAttempts = Math.max(1, options.maxAttempts ?? DEFAULT_RETRY.maxAttempts);
  const baseDelayMs = options.baseDelayMs ?? DEFAULT_RETRY.baseDelayMs;
  const maxDelayMs = options.maxDelayMs ?? DEFAULT_RETRY.maxDelayMs;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  let mayHaveSent = false;

  for (let n = 1; ; n++) {
    await options.beforeAttempt?.();
    const response = await attempt();
    if (response.error === null) return { ok: true, data: response.data };

    const classified = classifyProviderError(response.error);
    const { code, retry } = classified;
    mayHaveSent ||= classified.mayHaveSent;
    const retryAfterMs = parseRetryAfter(response.headers?.["retry-after"]);
    const failure: SendMailFailure = {
      ok: false,
      code,
      message: `${response.error.name}: ${response.error.message} (attempt ${n} of ${maxAttempts})`,
      status: providerStatus(response.error),
      mayHaveSent,
      ...(retryAfterMs !== undefined && { retryAfterMs }),
    };
    if (!retry || n >= maxAttempts) return failure;
    // Waiting less than the provider asked would only earn another 429: hand the wait to the caller instead.
    if (retryAfterMs !== undefined && retryAfterMs > maxDelayMs) return failure;

    const backoff = Math.min(maxDelayMs, baseDelayMs * 2 ** (n - 1));
    // Jitter spreads retries from several workers; only added to our own back-off, never below retry-after.
    await sleep(retryAfterMs ?? Math.round(backoff / 2 + (backoff / 2) * random()));
  }
}
