// The sign-up form's input, shared by the page's server action and POST /api/signup. Codes, never text.
import { z } from "zod";
import { emailSchema } from "@/lib/contacts/normalise";

export const signupInputSchema = z.object({
  name: z
    .string({ error: "name_required" })
    .trim()
    .min(1, { error: "name_required" })
    .max(200, { error: "name_too_long" }),
  email: emailSchema,
  organisation: z
    .string()
    .trim()
    .max(200, { error: "organisation_too_long" })
    .optional()
    .transform((v) => (v ? v : null)),
  topics: z
    .array(z.string().min(1, { error: "topics_unknown" }).max(64, { error: "topics_unknown" }), {
      error: "topics_required",
    })
    .min(1, { error: "topics_required" })
    .max(50, { error: "topics_unknown" }),
});

export type SignupInput = z.output<typeof signupInputSchema>;
export const SIGNUP_FIELD_ERRORS = [
  "name_required",
  "name_too_long",
  "email_required",
  "email_invalid",
  "email_too_long",
  "organisation_too_long",
  "topics_required",
  "topics_unknown",
] as const;
