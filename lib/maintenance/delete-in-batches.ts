// Deletes the rows of one table that match a condition, a bounded number per statement, until none are left. Each
// statement is its own short transaction, so a backlog of millions (a first run, a worker that was off for weeks)
// never holds row locks or one long transaction that stalls the requests writing to the same table.
import "server-only";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";

/** Rows per statement: a fraction of a second on an indexed condition, even on PGlite's single connection. */
export const PRUNE_BATCH_SIZE = 5_000;

export async function deleteInBatches(opts: {
  db: Db;
  /** Quoted table name; a constant of the rule, never input. */
  table: string;
  /** Quoted column that identifies a row. */
  key: string;
  where: Prisma.Sql;
  batchSize?: number;
}): Promise<number> {
  const table = Prisma.raw(opts.table);
  const key = Prisma.raw(opts.key);
  const batch = opts.batchSize ?? PRUNE_BATCH_SIZE;
  let deleted = 0;
  for (;;) {
    // The condition is repeated outside the sub-select: a row changed between the two (a session renewed, a limit's
    // window restarted) is re-checked by PostgreSQL before it is deleted, and kept.
    const n = await opts.db.$executeRaw`
      DELETE FROM ${table} WHERE ${key} IN (SELECT ${key} FROM ${table} WHERE ${opts.where} LIMIT ${batch})
      AND ${opts.where}`;
    deleted += n;
    if (n < batch) return deleted;
  }
}
