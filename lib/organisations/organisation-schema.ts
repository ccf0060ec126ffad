// The one schema for an organisation as staff create or edit it.
import { z } from "zod";
import { RELATIONSHIPS } from "@/lib/enums";
import { blankToNull, optionalDate, optionalId, text } from "@/lib/validation/form-fields";
import { orgNumberSchema } from "./org-number";

export const organisationSchema = z
  .object({
    name: text(200, "name_required", "name_too_long"),
    orgNumber: z.preprocess(blankToNull, orgNumberSchema.nullable()),
    relationship: z.enum(RELATIONSHIPS, { error: "relationship_invalid" }),
    relationshipStart: optionalDate,
    relationshipEnd: optionalDate,
    accountManagerId: optionalId,
  })
  .refine((o) => !o.relationshipStart || !o.relationshipEnd || o.relationshipEnd >= o.relationshipStart, {
    path: ["relationshipEnd"],
    error: "end_before_start",
  });
export type OrganisationInput = z.output<typeof organisationSchema>;
