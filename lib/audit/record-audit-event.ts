// Appends to the audit trail inside the caller's transaction, so a change of personal data and its audit entry
// commit or roll back together.
import type { Tx } from "@/lib/db/client";
import type { ActorType, Prisma } from "@/lib/generated/prisma/client";
import { GENESIS_HASH, hashEntry } from "./hash-chain";

export type AuditActor = { type: ActorType; id?: string | null };

export type AuditInput = {
  actor: AuditActor;
  action: string;
  subject: { type: string; id: string };
  /** Names of the changed fields; their values go in personalValues, outside the hash, so erasure can clear them. */
  fields?: string[];
  personalValues?: Prisma.InputJsonValue;
};

// Serialises appenders so two transactions never chain onto the same previous entry.
const CHAIN_LOCK_KEY = 7_240_611_129;

export async function recordAuditEvents(tx: Tx, inputs: AuditInput[], now = new Date()): Promise<void> {
  if (inputs.length === 0) return;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CHAIN_LOCK_KEY}::bigint)`;
  const last = await tx.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { hash: true } });
  let prevHash = last?.hash ?? GENESIS_HASH;
  const rows: Prisma.AuditEventCreateManyInput[] = [];
  for (const input of inputs) {
    const entry = {
      at: now,
      actorType: input.actor.type,
      actorId: input.actor.id ?? null,
      action: input.action,
      subjectType: input.subject.type,
      subjectId: input.subject.id,
      fields: input.fields ?? [],
    };
    const hash = hashEntry(prevHash, entry);
    rows.push({ ...entry, personalValues: input.personalValues, prevHash, hash });
    prevHash = hash;
  }
  // createMany keeps the order of rows, so seq follows the chain.
  for (let i = 0; i < rows.length; i += 5000) await tx.auditEvent.createMany({ data: rows.slice(i, i + 5000) });
}

export async function recordAuditEvent(tx: Tx, input: AuditInput, now = new Date()): Promise<void> {
  await recordAuditEvents(tx, [input], now);
}
