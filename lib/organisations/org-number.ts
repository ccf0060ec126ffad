// Swedish organisation numbers (organisationsnummer), checked with the library that knows the rules (Luhn digit,
// group digit, sole traders' personal numbers), stored in the canonical NNNNNN-NNNN form.
import Organisationsnummer from "organisationsnummer";
import { z } from "zod";

export function normaliseOrgNumber(raw: string): string | null {
  const value = raw.trim();
  if (!Organisationsnummer.valid(value)) return null;
  return Organisationsnummer.parse(value).format(true);
}

export const orgNumberSchema = z
  .string()
  .trim()
  .transform((v, ctx) => {
    const normalised = normaliseOrgNumber(v);
    if (!normalised) {
      ctx.addIssue({ code: "custom", message: "org_number_invalid" });
      return z.NEVER;
    }
    return normalised;
  });
