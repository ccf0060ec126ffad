// Writes the collected history into the audit trail as one continuation of its hash chain: entries in time order,
// each hashed with the app's own hashEntry over the previous entry's hash, in batches that each take the chain's lock,
// read the current last hash and append (so the chain stays whole even if the app appends between two batches).
import { GENESIS_HASH, hashEntry } from "@/lib/audit/hash-chain";
import { chainedFieldsOf } from "@/lib/audit/record-audit-event";
import type { RawSql } from "@/lib/db/raw";
import { describeEvent } from "./audit-entries";
import type { SeedContext } from "./context";
import type { EventLog } from "./event-log";
import { inTransaction } from "./sql";

// The lock recordAuditEvents takes (lib/audit/record-audit-event.ts).
const CHAIN_LOCK_KEY = 7_240_611_129;

export async function writeAuditChain(
  raw: RawSql,
  ctx: SeedContext,
  log: EventLog,
  opts: { batchSize?: number; onProgress?: (done: number) => void } = {},
): Promise<number> {
  const batchSize = opts.batchSize ?? 20_000;
  const order = log.timeOrder();
  for (let start = 0; start < order.length; start += batchSize) {
    const slice = order.subarray(start, Math.min(order.length, start + batchSize));
    await inTransaction(raw, async () => {
      await raw.query("SELECT pg_advisory_xact_lock($1::bigint)", [CHAIN_LOCK_KEY]);
      const [last] = await raw.query<{ hash: string }>(`SELECT hash FROM "AuditEvent" ORDER BY seq DESC LIMIT 1`);
      let prevHash = last?.hash ?? GENESIS_HASH;
      const cols = {
        at: [] as string[],
        actorType: [] as string[],
        actorId: [] as (string | null)[],
        action: [] as string[],
        subjectType: [] as string[],
        subjectId: [] as string[],
        // A text[] per row cannot be unnested from a 2-D array of ragged rows: each list goes as an array literal (the
        // names are plain identifiers or "*", nothing to quote).
        fields: [] as string[],
        personal: [] as (string | null)[],
        prevHash: [] as string[],
        hash: [] as string[],
      };
      for (const s of slice) {
        const { kind, subject, extra } = log.entry(s);
        const input = describeEvent(ctx, kind, subject, extra);
        const entry = chainedFieldsOf(input, log.at(s));
        const hash = hashEntry(prevHash, entry);
        cols.at.push(entry.at.toISOString());
        cols.actorType.push(entry.actorType);
        cols.actorId.push(entry.actorId);
        cols.action.push(entry.action);
        cols.subjectType.push(entry.subjectType);
        cols.subjectId.push(entry.subjectId);
        cols.fields.push(`{${entry.fields.join(",")}}`);
        cols.personal.push(input.personalValues === undefined ? null : JSON.stringify(input.personalValues));
        cols.prevHash.push(prevHash);
        cols.hash.push(hash);
        prevHash = hash;
      }
      // WITH ORDINALITY … ORDER BY: seq is drawn in the chain's order.
      await raw.query(
        `INSERT INTO "AuditEvent" (at, "actorType", "actorId", action, "subjectType", "subjectId", fields,
           "personalValues", "prevHash", hash)
         SELECT at::timestamp, ty::"ActorType", aid, act, st, sid,
           f::text[], pv::jsonb, ph, h
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
           $9::text[], $10::text[]) WITH ORDINALITY AS t(at, ty, aid, act, st, sid, f, pv, ph, h, n)
         ORDER BY n`,
        [
          cols.at,
          cols.actorType,
          cols.actorId,
          cols.action,
          cols.subjectType,
          cols.subjectId,
          cols.fields,
          cols.personal,
          cols.prevHash,
          cols.hash,
        ],
      );
    });
    opts.onProgress?.(start + slice.length);
  }
  return order.length;
}
