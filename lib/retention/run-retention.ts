// The retention job: deletes every contact whose deletion date has passed, and keeps the forecast the Retention page
// reads. The date it acts on is the one the person is shown (computeDeletionDate over the policy file's rules, the
// same call as getContactRecord's), so there is no second rule written in SQL that could drift from it.
//
// It sweeps the register by id in keyset batches; each due contact is deleted through the erasure use-case
// (eraseContact with reason "retention": one transaction per contact with its audit entry, actor RETENTION), unless a
// legal hold keeps it. Within a batch a few are erased at once (RETENTION_CONCURRENCY; each still its own
// transaction, the audit chain appended under its lock one after another). The run row keeps the sweep's cursor
// after every batch, written once all of the batch is done: a run that stopped (crash, deploy) is continued by the
// next one from there, and deleting a contact twice is impossible (the second finds nothing).
// A dry run (lib/retention/cli.ts) computes the same and reports each due contact instead of deleting, storing nothing.
import "server-only";
import type { Db } from "@/lib/db/client";
import { eraseContact } from "@/lib/contacts/erase-contact";
import type { ContactCategory } from "@/lib/generated/prisma/enums";
import { getPolicy } from "@/lib/policy/current-policy";
import { computeDeletionDate, type DeletionDate } from "./compute-deletion-date";
import { heldContacts } from "./held-contacts";
import { loadRetentionBatch } from "./load-retention-batch";

/** Contacts falling due within this many days are kept in the forecast (the page shows 30, 90 and 365). */
export const FORECAST_DAYS = 365;
const DAY = 86_400_000;
/**
 * Erasures in flight at once. Each holds a pooled connection (node-postgres' default pool has 10, shared with the
 * worker's other jobs), so this stays well below it; on the embedded database they queue for its one connection,
 * which is harmless. Figures in bench/README.md, "Retention job".
 */
export const RETENTION_CONCURRENCY = 4;

export type DueContact = {
  id: string;
  category: ContactCategory;
  retention: Extract<DeletionDate, { kind: "date" }>;
  held: boolean;
};

export type RetentionRunSummary = {
  runId: string | null;
  dryRun: boolean;
  swept: number;
  due: number;
  deleted: number;
  held: number;
  failed: number;
  byCategory: Partial<Record<ContactCategory, number>>;
};

export async function runRetention(opts: {
  db: Db;
  suppressionKey: string;
  /** "schedule", "start" (the catch-up at worker start) or "cli". */
  trigger: string;
  now?: Date;
  dryRun?: boolean;
  batchSize?: number;
  /** How many contacts are erased at once (default RETENTION_CONCURRENCY); 1 erases one after another. */
  concurrency?: number;
  /** Called for every due contact (the dry run prints them). */
  onDue?: (contact: DueContact) => void;
}): Promise<RetentionRunSummary> {
  const { db } = opts;
  const now = opts.now ?? new Date();
  const dryRun = opts.dryRun ?? false;
  const size = opts.batchSize ?? 1000;
  const concurrency = Math.max(1, Math.floor(opts.concurrency ?? RETENTION_CONCURRENCY));
  const rules = getPolicy().categories;
  const horizon = new Date(now.getTime() + FORECAST_DAYS * DAY);

  const run = dryRun ? null : await openRun(db, opts.trigger, now);
  const summary: RetentionRunSummary = {
    runId: run?.id ?? null,
    dryRun,
    swept: run?.swept ?? 0,
    due: run?.due ?? 0,
    deleted: run?.deleted ?? 0,
    held: run?.held ?? 0,
    failed: run?.failed ?? 0,
    byCategory: (run?.byCategory as RetentionRunSummary["byCategory"] | undefined) ?? {},
  };
  let cursor = run?.cursor ?? null;

  for (;;) {
    const batch = await loadRetentionBatch(db, cursor, size);
    if (batch.length === 0) break;
    cursor = batch[batch.length - 1]!.id;
    summary.swept += batch.length;

    const forecast: { contactId: string; deleteBy: Date; since: Date; reason: string; category: ContactCategory }[] =
      [];
    const due: { id: string; category: ContactCategory; retention: DueContact["retention"] }[] = [];
    for (const c of batch) {
      const retention = computeDeletionDate(c, rules);
      if (retention.kind !== "date" || retention.deleteBy > horizon) continue;
      forecast.push({
        contactId: c.id,
        deleteBy: retention.deleteBy,
        since: retention.since,
        reason: retention.reason,
        category: c.category,
      });
      if (retention.deleteBy <= now) due.push({ id: c.id, category: c.category, retention });
    }
    const held = await heldContacts(
      db,
      due.map((d) => d.id),
      now,
    );
    const deleted = new Set<string>();

    const toErase: typeof due = [];
    for (const d of due) {
      summary.due += 1;
      const isHeld = held.has(d.id);
      opts.onDue?.({ ...d, held: isHeld });
      if (isHeld) {
        summary.held += 1;
        continue;
      }
      if (!dryRun) toErase.push(d);
    }
    // A few at a time: each erasure is its own transaction and waits mostly on round trips, so they overlap well;
    // only the audit append is serialised (its advisory lock). All of the batch is done before the cursor moves on.
    await eachConcurrently(toErase, concurrency, async (d) => {
      try {
        const r = await eraseContact({
          db,
          contactId: d.id,
          actor: { type: "RETENTION" },
          channel: "SELF_SERVICE",
          reason: "retention",
          suppressionKey: opts.suppressionKey,
          now,
        });
        if (r.ok) {
          deleted.add(d.id);
          summary.deleted += 1;
          summary.byCategory[d.category] = (summary.byCategory[d.category] ?? 0) + 1;
        }
      } catch {
        // One contact that cannot be deleted (a lock timeout, a constraint) must not stop the rest; the next run
        // tries it again, and the run's count says how many were left.
        summary.failed += 1;
      }
    });

    if (run) {
      // A contact that failed to be deleted is still there; its row keeps it on the page as overdue.
      const kept = forecast.filter((f) => !deleted.has(f.contactId));
      await db.$transaction([
        db.retentionForecast.deleteMany({ where: { contactId: { in: batch.map((c) => c.id) } } }),
        db.retentionForecast.createMany({ data: kept.map((f) => ({ ...f, runId: run.id })), skipDuplicates: true }),
        db.retentionRun.update({
          where: { id: run.id },
          data: {
            cursor,
            swept: summary.swept,
            due: summary.due,
            deleted: summary.deleted,
            held: summary.held,
            failed: summary.failed,
            byCategory: summary.byCategory,
          },
        }),
      ]);
    }
  }

  if (run) {
    await db.$transaction([
      // Rows an earlier run left that this one did not replace (contacts created and deleted in between are gone by
      // cascade already; this is the belt to those braces).
      db.retentionForecast.deleteMany({ where: { runId: { not: run.id } } }),
      db.retentionRun.update({ where: { id: run.id }, data: { finishedAt: new Date(), cursor: null } }),
    ]);
  }
  return summary;
}

/** The unfinished run to continue (its cursor and counts), or a new one. */
async function openRun(db: Db, trigger: string, now: Date) {
  const unfinished = await db.retentionRun.findFirst({
    where: { finishedAt: null, dryRun: false },
    orderBy: { startedAt: "desc" },
  });
  if (unfinished) return unfinished;
  return db.retentionRun.create({ data: { trigger, asOf: now } });
}

/** Runs `work` for every item, at most `limit` at a time, and resolves when all are done. `work` must not throw. */
async function eachConcurrently<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}
