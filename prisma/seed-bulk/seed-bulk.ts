// The synthetic register for benchmarks, with a history: N contacts in organisations of 20, and around them about
// five audit entries a contact over five years, subscription changes and opt-outs, privacy requests, past mailings
// with their send logs (one to every contact), ended roles and former customers. Each contact batch is one
// transaction of set-based INSERT … SELECT FROM unnest(…) statements; the audit entries of the whole history are
// collected while the batches are written and appended last, in time order, as a continuation of the trail's chain.
import { randomBytes } from "node:crypto";
import type { RawSql } from "@/lib/db/raw";
import { DEFER_CONTACT_FACTS_SQL, REFRESH_CONTACT_FACTS_SQL } from "@/lib/segments/contact-facts-sql";
import { contactId, loadContext } from "./context";
import { planContact } from "./contact-plan";
import { EventLog } from "./event-log";
import { finishMailings, writeDeliveries, writeMailings, type DeliveryTally } from "./mailings";
import { writePrivacyRequests } from "./privacy-requests";
import { writeRegister } from "./register";
import { writeSubscriptionHistory } from "./subscription-history";
import { writeAuditChain } from "./write-audit-chain";
import { inTransaction } from "./sql";

export type SeedBulkOptions = {
  total: number;
  batchSize?: number;
  suppressionKey: string;
  /** The end of the history (default: the moment the seed starts). */
  now?: Date;
  /** Prefix of every id (default: random, so a second load into the same database adds, never collides). */
  run?: string;
  onProgress?: (phase: "register" | "audit", done: number, of: number) => void;
};

export type SeedBulkResult = {
  run: string;
  seconds: { register: number; audit: number };
  auditEntries: number;
  /** Rows per table after the load (the whole table, demo data included). */
  rows: Record<string, number>;
};

const TABLES = [
  "Organisation",
  "Contact",
  "ContactRole",
  "ContactLegalBasis",
  "Subscription",
  "SubscriptionChange",
  "Suppression",
  "PrivacyRequest",
  "Mailing",
  "Delivery",
  "AuditEvent",
  "ContactFacts",
];

export async function seedBulk(raw: RawSql, opts: SeedBulkOptions): Promise<SeedBulkResult> {
  const run = opts.run ?? randomBytes(3).toString("hex");
  const batchSize = opts.batchSize ?? 10_000;
  const base = await loadContext(raw, {
    run,
    total: opts.total,
    now: opts.now ?? new Date(),
    suppressionKey: opts.suppressionKey,
  });
  // Organisation numbers continue after those of an earlier bulk load (unique in the register).
  const [{ n: earlier }] = (await raw.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "Organisation" WHERE "orgNumber" >= '559100-0000' AND "orgNumber" < '559200-0000'`,
  )) as [{ n: number }];
  const managers = (
    await raw.query<{ id: string }>(`SELECT id FROM "StaffUser" WHERE role = 'ACCOUNT_MANAGER' AND active ORDER BY id`)
  ).map((r) => r.id);
  const ctx = { ...base, orgNumberOffset: earlier, managers };
  const log = new EventLog(ctx.from);
  const tally: DeliveryTally = [];

  const t0 = performance.now();
  await inTransaction(raw, () => writeMailings(raw, ctx));
  for (let offset = 0; offset < opts.total; offset += batchSize) {
    const n = Math.min(batchSize, opts.total - offset);
    const plans = Array.from({ length: n }, (_, k) => planContact(ctx, offset + k));
    await inTransaction(raw, async () => {
      // The facts triggers stay off while the batch's contacts and history are written (subscriptions rewritten,
      // suppressions added), and each facts row is computed once, at the end.
      await raw.query(DEFER_CONTACT_FACTS_SQL);
      await writeRegister(raw, ctx, plans, log);
      await writeSubscriptionHistory(raw, ctx, plans, log);
      await writePrivacyRequests(raw, ctx, plans, log);
      await writeDeliveries(raw, ctx, plans, tally);
      await raw.query(REFRESH_CONTACT_FACTS_SQL, [plans.map((p) => contactId(ctx, p.i))]);
    });
    opts.onProgress?.("register", offset + n, opts.total);
  }
  await inTransaction(raw, () => finishMailings(raw, ctx, tally, log));
  const t1 = performance.now();
  const auditEntries = await writeAuditChain(raw, ctx, log, {
    onProgress: (done) => opts.onProgress?.("audit", done, log.length),
  });
  const t2 = performance.now();

  const rows: Record<string, number> = {};
  for (const table of TABLES) {
    const [r] = await raw.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`);
    rows[table] = r!.n;
  }
  return { run, seconds: { register: (t1 - t0) / 1000, audit: (t2 - t1) / 1000 }, auditEntries, rows };
}
