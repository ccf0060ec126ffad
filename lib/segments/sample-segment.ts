// A few of the people a mailing would reach, so marketing can see the segment is what they meant. Only name,
// organisation and language leave this function: never an address, a phone number or a note.
import "server-only";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Language } from "@/lib/generated/prisma/enums";
import { eligibleConditionSql } from "./exclusion-sql";
import type { SegmentFilter } from "./segment-filter";
import { fail, type Because } from "@/lib/result";
import { segmentConditionSql } from "./segment-sql";

export type SampleRecipient = { name: string; organisation: string | null; language: Language };

export type SampleSegmentResult = { ok: true; rows: SampleRecipient[] } | Because<"not_found", "topic_not_found">;

export async function sampleSegment(opts: {
  db: Db;
  filter: SegmentFilter;
  /** With a topic: only people who may be mailed on it. Without: anyone matching the filter. */
  topicId?: string | null;
  limit?: number;
  /** Decides which roles are current and whose pause of marketing mail is still on; now when not given. */
  today?: Date;
}): Promise<SampleSegmentResult> {
  const today = opts.today ?? new Date();
  const limit = Math.min(Math.max(opts.limit ?? 10, 1), 50);
  const conditions = [segmentConditionSql(opts.filter, today)];
  if (opts.topicId) {
    const topic = await opts.db.topic.findUnique({
      where: { id: opts.topicId },
      select: { id: true, purpose: true, isMarketing: true, isRequired: true },
    });
    if (!topic) return fail("not_found", { reason: "topic_not_found" });
    conditions.push(eligibleConditionSql(topic, today));
  }
  const day = today.toISOString().slice(0, 10);
  // The organisation of a current role first, else the latest role's. Ordered by id: stable and cheap on a big
  // register (an index walk that stops after `limit` matches), and cuids spread across the register.
  const rows = await opts.db.$queryRaw<SampleRecipient[]>`
    SELECT c."name", c."language"::text AS "language",
      (SELECT o."name" FROM "ContactRole" r JOIN "Organisation" o ON o."id" = r."organisationId"
        WHERE r."contactId" = c."id"
        ORDER BY (r."endsOn" IS NULL OR r."endsOn" > ${day}::date) DESC, r."startsOn" DESC LIMIT 1) AS "organisation"
    FROM "Contact" c
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY c."id" LIMIT ${limit}`;
  return { ok: true, rows: rows.map((r) => ({ name: r.name, organisation: r.organisation, language: r.language })) };
}
