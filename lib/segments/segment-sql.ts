// A segment filter as SQL, shared by the sample and the expansion of a mailing into deliveries (a condition over
// `"Contact" c`) and by the live count (the matching rows of ContactFacts, the narrow copy it scans), so all three
// always agree on who is in the segment. Both tables share the names of most filtered columns; the contact's id,
// topics, roles and the source detail are read differently.
import { Prisma } from "@/lib/generated/prisma/client";
import { Relationship, RoleType } from "@/lib/generated/prisma/enums";
import { REGISTRATION_NOTICE_TEMPLATE } from "@/lib/notices/registration-notice-template";
import type { SegmentFilter } from "./segment-filter";

const TRUE = Prisma.sql`TRUE`;

function anyOf(column: Prisma.Sql, values: readonly string[], type: string): Prisma.Sql | null {
  if (values.length === 0) return null;
  return Prisma.sql`${column} = ANY(${[...values]}::${Prisma.raw(type)}[])`;
}

type SegmentSource = "contact" | "facts";

/** Over `"Contact" c`. `today` decides which roles are current (start on or before it, no end or one after it). */
export function segmentConditionSql(filter: SegmentFilter, today: Date): Prisma.Sql {
  const day = today.toISOString().slice(0, 10);
  const parts = columnConditions(filter, "contact");
  const roles = hasRoleFilter(filter) ? roleExistsSql(filter, day, Prisma.sql`c."id"`) : null;
  return join(roles ? [...parts, roles] : parts);
}

/**
 * The segment's rows of ContactFacts, as a FROM item (`FROM ${segmentFactsSql(…)} c`) with the columns the count reads. ContactFacts holds each role as
 * tillit_role_key(type, relationship), split into current and ended as of the day the row was computed; that split
 * holds for days in [rolesFrom, rolesUntil). Rows inside their span are matched on the keys; the few outside it (their
 * role dates passed since; the worker recomputes them daily) on ContactRole, in a second branch, so that the scan of
 * the first stays parallel (a per-row subquery would make it serial).
 */
export function segmentFactsSql(filter: SegmentFilter, today: Date): Prisma.Sql {
  const day = today.toISOString().slice(0, 10);
  const parts = columnConditions(filter, "facts");
  const rows = (conditions: Prisma.Sql[]) =>
    Prisma.sql`SELECT ${FACTS_COUNTED} FROM "ContactFacts" c WHERE ${join(conditions)}`;
  if (!hasRoleFilter(filter)) return Prisma.sql`(${rows(parts)})`;
  const exists = roleExistsSql(filter, day, Prisma.sql`c."contactId"`);
  if (filter.organisationIds.length > 0) return Prisma.sql`(${rows([...parts, exists])})`;

  // Constant arguments: the immutable tillit_role_key is folded into a constant array when the query is planned, so
  // the planner can estimate the matches from the column's statistics (and aggregate in the parallel workers).
  const types = filter.roleTypes.length > 0 ? filter.roleTypes : Object.values(RoleType);
  const rels = filter.relationships.length > 0 ? filter.relationships : Object.values(Relationship);
  const keys = Prisma.sql`ARRAY[${Prisma.join(
    types.flatMap((t) => rels.map((r) => Prisma.sql`"tillit_role_key"(${t}::"RoleType", ${r}::"Relationship")`)),
  )}]::smallint[]`;
  if (filter.roleStatus === "any") return Prisma.sql`(${rows([...parts, Prisma.sql`c."roleKeys" && ${keys}`])})`;
  const column = filter.roleStatus === "current" ? Prisma.sql`c."currentRoleKeys"` : Prisma.sql`c."endedRoleKeys"`;
  const inSpan = Prisma.sql`(c."rolesFrom" IS NULL OR c."rolesFrom" <= ${day}::date)
    AND (c."rolesUntil" IS NULL OR ${day}::date < c."rolesUntil")`;
  // Exactly the rows not inSpan (a NULL bound is never outside).
  const outOfSpan = Prisma.sql`(c."rolesFrom" > ${day}::date OR c."rolesUntil" <= ${day}::date)`;
  return Prisma.sql`(${rows([...parts, inSpan, Prisma.sql`${column} && ${keys}`])}
    UNION ALL ${rows([...parts, outOfSpan, exists])})`;
}

/** The columns of segmentFactsSql's rows: what the count reads (fewer bytes from the parallel workers to the leader). */
const FACTS_COUNTED = Prisma.raw(
  ["contactId", "optedOut", "pausedUntil", "suppressedAll", "suppressedAny", "topicsOn", "topicsOff", "purposes"]
    .map((column) => `c."${column}"`)
    .join(", "),
);

const join = (parts: Prisma.Sql[]) => (parts.length === 0 ? TRUE : Prisma.join(parts, " AND "));

const hasRoleFilter = (f: SegmentFilter) =>
  f.roleTypes.length > 0 || f.organisationIds.length > 0 || f.relationships.length > 0;

/** Everything but the roles. */
function columnConditions(filter: SegmentFilter, source: SegmentSource): Prisma.Sql[] {
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

  if (filter.incidentId) {
    const id = source === "facts" ? Prisma.sql`c."contactId"` : Prisma.sql`c."id"`;
    push(Prisma.sql`EXISTS (SELECT 1 FROM "IncidentContact" ic WHERE ic."contactId" = ${id}
      AND ic."incidentId" = ${filter.incidentId})`);
  }

  if (filter.notMailedSince) {
    // Index range on Delivery(contactId) per contact, then the mailing by its key: an anti-join the planner hashes.
    const id = source === "facts" ? Prisma.sql`c."contactId"` : Prisma.sql`c."id"`;
    push(Prisma.sql`NOT EXISTS (SELECT 1 FROM "Delivery" nd JOIN "Mailing" nm ON nm."id" = nd."mailingId"
      WHERE nd."contactId" = ${id} AND nm."startedAt" >= ${filter.notMailedSince}::date
        AND (nd."status" <> 'SUPPRESSED' OR nm."template" = ${REGISTRATION_NOTICE_TEMPLATE}))`);
  }

  return parts;
}

/** Has a role matching the role filters (type, organisation, its relationship, status), all on one role. */
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
