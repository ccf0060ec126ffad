// The one way the bulk seed writes: a batch is one transaction, so a failure leaves whole batches or nothing.
import type { SqlRunner } from "@/lib/contacts/create-contacts-with-defaults";
import type { RawSql } from "@/lib/db/raw";

export async function inTransaction<T>(raw: RawSql, fn: () => Promise<T>): Promise<T> {
  await raw.query("BEGIN");
  try {
    const result = await fn();
    await raw.query("COMMIT");
    return result;
  } catch (e) {
    await raw.query("ROLLBACK");
    throw e;
  }
}

export const runnerOf = (raw: RawSql): SqlRunner => ({
  execute: (sql, params) => raw.query(sql, params),
  query: (sql, params) => raw.query(sql, params),
});

export const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
