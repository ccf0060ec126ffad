// npx tsx --import ./lib/node/server-only-hook.mjs bench/segment-count.ts [--db postgresql://…/tillit_bench] [--runs 7]
// Times the segment builder's live count (lib/segments/count-segment.ts: total, eligible, and who is left out and why)
// on a large register in PostgreSQL, for a few typical filters, with and without a topic. Uses an existing bulk
// database (bash bench/seed-bulk.sh keeps none; make one with `createdb tillit_bench`, `DATABASE_URL=… npm run
// db:migrate` and `DATABASE_URL=… npm run db:seed:bulk -- --contacts 1000000`). Before timing it makes sure every
// contact has its addressHash (older bulk data has none: filled in here in batches, hashed in JS with the configured
// key) and that 1 % of addresses are suppressed and 1 % opted out of marketing, so the breakdown has work to do.
// Prints the median and p95 of the timed runs after one unmeasured warm-up run per case.
import { parseArgs } from "node:util";
import { createDb, type Db } from "@/lib/db/client";
import { getConfig } from "@/lib/env/config";
import { backfillAddressHashes } from "@/lib/segments/backfill-address-hashes";
import { Prisma } from "@/lib/generated/prisma/client";
import { countSegment } from "@/lib/segments/count-segment";
import { exclusionReasonSql } from "@/lib/segments/exclusion-sql";
import { segmentFilterSchema, type SegmentFilterInput } from "@/lib/segments/segment-filter";
import { segmentConditionSql } from "@/lib/segments/segment-sql";

const { values } = parseArgs({
  options: {
    db: { type: "string", default: "postgresql://postgres@127.0.0.1:5432/tillit_bench" },
    runs: { type: "string", default: "7" },
  },
});
const RUNS = Number(values.runs);

