// The one schema per staff input of the register pages, shared by the forms (field names, error codes) and the
// use-cases. Error messages are codes; pages show them in the staff member's language (lib/i18n/messages/<lang>/register.json).
import { z } from "zod";
import { emailSchema, phoneSchema } from "@/lib/contacts/normalise";
import { orgNumberSchema } from "@/lib/organisations/org-number";

const text = (max: number, required: string, tooLong: string) =>
  z.string({ error: required }).trim().min(1, { error: required }).max(max, { error: tooLong });

const optionalText = (max: number, tooLong: string) =>
  z.preprocess(
    (v) => (v === undefined || v === null ? "" : v),
    z
      .string()
      .trim()
      .max(max, { error: tooLong })
      .transform((v) => (v === "" ? null : v)),
  );

const blankToNull = (v: unknown) =>
  v === undefined || v === null || (typeof v === "string" && v.trim() === "") ? null : v;

/** YYYY-MM-DD, as date inputs send it; stored as a UTC date. */
export const dateSchema = z.iso.date({ error: "date_invalid" }).transform((v) => new Date(`${v}T00:00:00Z`));
const optionalDate = z.preprocess(blankToNull, dateSchema.nullable());

export const RELATIONSHIPS = ["CUSTOMER", "FORMER_CUSTOMER", "PROSPECT", "PARTNER", "SUPPLIER"] as const;
export const CATEGORIES = ["CUSTOMER_CONTACT", "PROSPECT", "PARTNER_CONTACT", "SUPPLIER_CONTACT"] as const;
export const ROLE_TYPES = [
  "COMMERCIAL_CONTACT",
  "SYSTEM_ADMINISTRATOR",
  "SYSTEM_OWNER",
  "TECHNICAL_CONTACT",
  "BILLING_CONTACT",
  "OTHER",
] as const;
export const SOURCE_TYPES = ["NAMED_BY_CUSTOMER", "MET_AT_EVENT", "IMPORTED", "STAFF_ENTRY"] as const;
export const LEGAL_BASES = ["CONSENT", "CONTRACT", "LEGAL_OBLIGATION", "LEGITIMATE_INTEREST"] as const;
export const ERASURE_CHANNELS = ["EMAIL", "PHONE", "LETTER"] as const;

export const organisationSchema = z
  .object({
    name: text(200, "name_required", "name_too_long"),
    orgNumber: z.preprocess(blankToNull, orgNumberSchema.nullable()),
    relationship: z.enum(RELATIONSHIPS, { error: "relationship_invalid" }),
    relationshipStart: optionalDate,
    relationshipEnd: optionalDate,
    accountManagerId: z.preprocess(blankToNull, z.string().max(64).nullable()),
  })
  .refine((o) => !o.relationshipStart || !o.relationshipEnd || o.relationshipEnd >= o.relationshipStart, {
    path: ["relationshipEnd"],
    error: "end_before_start",
  });
export type OrganisationInput = z.output<typeof organisationSchema>;

export const contactEditSchema = z.object({
  name: text(200, "name_required", "name_too_long"),
  email: emailSchema,
  // Empty removes the number; otherwise E.164 (Swedish numbers may be written without +46).
  phone: z.preprocess(blankToNull, phoneSchema.nullable()),
  jobTitle: optionalText(200, "job_title_too_long"),
  language: z.enum(["sv", "en"], { error: "language_invalid" }),
  category: z.enum(CATEGORIES, { error: "category_invalid" }),
});
export type ContactEdit = z.output<typeof contactEditSchema>;
export const CONTACT_EDIT_FIELDS = ["name", "email", "phone", "jobTitle", "language", "category"] as const;

export const contactCreateSchema = contactEditSchema.extend({
  sourceType: z.enum(SOURCE_TYPES, { error: "source_invalid" }),
  sourceDetail: optionalText(500, "source_detail_too_long"),
  sourceDate: optionalDate,
  organisationId: z.preprocess(blankToNull, z.string().max(64).nullable()),
  roleType: z.preprocess(blankToNull, z.enum(ROLE_TYPES, { error: "role_type_invalid" }).nullable()),
  // Only when the address has a suppression tombstone: the explicit override with a new source and legal basis.
  override: z.preprocess((v) => v === "on" || v === true || v === "true", z.boolean()),
  overrideBasis: z.preprocess(blankToNull, z.enum(LEGAL_BASES, { error: "basis_invalid" }).nullable()),
  overrideReason: optionalText(500, "override_reason_too_long"),
});
export type ContactCreate = z.output<typeof contactCreateSchema>;

// Editing: a new address on the suppression list needs the same deliberate override as creating, with its reason.
export const contactUpdateSchema = contactEditSchema.extend({
  override: contactCreateSchema.shape.override,
  overrideReason: contactCreateSchema.shape.overrideReason,
});

export const addRoleSchema = z.object({
  organisationId: text(64, "organisation_required", "organisation_required"),
  type: z.enum(ROLE_TYPES, { error: "role_type_invalid" }),
  title: optionalText(200, "title_too_long"),
  startsOn: dateSchema,
});

export const endRoleSchema = z.object({ roleId: z.string().min(1).max(64), endsOn: dateSchema });

export const subscriptionChangeSchema = z.object({
  topicId: z.string().min(1).max(64),
  state: z.enum(["SUBSCRIBED", "UNSUBSCRIBED"]),
});

export const eraseSchema = z.object({
  channel: z.enum(ERASURE_CHANNELS, { error: "channel_invalid" }),
  confirm: z.literal("on", { error: "confirm_required" }),
});

/** First error code per field, from a failed parse. */
export function fieldErrorCodes(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    out[field] ??= issue.message;
  }
  return out;
}
