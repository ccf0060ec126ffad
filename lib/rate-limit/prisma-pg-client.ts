// rate-limiter-flexible's PostgreSQL store speaks to "a pg Client or Pool": it calls `query({ name, text, values })`
// and reads `rows` and `rowCount`. This gives it that interface over our own Prisma client, so the limits use the
// one connection the app already has, on PostgreSQL (adapter-pg) and on the embedded PGlite alike, and the tests'
// database is the limiter's database. Prisma's raw queries send the store's SQL unchanged with its parameters.
import "server-only";
import type { Db } from "@/lib/db/client";

type PgQuery = { name?: string; text: string; values?: unknown[] };
type PgResult = { rows: Record<string, unknown>[]; rowCount: number };

/** node-postgres hands BIGINT to the store as a string, Prisma as a BigInt: a number is what the store computes with. */
function plain(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) out[k] = typeof v === "bigint" ? Number(v) : v;
  return out;
}

export function prismaPgClient(db: Db): { query(q: PgQuery): Promise<PgResult> } {
  return {
    async query(q) {
      const values = q.values ?? [];
      // Statements without RETURNING (the store's DELETEs) answer with a row count, the others with rows.
      if (/^\s*DELETE\b/i.test(q.text) && !/\bRETURNING\b/i.test(q.text)) {
        const rowCount = await db.$executeRawUnsafe(q.text, ...values);
        return { rows: [], rowCount };
      }
      const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(q.text, ...values);
      return { rows: rows.map(plain), rowCount: rows.length };
    },
  };
}
