// A failed job's one-line reason for the worker's log and pg-boss's job output (stored in the database): the error's
// kind and code ("PrismaClientKnownRequestError P2028", "RetryLater rate_limited"), never its message, which can quote
// the values of the refused statement or the recipient the provider refused (see error-summary.ts).
import { errorSummary } from "./error-summary";

export function errorLabel(error: unknown): string {
  const { name, code } = errorSummary(error);
  return code ? `${name} ${code}` : name;
}
