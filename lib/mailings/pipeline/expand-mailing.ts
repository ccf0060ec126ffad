// Expands a mailing into deliveries, streamed from the segment query in chunks of contacts (keyset on Contact.id), each
// chunk one transaction that also moves the cursor, so a worker killed half-way resumes where the last chunk ended and
// nothing is inserted twice. Deliveries are numbered into batches of 100 as they are inserted; the batches of a chunk
// are enqueued as soon as it commits, so sending starts while expansion goes on. At the end every batch that still has
// work is enqueued again (a no-op for those already queued), which also covers a crash between commit and enqueue and
// a resume after a pause. A contact erased while its chunk is being inserted (the retention job erases beside sending
// mailings) makes the chunk's insert fail on the foreign key: the chunk is rolled back whole and picked again at once,
// from a snapshot without that contact, instead of failing the job into pg-boss's back-off.
import "server-only";
import type { Db } from "@/lib/db/client";
import { isForeignKeyViolation } from "@/lib/db/foreign-key-violation";
import { Prisma } from "@/lib/generated/prisma/client";
import { eligibleConditionSql } from "@/lib/segments/exclusion-sql";
import { parseStoredFilter } from "@/lib/segments/segment-filter";
import { segmentConditionSql } from "@/lib/segments/segment-sql";

export const BATCH_SIZE = 100;
const CHUNK_SIZE = 5_000;
/** Contacts erased under one chunk, one after another: each try sees the erasures committed before it. */
const CHUNK_TRIES = 10;

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
  const condition = filter
    ? Prisma.sql`${segmentConditionSql(filter, today)} AND ${eligibleConditionSql(mailing.topic)}`
    : Prisma.sql`FALSE`;

  let inserted = 0;
  for (;;) {
    const chunk = await retryVanishedContacts(() =>
      opts.db.$transaction(async (tx) => {
        const m = await tx.mailing.findUnique({
          where: { id: opts.mailingId },
          select: { status: true, expandCursor: true, batchCount: true },
        });
        if (!m || m.status !== "SENDING") return null;
        const after = m.expandCursor === null ? Prisma.sql`TRUE` : Prisma.sql`c."id" > ${m.expandCursor}`;
        const [row] = await tx.$queryRaw<{ n: number; last: string | null; inserted: number }[]>`
        WITH picked AS (
          SELECT c."id", row_number() OVER (ORDER BY c."id") AS rn
          FROM "Contact" c
          WHERE ${after} AND ${condition}
          ORDER BY c."id"
          LIMIT ${chunkSize}
        ), ins AS (
          INSERT INTO "Delivery" ("mailingId", "contactId", "batch")
          SELECT ${opts.mailingId}, p."id", ${m.batchCount} + ((p.rn - 1) / ${BATCH_SIZE})::int FROM picked p
          ON CONFLICT ("mailingId", "contactId") DO NOTHING
          RETURNING 1
        )
        SELECT (SELECT count(*) FROM picked)::int AS n, (SELECT max("id") FROM picked) AS last,
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
      }),
    );
    if (chunk === null) return { status: "not_sending", deliveries: inserted };
    inserted += chunk.inserted;
    if (chunk.batches > 0)
      await opts.enqueue(
        opts.mailingId,
        Array.from({ length: chunk.batches }, (_, i) => chunk.first + i),
      );
    if (chunk.n < chunkSize) break;
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

async function retryVanishedContacts<T>(chunk: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await chunk();
    } catch (e) {
      if (attempt >= CHUNK_TRIES || !isForeignKeyViolation(e)) throw e;
    }
  }
}
