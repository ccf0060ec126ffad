// npx tsx --import ./lib/node/server-only-hook.mjs bench/import-contacts.ts [--rows 50000] [--pg postgresql://…] [--skip-pglite]
// Generates an import file with 10 % bad rows and runs parse → validate (preview) → preview summary and rejected
// rows' CSV → import against an in-memory
// PGlite and, with --pg, against a fresh PostgreSQL database created and dropped for the run. Prints the time of each
// phase and the peak resident memory.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { createPglite } from "@/lib/db/pglite";
import { createDb, type Db } from "@/lib/db/client";
import type { DatabaseTarget } from "@/lib/db/adapter";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { applyMigrations } from "@/lib/db/migrations";
import { rawFromUrl } from "@/lib/db/raw";
import { importContacts } from "@/lib/import/import-contacts";
import { parseImportFile } from "@/lib/import/parse-import-file";
import { buildRejectedRowsCsv } from "@/lib/import/build-rejected-rows-csv";
import { summariseImportPreview } from "@/lib/import/summarise-import-preview";
import { suggestColumnMapping } from "@/lib/import/suggest-column-mapping";
import { validateImportRows } from "@/lib/import/validate-import-rows";
import { seedDemo } from "@/prisma/seed-demo";
import { generateImportCsv } from "@/tests/fixtures/import/generate-import-csv";

const KEY = "bench-suppression-key";
let peakRss = 0;
const sample = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));
const mib = (b: number) => `${Math.round(b / 1024 / 1024)} MiB`;

async function timed<T>(label: string, f: () => Promise<T> | T): Promise<T> {
  const started = performance.now();
  const result = await f();
  sample();
  console.log(
    `  ${label.padEnd(22)} ${((performance.now() - started) / 1000).toFixed(2).padStart(7)} s   rss ${mib(process.memoryUsage().rss)}`,
  );
  return result;
}

async function benchOn(where: string, target: DatabaseTarget, rows: number): Promise<void> {
  console.log(`\n${where}: ${rows.toLocaleString("en")} rows, 10 % bad`);
  peakRss = 0;
  await applyMigrations(target);
  const { db, close } = await createDb(target);
  try {
    await seedDemo({ db });
    const staff = await db.staffUser.findFirstOrThrow({ where: { role: "ADMIN" } });
    const started = performance.now();
    const { csv, good, bad } = await timed("generate file", () =>
      generateImportCsv(rows, randomBytes(3).toString("hex")),
    );
    const contactsBefore = await db.contact.count();
    console.log(`  (file ${(Buffer.byteLength(csv) / 1024 / 1024).toFixed(1)} MB)`);
    const parsed = await timed("parse", () => parseImportFile({ content: csv }));
    if (!parsed.ok) throw new Error(parsed.error.code);
    const preview = await timed("validate (preview)", () =>
      validateImportRows({
        db,
        rows: parsed.data.rows,
        mapping: suggestColumnMapping({ headers: parsed.data.headers }),
        options: { category: "PROSPECT", sourceType: "IMPORTED", sourceDetail: "Bench CRM export", duplicates: "skip" },
        suppressionKey: KEY,
        staff,
      }),
    );
    if (!preview.ok) throw new Error(JSON.stringify(preview));
    // What the page shows before the import: the counts and first rows of each kind, and the rejected rows' file.
    const summary = await timed("preview summary", () =>
      summariseImportPreview({ db, preview: preview.data, sample: 20 }),
    );
    const rejectedCsv = await timed("rejected rows CSV", () =>
      buildRejectedRowsCsv({
        headers: parsed.data.headers,
        rows: parsed.data.rows,
        rejected: preview.data.rows.filter((r) => r.status === "invalid"),
        lang: "sv",
      }),
    );
    if (summary.counts.rejected !== bad || rejectedCsv.split("\r\n").length !== bad + 2)
      throw new Error(`preview check failed: ${summary.counts.rejected} rejected, expected ${bad}`);
    const timer = setInterval(sample, 50);
    const phases: string[] = [];
    const importStart = performance.now();
    const result = await timed("import (transaction)", () =>
      importContacts({
        db: db as Db,
        rows: preview.data.rows,
        options: preview.data.options,
        staff,
        suppressionKey: KEY,
        // Time spent up to the end of each step inside the transaction.
        onProgress: ({ phase, done, total }) => {
          if (done === total) phases.push(`${phase} ${((performance.now() - importStart) / 1000).toFixed(1)} s`);
        },
      }),
    );
    clearInterval(timer);
    console.log(`  (inside the import, cumulative: ${phases.join(", ")})`);
    // The figures count only if the import did what it must: every good row in, every bad row reported with a reason,
    // the audit chain intact (the checks the test suite makes on a smaller file).
    const problems = [
      result.created === good ? null : `created ${result.created}, expected ${good}`,
      result.notImported.length === bad ? null : `not imported ${result.notImported.length}, expected ${bad}`,
      result.notImported.every((r) => r.errors.length > 0) ? null : "a refused row without its reason",
      (await db.contact.count()) === contactsBefore + good ? null : "contact count does not match",
      (await verifyAuditChain({ db })).ok ? null : "the audit chain does not verify",
    ].filter(Boolean);
    if (problems.length) throw new Error(`import check failed: ${problems.join("; ")}`);
    console.log("  checks: every good row imported, every bad row reported with its reason, audit chain verified");
    const total = (performance.now() - started) / 1000;
    console.log(
      `  total ${total.toFixed(2)} s; created ${result.created.toLocaleString("en")}, not imported ${result.notImported.length.toLocaleString("en")}, ` +
        `organisations ${result.organisationsCreated}, audit entries ${(await db.auditEvent.count()).toLocaleString("en")}; peak rss ${mib(peakRss)}`,
    );
  } finally {
    await close();
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      rows: { type: "string", default: "50000" },
      pg: { type: "string" },
      // Measure PostgreSQL alone, so its memory figure is not the PGlite run's.
      "skip-pglite": { type: "boolean", default: false },
    },
  });
  const rows = Number(values.rows);
  if (!values["skip-pglite"]) {
    const pglite = await createPglite();
    await benchOn("PGlite (in memory)", { kind: "pglite", pglite }, rows);
    await pglite.close();
  }
  if (values.pg) {
    const admin = await rawFromUrl(values.pg);
    const name = `tillit_bench_import_${randomBytes(4).toString("hex")}`;
    await admin.query(`CREATE DATABASE "${name}"`);
    const url = new URL(values.pg);
    url.pathname = `/${name}`;
    try {
      await benchOn("PostgreSQL", { kind: "postgres", url: url.toString() }, rows);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.close();
    }
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