async function prepare(db: Db): Promise<void> {
  const filled = await backfillAddressHashes({
    db,
    suppressionKey: getConfig().suppressionKey,
    batchSize: 20_000,
    onProgress: (n) => process.stdout.write(`\r  addressHash filled in for ${n.toLocaleString("en")} contacts`),
  });
  if (filled > 0) process.stdout.write("\n");
  const [marked] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM "Suppression" WHERE note = 'bench:segment-count'`;
  if (!marked?.n) {
    // Hashed ids make the choice spread over the register rather than follow insertion order.
    await db.$executeRaw`INSERT INTO "Suppression" (id, "addressHash", reason, scope, note)
      SELECT 'bench_' || c.id, c."addressHash",
        (ARRAY['HARD_BOUNCE','COMPLAINT','UNSUBSCRIBED_ALL','MANUAL'])[1 + abs(hashtext(c.id)) % 4]::"SuppressionReason",
        CASE WHEN abs(hashtext(c.id)) % 4 IN (0, 3) THEN 'ALL' ELSE 'MARKETING' END::"SuppressionScope",
        'bench:segment-count'
      FROM "Contact" c WHERE abs(hashtext(c.id)) % 100 = 1 AND c."addressHash" IS NOT NULL
      ON CONFLICT DO NOTHING`;
    await db.$executeRaw`UPDATE "Contact" SET "marketingOptOutAt" = now()
      WHERE abs(hashtext(id)) % 100 = 2 AND "marketingOptOutAt" IS NULL`;
    await db.$executeRawUnsafe(`ANALYZE`);
  }
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

async function main() {
  const { db, close } = await createDb({ kind: "postgres", url: values.db });
  try {
    const contacts = await db.contact.count();
    console.log(`Segment count on ${values.db.replace(/\/\/[^@]*@/, "//")}: ${contacts.toLocaleString("en")} contacts`);
    await prepare(db);
    const topics = await db.topic.findMany({ where: { key: { in: ["newsletter", "service-notices"] } } });
    const newsletter = topics.find((x) => x.key === "newsletter")?.id;
    const service = topics.find((x) => x.key === "service-notices")?.id;
    const cases: { label: string; filter: SegmentFilterInput; topicId?: string }[] = [
      { label: "everyone, no topic", filter: {} },
      { label: "customers + en, no topic", filter: { categories: ["CUSTOMER_CONTACT"], languages: ["en"] } },
      { label: "everyone, newsletter", filter: {}, topicId: newsletter },
      { label: "customers, newsletter", filter: { categories: ["CUSTOMER_CONTACT"] }, topicId: newsletter },
      {
        label: "tech roles current, newsletter",
        filter: { roleTypes: ["TECHNICAL_CONTACT", "SYSTEM_ADMINISTRATOR"] },
        topicId: newsletter,
      },
      { label: "customers, service notices", filter: { relationships: ["CUSTOMER"] }, topicId: service },
      {
        label: "created 2026 + source, newsletter",
        filter: { createdFrom: "2026-01-01", sourceDetail: "bulk" },
        topicId: newsletter,
      },
    ];
    console.log(`${"case".padEnd(36)} ${"total".padStart(9)} ${"eligible".padStart(9)}   median      p95`);
    for (const c of cases) {
      const filter = segmentFilterSchema.parse(c.filter);
      const times: number[] = [];
      let last: Awaited<ReturnType<typeof countSegment>> | undefined;
      for (let i = 0; i <= RUNS; i++) {
        const started = performance.now();
        last = await countSegment({ db, filter, topicId: c.topicId });
        if (i > 0) times.push(performance.now() - started);
      }
      if (!last?.ok) throw new Error(`${c.label}: topic not found`);
      const eligible = last.count.topic ? last.count.eligible.toLocaleString("en") : "–";
      console.log(
        `${c.label.padEnd(36)} ${last.count.total.toLocaleString("en").padStart(9)} ${eligible.padStart(9)} ` +
          `${percentile(times, 50).toFixed(0).padStart(6)} ms ${percentile(times, 95).toFixed(0).padStart(6)} ms`,
      );
    }
    console.log(`(${RUNS} timed runs per case after one warm-up; target ≤ 300 ms)`);
    await crossCheck(db, cases.at(-2)!.filter, service!);
  } finally {
    await close();
  }
}

// The count reads ContactFacts; the mailing's expansion and send-time check read the normalised tables. Compare the
// two on the whole register for one case (slow: joins every subscription, basis and role row).
async function crossCheck(db: Db, input: SegmentFilterInput, topicId: string): Promise<void> {
  const filter = segmentFilterSchema.parse(input);
  const topic = await db.topic.findUniqueOrThrow({ where: { id: topicId } });
  const today = new Date();
  const started = performance.now();
  const rows = await db.$queryRaw<{ reason: string | null; n: number }[]>(Prisma.sql`
    SELECT ${exclusionReasonSql(topic, today)} AS reason, count(*)::int AS n FROM "Contact" c
    WHERE ${segmentConditionSql(filter, today)} GROUP BY 1`);
  const normalised = Object.fromEntries(rows.map((r) => [r.reason ?? "eligible", r.n]));
  const r = await countSegment({ db, filter, topicId, today });
  if (!r.ok || !r.count.topic) throw new Error("no breakdown");
  const facts: Record<string, number> = { eligible: r.count.eligible };
  for (const [reason, n] of Object.entries(r.count.excluded)) if (n > 0) facts[reason] = n;
  const same = JSON.stringify(Object.entries(facts).sort()) === JSON.stringify(Object.entries(normalised).sort());
  console.log(
    `cross-check (${topic.key}, ${JSON.stringify(input)}): the count from ContactFacts ${same ? "equals" : "DIFFERS FROM"} ` +
      `the one from the normalised tables (${(performance.now() - started).toFixed(0)} ms) ${JSON.stringify(normalised)}`,
  );
  if (!same) throw new Error(`cross-check failed: facts ${JSON.stringify(facts)}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
