// The one schema of a segment's filter: what the builder form sends, what is stored in Segment.filter, and what
// segment-sql.ts turns into SQL. Every list is "any of"; an empty list or a missing value does not filter.
import { z } from "zod";
import { ContactCategory, Language, Relationship, RoleType, SourceType } from "@/lib/generated/prisma/enums";

const day = z.iso.date();
const ids = z.array(z.string().trim().min(1).max(64)).max(200).default([]);

export const segmentFilterSchema = z
  .object({
    categories: z.array(z.enum(ContactCategory)).default([]),
    /** Contacts with a role at an organisation of these relationships. */
    relationships: z.array(z.enum(Relationship)).default([]),
    /** Contacts with a role at one of these organisations. */
    organisationIds: ids,
    roleTypes: z.array(z.enum(RoleType)).default([]),
    /** Applies to the role conditions above: only current roles (default), only ended ones, or any. */
    roleStatus: z.enum(["current", "ended", "any"]).default("current"),
    /** Subscribed to at least one of these topics. */
    topicIds: ids,
    languages: z.array(z.enum(Language)).default([]),
    sourceTypes: z.array(z.enum(SourceType)).default([]),
    /** Case-insensitive part of the source detail, e.g. an event name ("Cloud Summit"). */
    sourceDetail: z.string().trim().max(200).optional(),
    createdFrom: day.optional(),
    createdTo: day.optional(),
    lastActivityFrom: day.optional(),
    lastActivityTo: day.optional(),
    /** Contacts an incident concerns (Art. 34's notification of the people, lib/incidents). */
    incidentId: z.string().trim().min(1).max(64).optional(),
    /**
     * Not mailed since this day: no delivery of a mailing started on or after it, except ones left out at send time
     * (SUPPRESSED); a registration notice counts even then, so nobody is given one twice a year (lib/notices).
     */
    notMailedSince: day.optional(),
  })
  .strict();

export type SegmentFilter = z.output<typeof segmentFilterSchema>;
export type SegmentFilterInput = z.input<typeof segmentFilterSchema>;

/** A stored filter read back; a filter that no longer validates matches nobody rather than everybody. */
export function parseStoredFilter(value: unknown): SegmentFilter | null {
  const parsed = segmentFilterSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
