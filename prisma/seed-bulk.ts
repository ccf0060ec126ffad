// npm run db:seed:bulk -- --contacts N [--batch 10000] [--verify]
// Synthetic register with a history for benchmarks (prisma/seed-bulk/seed-bulk.ts says what it holds), added to the
// demo data in the configured database (DATABASE_URL, or the embedded PGlite). Prints its timings and row counts;
// --verify then checks the whole audit chain with the app's full check, which records a checkpoint as the worker's
// daily check does, so the audit page starts from it instead of catching up 5,000 entries a view.
import { parseArgs } from "node:util";
import { openPglite } from "@/lib/db/adapter";
import { createDb } from "@/lib/db/client";
import { checkMigrations } from "@/lib/db/migrations";
import { rawFromPglite, rawFromUrl, type RawSql } from "@/lib/db/raw";
import { verifyAuditChainFully } from "@/lib/audit/check-audit-chain";
import { getConfig } from "@/lib/env/config";
import { seedIfEmpty } from "./seed-demo";
import { seedBulk } from "./seed-bulk/seed-bulk";

async function openRaw(): Promise<{ raw: RawSql; close: () => Promise<void>; where: string }> {
  const db = getConfig().database;
  if (db.kind === "postgres") {
    const raw = await rawFromUrl(db.url);
    return { raw, close: raw.close, where: "PostgreSQL" };
  }
  const opened = await openPglite(db.dir);
  return { raw: rawFromPglite(opened.pglite), close: opened.close, where: `PGlite (${db.dir})` };
}

async function main() {
  const { values } = parseArgs({
    options: {
      contacts: { type: "string" },
      batch: { type: "string", default: "10000" },
      verify: { type: "boolean", default: false },
    },
  });
  const total = Number(values.contacts);
  const batchSize = Number(values.batch);
  if (!Number.isInteger(total) || total <= 0 || !Number.isInteger(batchSize) || batchSize <= 0) {
    console.error("Usage: npm run db:seed:bulk -- --contacts N [--batch 10000] [--verify]");
    process.exit(2);
  }
  // Topics and staff come from the demo seed; it does nothing on a database that already has data.
  await seedIfEmpty(getConfig().database);
  const { raw, close, where } = await openRaw();
  let entries = 0;
  try {
    const pending = await checkMigrations(raw);
    if (pending.length > 0) throw new Error("The database is not fully migrated: run npm run db:migrate first.");
    const started = performance.now();
    const result = await seedBulk(raw, {
      total,
      batchSize,
      suppressionKey: getConfig().suppressionKey,
      onProgress: (phase, done, of) => {
        const s = ((performance.now() - started) / 1000).toFixed(1);
        const what = phase === "register" ? "contacts" : "audit entries";
        process.stdout.write(
          `\r${phase}: ${done.toLocaleString("en")} / ${of.toLocaleString("en")} ${what}, ${s} s   `,
        );
      },
    });
    entries = result.rows.AuditEvent ?? 0;
    // Statistics for the planner, as after any bulk load: without them PostgreSQL estimates a lookup of 500 contacts'
    // roles at 650,000 rows and scans the table (the API list measured 1.1 s a page before, 0.1 s after).
    await raw.query("ANALYZE");
    const seconds = (performance.now() - started) / 1000;
    process.stdout.write("\n");
    console.log(
      `Loaded ${total.toLocaleString("en")} contacts with their history into ${where} in ${seconds.toFixed(1)} s ` +
        `(register and history ${result.seconds.register.toFixed(1)} s, ` +
        `${result.auditEntries.toLocaleString("en")} audit entries ${result.seconds.audit.toFixed(1)} s), batches of ${batchSize}.`,
    );
    console.log(
      "Rows now: " +
        Object.entries(result.rows)
          .map(([t, n]) => `${t} ${n.toLocaleString("en")}`)
          .join(", "),
    );
  } finally {
    await close();
  }
  if (values.verify) {
    const started = performance.now();
    const { db, close: closeDb } = await createDb(getConfig().database);
    try {
      const verdict = await verifyAuditChainFully({ db });
      const s = ((performance.now() - started) / 1000).toFixed(1);
      if (!verdict.ok) throw new Error(`Audit chain broken at seq ${verdict.brokenAt} (${verdict.reason}).`);
      console.log(
        `Audit chain intact: ${verdict.entries.toLocaleString("en")} of ${entries.toLocaleString("en")} entries checked in ${s} s.`,
      );
    } finally {
      await closeDb();
    }
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
