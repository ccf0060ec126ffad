// Validates a segment filter (from the builder form, a saved segment or JSON) and turns failures into one error code
// per field, so the builder can show each message next to its field.
import type { z } from "zod";
import { segmentFilterSchema, type SegmentFilter } from "./segment-filter";

export type ParsedSegmentFilter =
  { ok: true; filter: SegmentFilter } | { ok: false; fieldErrors: Record<string, string> };

const DATE_FIELDS = new Set(["createdFrom", "createdTo", "lastActivityFrom", "lastActivityTo"]);

function codeFor(field: string, issue: z.core.$ZodIssue): string {
  if (DATE_FIELDS.has(field)) return "date_invalid";
  if (issue.code === "too_big") return "too_long";
  if (issue.code === "unrecognized_keys") return "filter_invalid";
  return "option_invalid";
}

export function parseSegmentFilter(input: unknown): ParsedSegmentFilter {
  const parsed = segmentFilterSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "filter");
      fieldErrors[field] ??= codeFor(field, issue);
    }
    return { ok: false, fieldErrors };
  }
  const f = parsed.data;
  const fieldErrors: Record<string, string> = {};
  // ISO dates compare correctly as strings.
  if (f.createdFrom && f.createdTo && f.createdTo < f.createdFrom) fieldErrors.createdTo = "range_invalid";
  if (f.lastActivityFrom && f.lastActivityTo && f.lastActivityTo < f.lastActivityFrom)
    fieldErrors.lastActivityTo = "range_invalid";
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  return { ok: true, filter: f };
}
