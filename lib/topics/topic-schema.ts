// The one schema of a topic as staff create and edit it (/staff/topics). Error messages are codes; the pages show
// them in the staff member's language (lib/i18n/messages/<lang>/segments.json, `errors`).
import { z } from "zod";
import { ContactCategory, Purpose } from "@/lib/generated/prisma/enums";

const text = (max: number, required: string) =>
  z.string({ error: required }).trim().min(1, { error: required }).max(max, { error: "too_long" });

/** Form checkboxes send "on"; JSON callers send booleans. */
const flag = z.preprocess((v) => v === "on" || v === true || v === "true", z.boolean());

export const topicSchema = z.object({
  // The stable key used in code and links; lower-case letters, digits and dashes.
  key: z
    .string({ error: "key_required" })
    .trim()
    .min(1, { error: "key_required" })
    .max(64, { error: "too_long" })
    .regex(/^[a-z0-9][a-z0-9-]*$/, { error: "key_invalid" }),
  nameSv: text(120, "name_required"),
  nameEn: text(120, "name_required"),
  descriptionSv: text(500, "description_required"),
  descriptionEn: text(500, "description_required"),
  purpose: z.enum(Purpose, { error: "purpose_invalid" }),
  isMarketing: flag,
  // Offered on the public sign-up form (lib/signups/); only a marketing topic can be.
  offeredAtSignup: flag,
  defaultCategories: z.preprocess(
    (v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.enum(ContactCategory, { error: "category_invalid" })).max(4),
  ),
  sortOrder: z.preprocess(
    (v) => (v === undefined || v === null || v === "" ? 0 : typeof v === "string" ? Number(v) : v),
    z.number({ error: "sort_order_invalid" }).int({ error: "sort_order_invalid" }).min(0).max(10_000),
  ),
  archived: flag,
});
export type TopicInput = z.output<typeof topicSchema>;
export const TOPIC_FIELDS = [
  "key",
  "nameSv",
  "nameEn",
  "descriptionSv",
  "descriptionEn",
  "purpose",
  "isMarketing",
  "offeredAtSignup",
  "defaultCategories",
  "sortOrder",
] as const;
