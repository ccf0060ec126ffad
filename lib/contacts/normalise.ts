// Normalisation and validation of the contact fields that identify and reach a person.
import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { z } from "zod";

/** The form in which addresses are stored, compared and hashed: trimmed and lower-cased. */
export function normaliseEmail(raw: string): string {
  return raw.trim().toLowerCase();
}

export const emailSchema = z
  .string({ error: "email_required" })
  .trim()
  .min(1, { error: "email_required" })
  .max(254, { error: "email_too_long" })
  .pipe(z.email({ error: "email_invalid" }))
  .transform(normaliseEmail);

/**
 * Phone numbers are stored in E.164 (+46701234567). Numbers without a country code are read as Swedish, as staff and
 * Swedish contacts usually write them (070-123 45 67).
 */
export function normalisePhone(raw: string): string | null {
  const parsed = parsePhoneNumberFromString(raw.trim(), { defaultCountry: "SE" });
  if (!parsed || !parsed.isValid()) return null;
  return parsed.number;
}

export const phoneSchema = z
  .string()
  .trim()
  .max(32, { error: "phone_invalid" })
  .transform((v, ctx) => {
    const e164 = normalisePhone(v);
    if (!e164) {
      ctx.addIssue({ code: "custom", message: "phone_invalid" });
      return z.NEVER;
    }
    return e164;
  });
