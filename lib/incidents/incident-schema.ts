// The one schema of an incident's description, shared by the record form, the update form and their use-cases, and
// the closed list of the kinds of personal data an incident can concern (Art. 33(3)(a)). Times are Stockholm wall-clock
// times as datetime-local inputs send them; error messages are codes.
import { z } from "zod";
import { ContactCategory, IncidentRisk, PeopleNotificationStatus } from "@/lib/generated/prisma/enums";
import { CATEGORIES } from "@/lib/enums";
import { stockholmLocalTime } from "@/lib/time/stockholm-day";
import { blankToNull, optionalDate, optionalText, text } from "@/lib/validation/form-fields";

/** What the register holds, grouped as the authority's form asks for it; labels in accountability.incidents.data. */
export const INCIDENT_DATA_CATEGORIES = [
  "identity",
  "contact_details",
  "professional",
  "preferences",
  "notes",
  "mail_history",
  "staff_accounts",
] as const;
export type IncidentDataCategory = (typeof INCIDENT_DATA_CATEGORIES)[number];

/** A Stockholm time from a datetime-local input. */
export const localTime = (required: string) =>
  z
    .string({ error: required })
    .trim()
    .min(1, { error: required })
    .transform((v, ctx) => {
      const at = stockholmLocalTime(v);
      if (!at) {
        ctx.addIssue({ code: "custom", message: "time_invalid" });
        return z.NEVER;
      }
      return at;
    });

const longText = (required: string) => text(4000, required, "too_long");

export const incidentFieldsSchema = z.object({
  title: text(200, "title_required", "title_too_long"),
  discoveredAt: localTime("discovered_required"),
  occurredAt: z.preprocess(blankToNull, localTime("time_invalid").nullable()).default(null),
  description: longText("description_required"),
  dataCategories: z
    .array(z.enum(INCIDENT_DATA_CATEGORIES, { error: "data_categories_invalid" }), {
      error: "data_categories_required",
    })
    .min(1, { error: "data_categories_required" })
    .transform((v) => INCIDENT_DATA_CATEGORIES.filter((c) => v.includes(c))),
  peopleCategories: z
    .array(z.enum(ContactCategory, { error: "people_categories_invalid" }), { error: "people_categories_required" })
    .min(1, { error: "people_categories_required" })
    .transform((v) => CATEGORIES.filter((c) => v.includes(c))),
  consequences: longText("consequences_required"),
  measures: longText("measures_required"),
  risk: z.enum(IncidentRisk, { error: "risk_invalid" }),
});

const occurredNotAfterDiscovery = (v: { occurredAt: Date | null; discoveredAt: Date }) =>
  v.occurredAt === null || v.occurredAt.getTime() <= v.discoveredAt.getTime();
const occurredRule = { error: "occurred_after_discovery", path: ["occurredAt"] };

export const recordIncidentSchema = incidentFieldsSchema.refine(occurredNotAfterDiscovery, occurredRule);
export type RecordIncidentInput = z.output<typeof recordIncidentSchema>;

/** An update: the description again, Art. 34's notification of the people (a day when notified), and a note. */
export const updateIncidentSchema = incidentFieldsSchema
  .extend({
    peopleStatus: z.enum(PeopleNotificationStatus, { error: "people_status_invalid" }),
    peopleNotifiedAt: optionalDate,
    note: optionalText(2000, "note_too_long"),
  })
  .refine(occurredNotAfterDiscovery, occurredRule)
  .refine((v) => v.peopleStatus !== "NOTIFIED" || v.peopleNotifiedAt !== null, {
    error: "people_notified_at_required",
    path: ["peopleNotifiedAt"],
  });
export type UpdateIncidentInput = z.output<typeof updateIncidentSchema>;

/** The incident's descriptive fields an update compares and the log names. */
export const INCIDENT_FIELDS = [
  "title",
  "discoveredAt",
  "occurredAt",
  "description",
  "dataCategories",
  "peopleCategories",
  "consequences",
  "measures",
  "risk",
  "peopleStatus",
  "peopleNotifiedAt",
] as const;
