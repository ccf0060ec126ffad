// A segment filter as one SQL condition over `"Contact" c`, used by the sample and the expansion of a mailing into
// deliveries, or over `"ContactFacts" c` (the narrow copy the live count scans), so all three always agree on who is
// in the segment. The two tables share the names of most filtered columns; the contact's id, topics, roles and the
// source detail are read differently.
import { Prisma } from "@/lib/generated/prisma/client";
import type { SegmentFilter } from "./segment-filter";

const TRUE = Prisma.sql`TRUE`;

function anyOf(column: Prisma.Sql, values: readonly string[], type: string): Prisma.Sql | null {
  if (values.length === 0) return null;
  return Prisma.sql`${column} = ANY(${[...values]}::${Prisma.raw(type)}[])`;
}

export type SegmentSource = "contact" | "facts";

/** `today` decides which roles are current (start on or before it, no end or an end after it). */
export function segmentConditionSql(filter: SegmentFilter, today: Date, source: SegmentSource = "contact"): Prisma.Sql {
  const contactId = source === "facts" ? Prisma.sql`c."contactId"` : Prisma.sql`c."id"`;
  const day = today.toISOString().slice(0, 10);
  const parts: Prisma.Sql[] = [];
  const push = (p: Prisma.Sql | null) => {
    if (p) parts.push(p);
  };

  push(anyOf(Prisma.sql`c."category"`, filter.categories, `"ContactCategory"`));
  push(anyOf(Prisma.sql`c."language"`, filter.languages, `"Language"`));
  push(anyOf(Prisma.sql`c."sourceType"`, filter.sourceTypes, `"SourceType"`));
  if (filter.sourceDetail) {
    const pattern = `%${filter.sourceDetail.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    // ILIKE compares the lower-case forms; the facts keep the detail in lower case already.
    push(
      source === "facts"
        ? Prisma.sql`c."sourceDetailLower" LIKE lower(${pattern})`
        : Prisma.sql`c."sourceDetail" ILIKE ${pattern}`,
    );
  }
  if (filter.createdFrom) push(Prisma.sql`c."createdAt" >= ${filter.createdFrom}::date`);
  if (filter.createdTo) push(Prisma.sql`c."createdAt" < ${filter.createdTo}::date + 1`);
  if (filter.lastActivityFrom) push(Prisma.sql`c."lastActivityAt" >= ${filter.lastActivityFrom}::date`);
  if (filter.lastActivityTo) push(Prisma.sql`c."lastActivityAt" < ${filter.lastActivityTo}::date + 1`);

  if (filter.topicIds.length > 0 && source === "facts") {
    push(Prisma.sql`c."topicsOn" && ARRAY(SELECT t."number" FROM "Topic" t
      WHERE t."id" = ANY(${[...filter.topicIds]}::text[]))::smallint[]`);
  } else if (filter.topicIds.length > 0) {
    push(Prisma.sql`EXISTS (SELECT 1 FROM "Subscription" ts WHERE ts."contactId" = c."id"
      AND ts."topicId" = ANY(${[...filter.topicIds]}::text[]) AND ts."state" = 'SUBSCRIBED')`);
  }

  push(rolesConditionSql(filter, day, source, contactId));

  return parts.length === 0 ? TRUE : Prisma.join(parts, " AND ");
}

/** Has a role matching the role filters (type, organisation, its relationship, status), all on one role. */
function rolesConditionSql(
  filter: SegmentFilter,
  day: string,
  source: SegmentSource,
  contactId: Prisma.Sql,
): Prisma.Sql | null {
  const { roleTypes, organisationIds, relationships, roleStatus } = filter;
  if (roleTypes.length === 0 && organisationIds.length === 0 && relationships.length === 0) return null;
  const exists = roleExistsSql(filter, day, contactId);
  if (source === "contact" || organisationIds.length > 0) return exists;

  // ContactFacts holds each role as tillit_role_key(type, relationship), split by status as of the day it was
  // computed; that split holds for days in [rolesFrom, rolesUntil). Rows computed for another span ask ContactRole.
  const types =
    roleTypes.length > 0 ? Prisma.sql`${[...roleTypes]}::"RoleType"[]` : Prisma.sql`enum_range(NULL::"RoleType")`;
  const rels =
    relationships.length > 0
      ? Prisma.sql`${[...relationships]}::"Relationship"[]`
      : Prisma.sql`enum_range(NULL::"Relationship")`;
  const keys = Prisma.sql`ARRAY(SELECT "tillit_role_key"(t, rel) FROM unnest(${types}) t, unnest(${rels}) rel)`;
  if (roleStatus === "any") return Prisma.sql`c."roleKeys" && ${keys}`;
  const column = roleStatus === "current" ? Prisma.sql`c."currentRoleKeys"` : Prisma.sql`c."endedRoleKeys"`;
  return Prisma.sql`(CASE WHEN (c."rolesFrom" IS NULL OR c."rolesFrom" <= ${day}::date)
      AND (c."rolesUntil" IS NULL OR ${day}::date < c."rolesUntil")
    THEN ${column} && ${keys} ELSE ${exists} END)`;
}

function roleExistsSql(filter: SegmentFilter, day: string, contactId: Prisma.Sql): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  const push = (p: Prisma.Sql | null) => {
    if (p) parts.push(p);
  };
  push(anyOf(Prisma.sql`r."type"`, filter.roleTypes, `"RoleType"`));
  push(anyOf(Prisma.sql`r."organisationId"`, filter.organisationIds, "text"));
  push(anyOf(Prisma.sql`o."relationship"`, filter.relationships, `"Relationship"`));
  if (filter.roleStatus === "current")
    parts.push(Prisma.sql`r."startsOn" <= ${day}::date AND (r."endsOn" IS NULL OR r."endsOn" > ${day}::date)`);
  if (filter.roleStatus === "ended") parts.push(Prisma.sql`r."endsOn" IS NOT NULL AND r."endsOn" <= ${day}::date`);
  // The organisation only when its relationship is asked for.
  const organisation =
    filter.relationships.length > 0 ? Prisma.sql`JOIN "Organisation" o ON o."id" = r."organisationId"` : Prisma.empty;
  return Prisma.sql`EXISTS (SELECT 1 FROM "ContactRole" r ${organisation}
      WHERE r."contactId" = ${contactId} AND ${Prisma.join(parts, " AND ")})`;
}
