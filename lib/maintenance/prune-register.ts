// Applies every prune rule once, one table after another. A rule that fails is reported and the others still run:
// one broken table must not let the rest grow.
import "server-only";
import type { Db } from "@/lib/db/client";
import { PRUNE_RULES, type PruneRule } from "./prune-rules";

export type PruneOutcome = { table: string; deleted: number } | { table: string; error: string };

export async function pruneRegister(opts: {
  db: Db;
  now?: Date;
  rules?: readonly PruneRule[];
  batchSize?: number;
}): Promise<PruneOutcome[]> {
  const now = opts.now ?? new Date();
  const outcomes: PruneOutcome[] = [];
  for (const rule of opts.rules ?? PRUNE_RULES) {
    try {
      outcomes.push({ table: rule.table, deleted: await rule.prune(opts.db, now, opts.batchSize) });
    } catch (error) {
      outcomes.push({ table: rule.table, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return outcomes;
}
