// A segment filter as one SQL condition over `"Contact" c`, used by the live count, the sample and the expansion of a
// mailing into deliveries, so all three always agree on who is in the segment.
import { Prisma } from "@/lib/generated/prisma/client";
import type { SegmentFilter } from "./segment-filter";

const TRUE = Prisma.sql`TRUE`;

function anyOf(column: Prisma.Sql, values: readonly string[], type: string): Prisma.Sql | null {
  if (values.length === 0) return null;
  return Prisma.sql`${column} = ANY(${[...values]}::${Prisma.raw(type)}[])`;
}

/** `today` decides which roles are current (start on or before it, no end or an end after it). */
export function segmentConditionSql(filter: SegmentFilter, today: Date): Prisma.Sql {
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
    push(Prisma.sql`c."sourceDetail" ILIKE ${pattern}`);
  }
  if (filter.createdFrom) push(Prisma.sql`c."createdAt" >= ${filter.createdFrom}::date`);
  if (filter.createdTo) push(Prisma.sql`c."createdAt" < ${filter.createdTo}::date + 1`);
  if (filter.lastActivityFrom) push(Prisma.sql`c."lastActivityAt" >= ${filter.lastActivityFrom}::date`);
  if (filter.lastActivityTo) push(Prisma.sql`c."lastActivityAt" < ${filter.lastActivityTo}::date + 1`);

  if (filter.topicIds.length > 0) {
    push(Prisma.sql`EXISTS (SELECT 1 FROM "Subscription" ts WHERE ts."contactId" = c."id"
      AND ts."topicId" = ANY(${[...filter.topicIds]}::text[]) AND ts."state" = 'SUBSCRIBED')`);
  }

  const roleParts: Prisma.Sql[] = [];
  const rolePush = (p: Prisma.Sql | null) => {
    if (p) roleParts.push(p);
  };
  rolePush(anyOf(Prisma.sql`r."type"`, filter.roleTypes, `"RoleType"`));
  rolePush(anyOf(Prisma.sql`r."organisationId"`, filter.organisationIds, "text"));
  rolePush(anyOf(Prisma.sql`o."relationship"`, filter.relationships, `"Relationship"`));
  if (roleParts.length > 0) {
    if (filter.roleStatus === "current")
      roleParts.push(Prisma.sql`r."startsOn" <= ${day}::date AND (r."endsOn" IS NULL OR r."endsOn" > ${day}::date)`);
    if (filter.roleStatus === "ended")
      roleParts.push(Prisma.sql`r."endsOn" IS NOT NULL AND r."endsOn" <= ${day}::date`);
    push(Prisma.sql`EXISTS (SELECT 1 FROM "ContactRole" r JOIN "Organisation" o ON o."id" = r."organisationId"
      WHERE r."contactId" = c."id" AND ${Prisma.join(roleParts, " AND ")})`);
  }

  return parts.length === 0 ? TRUE : Prisma.join(parts, " AND ");
}
