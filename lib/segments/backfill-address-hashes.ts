// Fills in Contact.addressHash where it is missing (contacts written before the column existed), in batches, hashing
// in JS with the suppression key. Until it has run, such contacts count as not suppressed in the segment breakdown;
// the send-time check hashes the address itself and is not affected.
import "server-only";
import type { Db } from "@/lib/db/client";
import { hashAddress } from "@/lib/suppression/hash-address";

export async function backfillAddressHashes(opts: {
  db: Db;
  suppressionKey: string;
  batchSize?: number;
  onProgress?: (done: number) => void;
}): Promise<number> {
  const batch = opts.batchSize ?? 10_000;
  let done = 0;
  for (;;) {
    const rows = await opts.db.$queryRaw<{ id: string; email: string }[]>`
      SELECT id, email FROM "Contact" WHERE "addressHash" IS NULL ORDER BY id LIMIT ${batch}`;
    if (rows.length === 0) return done;
    const hashes = rows.map((r) => hashAddress(r.email, opts.suppressionKey));
    // The email is matched too, so an address changed since the read is left for the next round, never mis-hashed.
    await opts.db.$executeRaw`UPDATE "Contact" c SET "addressHash" = u.h
      FROM unnest(${rows.map((r) => r.id)}::text[], ${rows.map((r) => r.email)}::text[], ${hashes}::text[])
        AS u(id, email, h)
      WHERE c.id = u.id AND c.email = u.email AND c."addressHash" IS NULL`;
    done += rows.length;
    opts.onProgress?.(done);
  }
}
