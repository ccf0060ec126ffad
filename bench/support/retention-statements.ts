// npx tsx --import ./lib/node/server-only-hook.mjs bench/support/retention-statements.ts <database url> [count=200]
// Where an erasure's time goes: erases `count` due contacts of a register made by `bench/retention.ts --load-only`
// through eraseContact (reason "retention"), with Prisma's query events, and prints the statements by total time, and
// the sequential scans per table the erasures caused (pg_stat_user_tables before and after).
import { PrismaClient } from "@/lib/generated/prisma/client";
import { openAdapter } from "@/lib/db/adapter";
import { eraseContact } from "@/lib/contacts/erase-contact";

const url = process.argv[2]!;
const count = Number(process.argv[3] ?? 200);
process.env.DATABASE_URL = url;
process.env.LOG_LEVEL = "warn";

async function seqScans(db: PrismaClient) {
  await db.$executeRawUnsafe(`SELECT pg_stat_force_next_flush()`);
  const rows = await db.$queryRawUnsafe<{ relname: string; seq: bigint; tup: bigint }[]>(
    `SELECT relname, seq_scan AS seq, seq_tup_read AS tup FROM pg_stat_user_tables`,
  );
  return new Map(rows.map((r) => [r.relname, { seq: Number(r.seq), tup: Number(r.tup) }]));
}

async function main() {
  const opened = await openAdapter({ kind: "postgres", url });
  const db = new PrismaClient({ adapter: opened.factory, log: [{ emit: "event", level: "query" }] });
  const byQuery = new Map<string, { n: number; ms: number }>();
  let on = false;
  db.$on("query", (e) => {
    if (!on) return;
    const key = e.query.replace(/\s+/g, " ").slice(0, 160);
    const q = byQuery.get(key) ?? { n: 0, ms: 0 };
    q.n += 1;
    q.ms += Number(e.duration);
    byQuery.set(key, q);
  });
  const due = await db.$queryRawUnsafe<{ id: string }[]>(
    `SELECT r."contactId" AS id FROM "ContactRole" r JOIN "Organisation" o ON o.id = r."organisationId"
      WHERE o."relationshipEnd" < now() - interval '10 years' ORDER BY r."contactId" LIMIT ${count}`,
  );
  const before = await seqScans(db);
  on = true;
  const started = performance.now();
  for (const d of due)
    await eraseContact({
      db,
      contactId: d.id,
      actor: { type: "RETENTION" },
      channel: "SELF_SERVICE",
      reason: "retention",
      suppressionKey: "x".repeat(40),
    });
  const ms = performance.now() - started;
  on = false;
  const after = await seqScans(db);
  console.log(`${due.length} erasures in ${(ms / 1000).toFixed(1)} s = ${(ms / due.length).toFixed(1)} ms each`);
  const total = [...byQuery.values()].reduce((a, q) => a + q.ms, 0);
  console.log(`statements: ${total.toFixed(0)} ms in all as Prisma timed them; by total time:`);
  for (const [k, q] of [...byQuery].sort((a, b) => b[1].ms - a[1].ms).slice(0, 25))
    console.log(`  ${q.ms.toFixed(0).padStart(6)} ms ${String(q.n).padStart(5)}×  ${k}`);
  console.log("sequential scans caused (table: scans, rows read):");
  for (const [t, a] of after) {
    const b = before.get(t) ?? { seq: 0, tup: 0 };
    if (a.seq > b.seq) console.log(`  ${t}: ${a.seq - b.seq}, ${(a.tup - b.tup).toLocaleString("en")}`);
  }
  await db.$disconnect();
  await opened.close();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
