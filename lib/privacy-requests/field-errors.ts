// zod issues → one error code per field, the shape every staff form maps to its own texts.
import type { z } from "zod";

export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) fieldErrors[String(issue.path[0] ?? "form")] ??= issue.message;
  return fieldErrors;
}

/** Open requests count against their extended due date when there is one. */
export function effectiveDueAt(r: { dueAt: Date; extendedDueAt: Date | null }): Date {
  return r.extendedDueAt ?? r.dueAt;
}
