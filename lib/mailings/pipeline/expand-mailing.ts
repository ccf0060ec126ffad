// Expands a mailing into deliveries, streamed from the segment query in chunks of contacts (keyset on Contact.id), each
// chunk one transaction that also moves the cursor, so a worker killed half-way resumes where the last chunk ended and
// nothing is inserted twice. Deliveries are numbered into batches of 100 as they are inserted; the batches of a chunk
// are enqueued as soon as it commits, so sending starts while expansion goes on. At the end every batch that still has
// work is enqueued again (a no-op for those already queued), which also covers a crash between commit and enqueue and
// a resume after a pause. The chunk locks the contacts it picks (FOR KEY SHARE) until it commits: a contact being
// erased at that moment (the retention job erases beside sending mailings) is waited for and then left out, rather
// than picked from the snapshot and failing the insert on the foreign key; an erasure of a picked contact waits for
// the chunk's commit, and the send-time check leaves its delivery out. Because rows can drop out of a locked pick, a
// short chunk does not mean the end: expansion ends on an empty one.
import "server-only";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { eligibleConditionSql } from "@/lib/segments/exclusion-sql";
import { parseStoredFilter } from "@/lib/segments/segment-filter";
import { segmentConditionSql } from "@/lib/segments/segment-sql";

export const BATCH_SIZE = 100;
const CHUNK_SIZE = 5_000;

export type EnqueueBatches = (mailingId: string, batches: number[]) => Promise<void>;

export async function expandMailing(opts: {
  db: Db;
  mailingId: string;
  enqueue: EnqueueBatches;
  now?: () => Date;
  chunkSize?: number;
}): Promise<{ status: "expanded" | "not_sending"; deliveries: number }> {
  const now = opts.now ?? (() => new Date());
  const chunkSize = opts.chunkSize ?? CHUNK_SIZE;
  const mailing = await opts.db.mailing.findUnique({
    where: { id: opts.mailingId },
    include: { topic: { select: { id: true, purpose: true, isMarketing: true, isRequired: true } }, segment: true },
  });
  if (!mailing || mailing.status !== "SENDING") return { status: "not_sending", deliveries: 0 };
  // A stored filter that no longer validates matches nobody: never mail "everyone" by accident.
  const filter = parseStoredFilter(mailing.segment.filter);
  const today = mailing.startedAt ?? now();
  // Roles as of the start; a pause of marketing mail as of the expansion (the send-time check asks again at sending).
  const condition = filter
    ? Prisma.sql`${segmentConditionSql(filter, today)} AND ${eligibleConditionSql(mailing.topic, now())}`
    : Prisma.sql`FALSE`;

  let inserted = 0;
  for (;;) {
    const chunk = await opts.db.$transaction(async (tx) => {
      const m = await tx.mailing.findUnique({
        where: { id: opts.mailingId },
        select: { status: true, expandCursor: true, batchCount: true },
      });
      if (!m || m.status !== "SENDING") return null;
      const after = m.expandCursor === null ? Prisma.sql`TRUE` : Prisma.sql`c."id" > ${m.expandCursor}`;
      // The window function may not share a SELECT with the lock: numbered after picking.
      const [row] = await tx.$queryRaw<{ n: number; last: string | null; inserted: number }[]>`
        WITH picked AS (
          SELECT c."id" FROM "Contact" c
          WHERE ${after} AND ${condition}
          ORDER BY c."id"
          LIMIT ${chunkSize}
          FOR KEY SHARE OF c
        ), numbered AS (
          SELECT p."id", row_number() OVER (ORDER BY p."id") AS rn FROM picked p
        ), ins AS (
          INSERT INTO "Delivery" ("mailingId", "contactId", "batch")
          SELECT ${opts.mailingId}, p."id", ${m.batchCount} + ((p.rn - 1) / ${BATCH_SIZE})::int FROM numbered p
          ON CONFLICT ("mailingId", "contactId") DO NOTHING
          RETURNING 1
        )
        SELECT (SELECT count(*) FROM numbered)::int AS n, (SELECT max("id") FROM numbered) AS last,
               (SELECT count(*) FROM ins)::int AS inserted`;
      const n = row?.n ?? 0;
      const batches = Math.ceil(n / BATCH_SIZE);
      if (n > 0) {
        await tx.mailing.update({
          where: { id: opts.mailingId },
          data: { expandCursor: row!.last, batchCount: m.batchCount + batches },
        });
      }
      return { n, inserted: row?.inserted ?? 0, first: m.batchCount, batches };
    });
    if (chunk === null) return { status: "not_sending", deliveries: inserted };
    inserted += chunk.inserted;
    if (chunk.batches > 0)
      await opts.enqueue(
        opts.mailingId,
        Array.from({ length: chunk.batches }, (_, i) => chunk.first + i),
      );
    if (chunk.n === 0) break;
  }

  const pending = await opts.db.$queryRaw<{ batch: number }[]>`
    SELECT DISTINCT "batch" FROM "Delivery"
    WHERE "mailingId" = ${opts.mailingId} AND "status" IN ('QUEUED', 'SENDING') ORDER BY "batch"`;
  if (pending.length > 0)
    await opts.enqueue(
      opts.mailingId,
      pending.map((p) => p.batch),
    );
  await opts.db.mailing.updateMany({
    where: { id: opts.mailingId, status: "SENDING" },
    data: { expandedAt: now() },
  });
  return { status: "expanded", deliveries: inserted };
}
