// Appends to the audit trail inside the caller's transaction, so a change of personal data and its audit entry
// commit or roll back together.
import type { Tx } from "@/lib/db/client";
import type { ActorType, Prisma } from "@/lib/generated/prisma/client";
import { rawFromPrisma, type RawSql } from "@/lib/db/raw";
import { emitOutboundEvents, type ExternalIds } from "@/lib/outbound-webhooks/emit-outbound-events";
import { requestLogger } from "@/lib/log/request-logger";
import type { AuditAction } from "./audit-actions";
import type { AuditField } from "./audit-fields";
import { GENESIS_HASH, hashEntry } from "./hash-chain";

export type AuditActor = { type: ActorType; id?: string | null };

export type AuditInput = {
  actor: AuditActor;
  action: AuditAction;
  subject: { type: string; id: string };
  /** Names of the changed fields; their values go in personalValues, outside the hash, so erasure can clear them. */
  fields?: readonly AuditField[];
  personalValues?: Prisma.InputJsonValue;
  /** For an erased contact: its external ids, read before its row was deleted, for the outbound event. */
  externalIds?: ExternalIds;
};

// Serialises appenders so two transactions never chain onto the same previous entry.
const CHAIN_LOCK_KEY = 7_240_611_129;

export async function recordAuditEvents(tx: Tx, inputs: AuditInput[], now = new Date()): Promise<void> {
  if (inputs.length === 0) return;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CHAIN_LOCK_KEY}::bigint)`;
  const last = await tx.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { hash: true } });
  const rows = chainEntries(last?.hash ?? GENESIS_HASH, inputs, now);
  // createMany keeps the order of rows, so seq follows the chain.
  for (let i = 0; i < rows.length; i += 5000) await tx.auditEvent.createMany({ data: rows.slice(i, i + 5000) });
  // The changes downstream systems are told of (Art. 19), in this same transaction and in the chain's order.
  await emitOutboundEvents(rawFromPrisma(tx), inputs, now);
  // What was done and to which kind of record; the trail itself holds who and the values.
  const log = await requestLogger();
  if (log.isLevelEnabled("debug"))
    for (const input of inputs.slice(0, 20))
      log.debug({ action: input.action, subject: input.subject.type, actor: input.actor.type }, "audited");
}

/** The same append for raw SQL connections (bulk loaders); must run inside the caller's open transaction. */
export async function recordAuditEventsRaw(raw: RawSql, inputs: AuditInput[], now = new Date()): Promise<void> {
  await raw.query("SELECT pg_advisory_xact_lock($1::bigint)", [CHAIN_LOCK_KEY]);
  const [last] = await raw.query<{ hash: string }>(`SELECT hash FROM "AuditEvent" ORDER BY seq DESC LIMIT 1`);
  for (const r of chainEntries(last?.hash ?? GENESIS_HASH, inputs, now)) {
    await raw.query(
      `INSERT INTO "AuditEvent" (at, "actorType", "actorId", action, "subjectType", "subjectId", fields, "personalValues", "prevHash", hash)
       VALUES ($1, $2::"ActorType", $3, $4, $5, $6, $7::text[], $8::jsonb, $9, $10)`,
      [
        r.at,
        r.actorType,
        r.actorId,
        r.action,
        r.subjectType,
        r.subjectId,
        r.fields,
        r.personalValues === undefined ? null : JSON.stringify(r.personalValues),
        r.prevHash,
        r.hash,
      ],
    );
  }
  await emitOutboundEvents(raw, inputs, now);
}

/** The fields of an entry the hash covers, as stored (the bulk seed writes its chain with the same mapping). */
export function chainedFieldsOf(input: AuditInput, at: Date) {
  return {
    at,
    actorType: input.actor.type,
    actorId: input.actor.id ?? null,
    action: input.action,
    subjectType: input.subject.type,
    subjectId: input.subject.id,
    fields: [...(input.fields ?? [])],
  };
}

function chainEntries(prevHash: string, inputs: AuditInput[], now: Date) {
  const rows: (Prisma.AuditEventCreateManyInput & { at: Date; actorId: string | null; fields: string[] })[] = [];
  for (const input of inputs) {
    const entry = chainedFieldsOf(input, now);
    const hash = hashEntry(prevHash, entry);
    rows.push({ ...entry, personalValues: input.personalValues, prevHash, hash });
    prevHash = hash;
  }
  return rows;
}

export async function recordAuditEvent(tx: Tx, input: AuditInput, now = new Date()): Promise<void> {
  await recordAuditEvents(tx, [input], now);
}
