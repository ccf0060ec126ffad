// The one schema for the person's own corrections, used by the form (field names, error codes) and the action.
// Error messages are codes; the page shows them in the person's language (lib/i18n/messages/<lang>/myData.json).
import { z } from "zod";
import { emailSchema, phoneSchema } from "./normalise";

const optionalText = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, { error: tooLong })
    .transform((v) => (v === "" ? null : v));

export const correctionSchema = z.object({
  name: z
    .string({ error: "name_required" })
    .trim()
    .min(1, { error: "name_required" })
    .max(200, { error: "name_too_long" }),
  // Empty means "remove my phone number"; otherwise E.164 (Swedish numbers may be written without +46).
  phone: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : v), phoneSchema.nullable()),
  jobTitle: optionalText(200, "job_title_too_long"),
  language: z.enum(["sv", "en"], { error: "language_invalid" }),
});

export type CorrectionInput = z.input<typeof correctionSchema>;
export type Correction = z.output<typeof correctionSchema>;
export type CorrectionField = keyof Correction;
export const CORRECTION_FIELDS = Object.keys(correctionSchema.shape) as CorrectionField[];

export const emailChangeSchema = z.object({ email: emailSchema });

export const otherErrorSchema = z.object({
  details: z
    .string({ error: "details_required" })
    .trim()
    .min(1, { error: "details_required" })
    .max(2000, { error: "details_too_long" }),
});
