// The zod building blocks every staff form shares: trimmed text with a length limit, optional text that stores blank
// as null, and dates as date inputs send them. Error messages are codes; pages show them in the reader's language.
import { z } from "zod";

export const text = (max: number, required: string, tooLong: string) =>
  z.string({ error: required }).trim().min(1, { error: required }).max(max, { error: tooLong });

export const optionalText = (max: number, tooLong: string) =>
  z.preprocess(
    (v) => (v === undefined || v === null ? "" : v),
    z
      .string()
      .trim()
      .max(max, { error: tooLong })
      .transform((v) => (v === "" ? null : v)),
  );

export const blankToNull = (v: unknown) =>
  v === undefined || v === null || (typeof v === "string" && v.trim() === "") ? null : v;

/** YYYY-MM-DD, as date inputs send it; stored as a UTC date. */
export const dateSchema = z.iso.date({ error: "date_invalid" }).transform((v) => new Date(`${v}T00:00:00Z`));
export const optionalDate = z.preprocess(blankToNull, dateSchema.nullable());

/** An optional id picked in a form (blank = none). */
export const optionalId = z.preprocess(blankToNull, z.string().max(64).nullable());
