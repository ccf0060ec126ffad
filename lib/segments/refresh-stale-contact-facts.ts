// A contact's role keys in ContactFacts are split into current and ended as of the day the row was computed, and hold
// until the next role date (rolesUntil). Past it the count still answers right (it asks ContactRole for such rows)
// but slower; this recomputes those rows, in batches, and is run once a day by the worker (lib/jobs).
import "server-only";
import type { Db } from "@/lib/db/client";

export async function refreshStaleContactFacts(opts: { db: Db; batchSize?: number }): Promise<number> {
  const batch = opts.batchSize ?? 10_000;
  let done = 0;
  for (;;) {
    // A refreshed row's span starts today at the latest, so it is never picked again in this loop.
    const rows = await opts.db.$queryRaw<{ n: number }[]>`
      WITH stale AS (
        SELECT "contactId" FROM "ContactFacts" WHERE "rolesUntil" <= CURRENT_DATE ORDER BY "contactId" LIMIT ${batch}
      )
      SELECT count(*)::int AS n, "tillit_refresh_contact_facts"(array_agg("contactId"))::text AS refreshed FROM stale`;
    const n = rows[0]?.n ?? 0;
    done += n;
    if (n < batch) return done;
  }
}
