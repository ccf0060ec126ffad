// The audit trail's tamper evidence: each entry's hash covers its own fields and the previous entry's hash, so
// editing, inserting or removing an entry breaks every hash after it.
import { createHash } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

export type ChainedFields = {
  at: Date;
  actorType: string;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  fields: readonly string[];
};

export function hashEntry(prevHash: string, e: ChainedFields): string {
  // A fixed-order array, so the serialisation cannot change with object key order.
  const canonical = JSON.stringify([
    prevHash,
    e.at.toISOString(),
    e.actorType,
    e.actorId,
    e.action,
    e.subjectType,
    e.subjectId,
    e.fields,
  ]);
  return createHash("sha256").update(canonical).digest("hex");
}
