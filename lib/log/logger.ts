// The one logger of the server and the workers: pino, one JSON object a line on stdout, the level from LOG_LEVEL.
// Rule for every call: log what happened (an outcome, a code, a count, a record id of the register's own), never
// whom it happened to: no addresses, names, phone numbers, tokens, request bodies or error messages (errors go
// through errorSummary, which the `err` serializer applies). The redact list below is a second net for a mistake,
// not a licence to pass such values.
import "server-only";
import { pino, stdTimeFunctions, type Logger } from "pino";
import { getConfig } from "@/lib/env/config";
import { errorSummary } from "./error-summary";

export type { Logger } from "pino";

/** Set by proxy.ts on every request (its own random value, never a client's) and sent back as X-Request-Id. */
export const REQUEST_ID_HEADER = "x-request-id";

const REDACT = ["email", "phone", "address", "to", "token", "body", "authorization", "cookie", "password"].flatMap(
  (key) => [key, `*.${key}`],
);

let base: Logger | undefined;

export function logger(): Logger {
  base ??= pino(
    {
      level: configuredLevel(),
      base: { pid: process.pid },
      timestamp: stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: errorSummary },
      redact: { paths: REDACT, censor: "[redacted]" },
    },
    // process.stdout rather than pino's own sonic-boom: writes to a pipe are synchronous on Linux, so nothing is
    // lost when the process dies, and everything the process prints goes through one stream.
    process.stdout,
  );
  return base;
}

/** A child logger whose every line carries the request id, when the request has one. */
export function withRequestId(requestId: string | null | undefined): Logger {
  return requestId ? logger().child({ reqId: requestId }) : logger();
}

/** For route handlers and use-cases that have the Request at hand. */
export function loggerFor(request: Request): Logger {
  return withRequestId(request.headers.get(REQUEST_ID_HEADER));
}

function configuredLevel(): "debug" | "info" | "warn" | "error" {
  try {
    return getConfig().logLevel;
  } catch {
    // An invalid configuration is reported by the start-up check; the logger still has to work to say so.
    return "info";
  }
}
