// The one schema per input of staff administration, shared by the forms (field names, error codes) and the use-cases.
// Messages are codes; the page shows them in the admin's language (lib/i18n/messages/<lang>/staffAdmin.json, `errors`).
import { z } from "zod";
import { STAFF_ROLES } from "@/lib/auth/permissions";
import { emailSchema } from "@/lib/contacts/normalise";

export const staffRoleSchema = z.enum(STAFF_ROLES, { error: "role_invalid" });

export const inviteStaffSchema = z.object({
  email: emailSchema,
  name: z
    .string({ error: "name_required" })
    .trim()
    .min(1, { error: "name_required" })
    .max(200, { error: "name_too_long" }),
  role: staffRoleSchema,
});
export type InviteStaffInput = z.output<typeof inviteStaffSchema>;

export const changeStaffRoleSchema = z.object({ role: staffRoleSchema });
