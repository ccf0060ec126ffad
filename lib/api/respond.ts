// JSON responses of /api/v1: one error shape with a stable code, per-field details for validation errors, and never
// an internal message.
import "server-only";
import type { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { ApiKeyScope } from "@/lib/generated/prisma/enums";
import { verifyApiKey } from "@/lib/api-keys/verify-api-key";
import { getConfig } from "@/lib/env/config";
import { KIB, readLimitedBody } from "@/lib/http/read-limited-body";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";
import { apiKeyRule, type RateLimitRule } from "@/lib/rate-limit/limits";
import { loggerFor } from "@/lib/log/logger";
import type { Fail, FailureCode, FieldErrors } from "@/lib/result";
import type { SuppressionMatch } from "@/lib/suppression/find-suppression";
import type { ErrorCode } from "./schemas";

const STATUS: Record<ErrorCode, number> = {
  unauthorized: 401,
  forbidden: 403,
  invalid_json: 400,
  payload_too_large: 413,
  validation_failed: 422,
  not_found: 404,
  suppressed: 409,
  conflict: 409,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

const MESSAGES: Record<ErrorCode, string> = {
  unauthorized: "A valid API key is required (Authorization: Bearer tk_...).",
  forbidden: "This API key's scope does not allow this operation.",
  invalid_json: "The request body is not valid JSON.",
  payload_too_large: "The request body is larger than 64 KB.",
  validation_failed: "The request is not valid; see fields.",
  not_found: "Not found.",
  suppressed: "The address is on the suppression list and cannot be added by sync.",
  conflict: "The resource is in a state that does not allow this.",
  rate_limited: "Too many requests.",
  unavailable: "A service this depends on is unavailable; try again later.",
  internal: "Internal error.",
};

/** A contact or privacy request is a few hundred bytes of JSON; anything near this is not one. */
export const API_MAX_BODY_BYTES = 64 * KIB;

export type ApiHandlerOptions = {
  db: Db;
  request: Request;
  now?: Date;
  /** Requests per key and window; defaults to the key's own limit, else API_RATE_LIMIT_PER_MINUTE, a minute. */
  rateLimit?: Omit<RateLimitRule, "name">;
};

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", ...headers },
  });
}

export function apiError(
  code: ErrorCode,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Response {
  if (code === "unauthorized") headers = { ...headers, "WWW-Authenticate": 'Bearer realm="api"' };
  return json({ error: { code, message: MESSAGES[code], ...extra } }, STATUS[code], headers);
}

/** Per-field messages keyed by the dotted path ("source.type"); "_" for errors about the whole body. */
export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join(".") : "_";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/**
 * A use-case's refusal (lib/result.ts) as the API's error: the failure codes map one to one, `invalid` becomes
 * `validation_failed` with its per-field codes, a suppression carries its reasons (never the address).
 */
export function toApiError(
  failure: Fail<FailureCode, { fieldErrors?: FieldErrors; matches?: SuppressionMatch[] }>,
): Response {
  switch (failure.code) {
    case "invalid":
      return apiError("validation_failed", {
        fields: Object.fromEntries(Object.entries(failure.fieldErrors ?? {}).map(([k, v]) => [k, [v]])),
      });
    case "suppressed":
      return apiError("suppressed", {
        reasons: (failure.matches ?? []).map((m) => ({
          reason: m.reason,
          scope: m.scope,
          since: m.since.toISOString(),
        })),
      });
    default:
      return apiError(failure.code);
  }
}

export function validationFailed(error: z.ZodError): Response {
  return apiError("validation_failed", { fields: fieldErrors(error) });
}

/** Parses a JSON body with a schema: the data, or the error response to return. */
export async function parseBody<S extends z.ZodType>(
  request: Request,
  schema: S,
): Promise<{ ok: true; data: z.output<S> } | { ok: false; response: Response }> {
  // Read while streaming up to the limit: neither a missing nor a false Content-Length makes the server read more.
  const body = await readLimitedBody(request, API_MAX_BODY_BYTES);
  if (!body.ok) return { ok: false, response: apiError("payload_too_large") };
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body.bytes));
  } catch {
    return { ok: false, response: apiError("invalid_json") };
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { ok: false, response: validationFailed(parsed.error) };
  return { ok: true, data: parsed.data };
}

/**
 * Runs a handler after checking the API key and taking one request from the key's rate limit (429 with Retry-After
 * past it); any unexpected error becomes a bare 500, logged as a summary (errorSummary: kind, code, stack frames) and
 * never echoed. The error itself is not logged: a refused Prisma call quotes its values.
 */
export async function withApiKey(
  opts: ApiHandlerOptions,
  required: ApiKeyScope,
  handler: (key: { id: string; scope: ApiKeyScope }) => Promise<Response>,
): Promise<Response> {
  const log = loggerFor(opts.request);
  try {
    const auth = await verifyApiKey({
      db: opts.db,
      authorization: opts.request.headers.get("authorization"),
      required,
      now: opts.now,
    });
    if (!auth.ok) {
      log.info({ code: auth.code }, "api key refused");
      return apiError(auth.code);
    }
    const perMinute = auth.key.rateLimitPerMinute ?? getConfig().apiRateLimitPerMinute;
    const rule = { name: "api:key", ...(opts.rateLimit ?? apiKeyRule(perMinute)) };
    const limit = await consumeRateLimit({ db: opts.db, rule, subject: auth.key.id });
    if (!limit.ok) {
      log.info({ keyId: auth.key.id }, "api request refused: rate limit");
      return apiError("rate_limited", {}, { "Retry-After": String(limit.retryAfterSeconds) });
    }
    log.debug({ keyId: auth.key.id, scope: auth.key.scope }, "api key accepted");
    const response = await handler(auth.key);
    log.info({ keyId: auth.key.id, status: response.status }, "api request done");
    return response;
  } catch (e) {
    log.error({ err: e }, "api request failed");
    return apiError("internal");
  }
}

export const isoDate = (d: Date | null): string | null => (d ? d.toISOString().slice(0, 10) : null);
