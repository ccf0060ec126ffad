// The schemas for adding a role (a contact at an organisation) and ending one.
import { z } from "zod";
import { ROLE_TYPES } from "@/lib/enums";
import { dateSchema, optionalText, text } from "@/lib/validation/form-fields";

export const addRoleSchema = z.object({
  organisationId: text(64, "organisation_required", "organisation_required"),
  type: z.enum(ROLE_TYPES, { error: "role_type_invalid" }),
  title: optionalText(200, "title_too_long"),
  startsOn: dateSchema,
});

export const endRoleSchema = z.object({ roleId: z.string().min(1).max(64), endsOn: dateSchema });
