// The schemas for a contact as staff create, edit or erase it, shared by the forms (field names, error codes) and the
// use-cases. Error messages are codes; pages show them in the staff member's language.
import { z } from "zod";
import { CATEGORIES, ERASURE_CHANNELS, LEGAL_BASES, ROLE_TYPES, SOURCE_TYPES } from "@/lib/enums";
import { blankToNull, optionalDate, optionalId, optionalText, text } from "@/lib/validation/form-fields";
import { emailSchema, phoneSchema } from "./normalise";

export const contactEditSchema = z.object({
  name: text(200, "name_required", "name_too_long"),
  email: emailSchema,
  // Empty removes the number; otherwise E.164 (Swedish numbers may be written without +46).
  phone: z.preprocess(blankToNull, phoneSchema.nullable()),
  jobTitle: optionalText(200, "job_title_too_long"),
  language: z.enum(["sv", "en"], { error: "language_invalid" }),
  category: z.enum(CATEGORIES, { error: "category_invalid" }),
  // The person's ids in downstream systems, carried in outbound webhooks so those systems can find them.
  crmId: optionalText(100, "external_id_too_long"),
  supportDeskId: optionalText(100, "external_id_too_long"),
});
export type ContactEdit = z.output<typeof contactEditSchema>;
export const CONTACT_EDIT_FIELDS = [
  "name",
  "email",
  "phone",
  "jobTitle",
  "language",
  "category",
  "crmId",
  "supportDeskId",
] as const;

export const contactCreateSchema = contactEditSchema.extend({
  sourceType: z.enum(SOURCE_TYPES, { error: "source_invalid" }),
  sourceDetail: optionalText(500, "source_detail_too_long"),
  sourceDate: optionalDate,
  organisationId: optionalId,
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

export const eraseSchema = z.object({
  channel: z.enum(ERASURE_CHANNELS, { error: "channel_invalid" }),
  confirm: z.literal("on", { error: "confirm_required" }),
});
