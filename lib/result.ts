// The one result vocabulary of every use-case: `{ ok: true, …value }` or `{ ok: false, code, … }` with a code from a
// closed set, so pages, actions and API routes map a refusal once (toFormState in app/staff/_components/
// refusal-state.ts, toApiError in lib/api/respond.ts) instead of each redeclaring its union. A cause more precise
// than the code is a `reason` next to it (`fail("conflict", { reason: "closed" })`), never a code of its own.
// Use-cases return failures; they throw only for faults (the database is down), which the caller turns into "failed"
// without showing the error.
import type { z } from "zod";

/** Why a use-case refused. Add a code here (and its API status in lib/api/respond.ts) before returning it. */
export const FAILURE_CODES = [
  "invalid", // input did not pass its schema or a rule: see fieldErrors
  "forbidden", // the caller may not do this, or not to this resource
  "not_found", // no such resource (or not visible to the caller)
  "suppressed", // the address is on the suppression list and nobody overrode it
  "conflict", // the resource is in a state that does not allow it (closed, sent, last admin …)
  "rate_limited", // too many attempts; retry later
  "unavailable", // a dependency (mail provider, queue) refused or is down
] as const;
export type FailureCode = (typeof FAILURE_CODES)[number];

/** Per field, the first error code (a message key, never text). "form" for errors about the whole input. */
export type FieldErrors = Record<string, string>;

export type Ok<T extends object = object> = { ok: true } & T;
export type Fail<C extends string = FailureCode, X extends object = object> = { ok: false; code: C } & X;
export type Invalid = Fail<"invalid", { fieldErrors: FieldErrors }>;
export type Forbidden = Fail<"forbidden">;
export type NotFound = Fail<"not_found">;
/**
 * A refusal whose code is shared but whose cause a caller may want to name: `fail("conflict", { reason: "closed" })`.
 * The reason is a word (a message key), never text; the code alone decides the API status and the form status.
 */
export type Because<C extends FailureCode, R extends string> = Fail<C, { reason: R }>;

export function ok(): Ok;
export function ok<T extends object>(value: T): Ok<T>;
export function ok<T extends object>(value?: T): Ok<T> {
  return { ok: true, ...(value as T) };
}

// `const` keeps a literal reason ("closed") as its own type instead of widening it to string.
export function fail<const C extends FailureCode>(code: C): Fail<C>;
export function fail<const C extends FailureCode, const X extends object>(code: C, extra: X): Fail<C, X>;
export function fail<const C extends FailureCode, const X extends object>(code: C, extra?: X): Fail<C, X> {
  return { ok: false, code, ...(extra as X) };
}

export function invalid(fieldErrors: FieldErrors): Invalid {
  return { ok: false, code: "invalid", fieldErrors };
}

/** The first error code per top-level field of a failed parse (zod messages are codes in this codebase). */
export function fieldErrorCodes(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) out[String(issue.path[0] ?? "form")] ??= issue.message;
  return out;
}

/** Parses with a schema: the data, or `invalid` with the first code per field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): Ok<{ data: z.output<S> }> | Invalid {
  const parsed = schema.safeParse(input);
  return parsed.success ? ok({ data: parsed.data }) : invalid(fieldErrorCodes(parsed.error));
}

/**
 * The word a page keys its message on when a refusal travels in a URL (?error=…): a conflict's reason ("last_admin"),
 * which each page words its own way, else the code.
 */
export function refusalWord(r: { code: string; reason?: string }): string {
  return r.code === "conflict" && r.reason ? r.reason : r.code;
}
