// The fixed answers of "Why are you leaving?" and the text's limit, without zod: the survey's client component needs
// them, and zod in a browser bundle tries `new Function` when it builds an object schema, which the pages' CSP blocks
// (and reports). The schema (leaving-survey-input.ts) imports them from here.
import type { LeavingReason } from "@/lib/generated/prisma/enums";

/** The fixed answers, in the order the form lists them ("other" last). Checked against the database enum. */
export const LEAVING_REASONS = [
  "TOO_MANY",
  "NOT_RELEVANT",
  "NEVER_SIGNED_UP",
  "CHANGED_ROLE",
  "OTHER",
] as const satisfies readonly LeavingReason[];

/** Enough for a few sentences; the answer is a hint to marketing, not a letter. */
export const LEAVING_TEXT_MAX = 500;
