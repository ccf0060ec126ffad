// A minimal raw SQL handle used where Prisma's client is not available yet (migrations, health, test set-up).
import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";

export type RawSql = {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
};

export function rawFromPglite(db: PGlite): RawSql {
  return {
    async query<T>(sql: string, params: unknown[] = []) {
      return (await db.query<T>(sql, params)).rows;
    },
    async close() {},
  };
}

export async function rawFromUrl(url: string): Promise<RawSql> {
  const client = new pg.Client({ connectionString: url });
  // A connection closed by the server while idle (a restart) emits 'error', which unheard ends the process; the next
  // query on this handle rejects anyway, so there is nothing more to do here.
  client.on("error", () => undefined);
  await client.connect();
  return {
    async query<T>(sql: string, params: unknown[] = []) {
      return (await client.query(sql, params)).rows as T[];
    },
    async close() {
      await client.end();
    },
  };
}

/** Raw SQL through an existing Prisma client (the app's own connection). */
export function rawFromPrisma(db: {
  $queryRawUnsafe<T = unknown>(sql: string, ...values: unknown[]): Promise<T>;
}): RawSql {
  return {
    async query<T>(sql: string, params: unknown[] = []) {
      return db.$queryRawUnsafe<T[]>(sql, ...params);
    },
    async close() {},
  };
}
